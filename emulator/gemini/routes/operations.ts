/**
 * The create operation of each tuned model (docs/gemini-api.md#operations): get and list under `/v1beta/` and
 * `/v1/`, cancel under `/v1/` only (the v1beta service config binds no cancel). A model has exactly one
 * operation; deleting the model deletes it. On v1, ListOperations is first bound to `/v1/operations` (every
 * operation of the caller's models), which is what a v1 client lists without naming a model.
 */
import { notFound } from "../../errors";
import { nowMs } from "../../json/timestamps";
import { paginate, pageSizeOf } from "../../pagination";
import { renderOperation } from "../render";
import { cancelJob } from "../training";
import { directRole } from "../access";
import { loadModel } from "./lookup";
import { queryParam } from "../../routes/query";
import { GeminiCall, GeminiRoute } from "../half";

const OPERATIONS = "google.longrunning.Operations";
const TUNING_READ = ["generative-language.tuning", "generative-language.tuning.readonly"] as const;

function loadOperationModel(call: GeminiCall, minimum: "READER" | "WRITER") {
  const model = loadModel(call, call.params[0], minimum);
  if (model.job.operationId !== call.params[1]) {
    throw notFound(`Operation tunedModels/${model.id}/operations/${call.params[1]} does not exist.`);
  }
  return model;
}

/** GetOperation. */
export const getOperation: GeminiRoute = {
  name: "operations.get",
  rpc: `${OPERATIONS}.GetOperation`,
  method: "GET",
  versions: ["v1beta", "v1"],
  pattern: /^tunedModels\/([^/:]+)\/operations\/([^/:]+)$/,
  scopes: TUNING_READ,
  handler: (call) => ({ json: renderOperation(loadOperationModel(call, "READER"), "current") }),
};

/** ListOperations (`filter` is accepted and ignored: there is only one operation per model). */
export const listOperations: GeminiRoute = {
  name: "operations.list",
  rpc: `${OPERATIONS}.ListOperations`,
  method: "GET",
  versions: ["v1beta", "v1"],
  pattern: /^tunedModels\/([^/:]+)\/operations$/,
  scopes: TUNING_READ,
  handler: (call) => {
    const model = loadModel(call, call.params[0], "READER");
    const pageSize = pageSizeOf(queryParam(call.query, "pageSize"), 10);
    const page = paginate([model], (m) => [m.id], pageSize, queryParam(call.query, "pageToken"), `ops|${model.id}|${pageSize}`);
    const json: Record<string, unknown> = { operations: page.items.map((m) => renderOperation(m, "current")) };
    if (page.nextPageToken) json.nextPageToken = page.nextPageToken;
    return { json };
  },
};

/** ListOperations at `/v1/operations`: the create operations of every model the caller holds a role on. */
export const listAllOperations: GeminiRoute = {
  name: "operations.listAll",
  rpc: `${OPERATIONS}.ListOperations`,
  method: "GET",
  versions: ["v1"],
  pattern: /^operations$/,
  scopes: TUNING_READ,
  handler: (call) => {
    const principal = call.caller.principal;
    const models = call.half.store.allModels().filter((m) => directRole(m, principal) !== undefined);
    const pageSize = pageSizeOf(queryParam(call.query, "pageSize"), 10);
    const page = paginate(
      models,
      (m) => [m.createTimeMs, m.id],
      pageSize,
      queryParam(call.query, "pageToken"),
      `operations|${pageSize}|${principal}`,
    );
    const json: Record<string, unknown> = {};
    // An empty repeated field is a proto3 default and is omitted.
    if (page.items.length > 0) json.operations = page.items.map((m) => renderOperation(m, "current"));
    if (page.nextPageToken) json.nextPageToken = page.nextPageToken;
    return { json };
  },
};

/**
 * CancelOperation (v1 only). A running job stops: the model becomes FAILED and the operation ends with gRPC
 * code 1 (CANCELLED), as google.longrunning specifies. Cancelling a finished operation changes nothing.
 */
export const cancelOperation: GeminiRoute = {
  name: "operations.cancel",
  rpc: `${OPERATIONS}.CancelOperation`,
  method: "POST",
  versions: ["v1"],
  pattern: /^tunedModels\/([^/:]+)\/operations\/([^/:]+):cancel$/,
  scopes: ["generative-language.tuning"],
  handler: (call) => {
    const model = loadOperationModel(call, "WRITER");
    if (model.state === "CREATING") {
      cancelJob(model, nowMs());
      call.half.store.touch();
    }
    return { json: {} };
  },
};
