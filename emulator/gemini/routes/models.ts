/**
 * `GET /v1beta/models` and `GET /v1beta/models/{id}`: the base-model catalogue (docs/gemini-api.md, Base models and step accounting).
 */
import { renderBaseModel } from "../baseModels";
import { notFound } from "../../errors";
import { paginate, pageSizeOf } from "../../pagination";
import { queryParam } from "../../routes/query";
import { GeminiRoute } from "../half";

const MODEL_SERVICE = "google.ai.generativelanguage.v1beta.ModelService";

/** ListModels: pageSize defaults to 50 (the documented default for this method), max 1000. */
export const listModels: GeminiRoute = {
  name: "models.list",
  rpc: `${MODEL_SERVICE}.ListModels`,
  method: "GET",
  versions: ["v1beta", "v1"],
  pattern: /^models$/,
  handler: (call) => {
    const catalog = [...call.half.catalog()];
    const page = paginate(
      catalog,
      (m) => [catalog.indexOf(m)],
      pageSizeOf(queryParam(call.query, "pageSize"), 50),
      queryParam(call.query, "pageToken"),
      "models",
    );
    const json: Record<string, unknown> = { models: page.items.map(renderBaseModel) };
    if (page.nextPageToken) json.nextPageToken = page.nextPageToken;
    return { json };
  },
};

/** GetModel. */
export const getModel: GeminiRoute = {
  name: "models.get",
  rpc: `${MODEL_SERVICE}.GetModel`,
  method: "GET",
  versions: ["v1beta", "v1"],
  pattern: /^models\/([^/:]+)$/,
  handler: (call) => {
    const name = `models/${call.params[0]}`;
    const model = call.half.catalog().find((m) => m.name === name);
    if (!model) throw notFound(`${name} is not found for API version ${call.version}, or is not supported for getModel.`);
    return { json: renderBaseModel(model) };
  },
};
