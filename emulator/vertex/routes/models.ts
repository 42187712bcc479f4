/**
 * `projects/{p}/locations/{l}/models/{m}`: get, list, patch and delete (ModelService) of the models tuning jobs
 * produce.
 *
 * List pages by create time, oldest first (pageSize default 100, max 1000); it serves no `filter` or
 * `orderBy` (a non-empty one is a 400 saying so) since the emulator only holds tuned models.
 *
 * Versions: `{m}` and `{m}@default` name version 1, `{m}@{n}` a later one (`../modelVersions.ts`); list shows
 * one entry per model; delete removes every version, `:deleteVersion` one.
 *
 * Patch needs `updateMask` (the proto marks it required): paths `displayName`, `description`, `labels`
 * (camelCase or snake_case; `*` means all three); any other path is a 400. A masked field absent from the body
 * is cleared, except `displayName`, which a Model must have (400 if emptied). Delete returns an operation and
 * is refused with 400 FAILED_PRECONDITION while an endpoint still has the model deployed (as documented).
 */
import { failedPrecondition, FieldViolation, invalidArgument } from "../../errors";
import { snakeToCamel } from "../../json/fieldNames";
import { decodeMessage } from "../../json/schema";
import { nowMs } from "../../json/timestamps";
import { VERTEX_MODEL, VertexModelInput } from "../messages";
import { modelIdOf, versionIdOf } from "../modelVersions";
import { startVertexOperation } from "../operations";
import { deployedRefs, parentName, renderVertexModel, renderVertexOperation, vertexModelName } from "../render";
import { StoredVertexModel } from "../state";
import { displayNameViolations, labelViolations } from "../validation";
import { paginate, pageSizeOf } from "../../pagination";
import { queryList, queryParam } from "../../routes/query";
import { VertexCall, VertexRoute } from "../half";
import { AIPLATFORM_RPC, loadVertexModel, PARENT, parentOf, VERTEX_ROUTE } from "./common";

const SERVICE = `${AIPLATFORM_RPC}.ModelService`;
const MUTABLE = ["displayName", "description", "labels"] as const;
type MutablePath = (typeof MUTABLE)[number];

function render(call: VertexCall, model: StoredVertexModel): Record<string, unknown> {
  return renderVertexModel(model, deployedRefs(call.half.store, model));
}

function maskOf(call: VertexCall): MutablePath[] {
  const raw = queryList(call.query, "updateMask");
  if (raw === undefined || raw.length === 0) {
    throw invalidArgument("update_mask is required: name the fields to change (displayName, description, labels).", [
      { field: "update_mask", description: "required" },
    ]);
  }
  const paths = new Set<MutablePath>();
  const bad: FieldViolation[] = [];
  for (const path of raw) {
    const camel = path.split(".").map(snakeToCamel).join(".");
    if (camel === "*") MUTABLE.forEach((p) => paths.add(p));
    else if ((MUTABLE as readonly string[]).includes(camel)) paths.add(camel as MutablePath);
    else bad.push({ field: "update_mask", description: `Path "${path}" cannot be updated; updatable: ${MUTABLE.join(", ")}.` });
  }
  if (bad.length > 0) throw invalidArgument(bad.map((b) => b.description).join(" "), bad);
  return [...paths];
}

/** GetModel. */
export const getVertexModel: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.models.get",
  rpc: `${SERVICE}.GetModel`,
  method: "GET",
  pattern: new RegExp(`^${PARENT}\\/models\\/([^/:]+)$`),
  handler: (call) => ({ json: render(call, loadVertexModel(call)) }),
};

/** ListModels. */
export const listVertexModels: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.models.list",
  rpc: `${SERVICE}.ListModels`,
  method: "GET",
  pattern: new RegExp(`^${PARENT}\\/models$`),
  handler: (call) => {
    for (const param of ["filter", "orderBy"]) {
      if (queryParam(call.query, param)) {
        throw invalidArgument(`The emulator's ListModels serves no ${param}; list without it.`, [
          { field: param, description: "not served by the emulator" },
        ]);
      }
    }
    const parent = parentOf(call);
    const pageSize = pageSizeOf(queryParam(call.query, "pageSize"), 100);
    // One entry per model (its default version), as ListModels answers; ListModelVersions would list the rest.
    const models = call.half.store.allModels().filter((m) => versionIdOf(m.id) === "1" && call.half.store.model(parent, m.id) !== undefined);
    const page = paginate(
      models,
      (m) => [m.createTimeMs, m.id],
      pageSize,
      queryParam(call.query, "pageToken"),
      `models|${parentName(parent)}|${pageSize}`,
    );
    const json: Record<string, unknown> = {};
    if (page.items.length > 0) json.models = page.items.map((m) => render(call, m));
    if (page.nextPageToken) json.nextPageToken = page.nextPageToken;
    return { json };
  },
};

/** UpdateModel. */
export const patchVertexModel: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.models.patch",
  rpc: `${SERVICE}.UpdateModel`,
  method: "PATCH",
  pattern: new RegExp(`^${PARENT}\\/models\\/([^/:]+)$`),
  handler: (call) => {
    const model = loadVertexModel(call);
    const input = decodeMessage(call.body(), VERTEX_MODEL, "model") as VertexModelInput;
    const mask = maskOf(call);
    const violations = [
      ...(mask.includes("displayName") ? displayNameViolations(input.displayName, "model.display_name") : []),
      ...(mask.includes("labels") ? labelViolations(input.labels, "model.labels") : []),
    ];
    if (mask.includes("displayName") && !input.displayName) {
      violations.push({ field: "model.display_name", description: "display_name is required and cannot be cleared." });
    }
    if (violations.length > 0) throw invalidArgument(violations.map((v) => v.description).join(" "), violations);
    if (mask.includes("displayName")) model.displayName = input.displayName ?? model.displayName;
    if (mask.includes("description")) {
      if (input.description) model.description = input.description;
      else delete model.description;
    }
    if (mask.includes("labels")) model.labels = { ...(input.labels ?? {}) };
    model.updateTimeMs = Math.max(nowMs(), model.updateTimeMs);
    call.half.store.changed();
    return { json: render(call, model) };
  },
};

function refuseWhileDeployed(call: VertexCall, versions: StoredVertexModel[], name: string): void {
  const deployed = versions.flatMap((v) => deployedRefs(call.half.store, v));
  if (deployed.length > 0) {
    throw failedPrecondition(
      `Model ${name} cannot be deleted because it is deployed or being deployed at the following Endpoint(s): ` +
        `${deployed.map((d) => d.endpoint).join(", ")}.`,
    );
  }
}

/** DeleteModel: an operation; the model, every version of it, is gone at once. */
export const deleteVertexModel: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.models.delete",
  rpc: `${SERVICE}.DeleteModel`,
  method: "DELETE",
  pattern: new RegExp(`^${PARENT}\\/models\\/([^/:]+)$`),
  handler: (call) => {
    const model = loadVertexModel(call);
    const id = modelIdOf(model.id);
    const versions = call.half.store.allModels().filter((m) => modelIdOf(m.id) === id && call.half.store.model(model, m.id) !== undefined);
    const name = vertexModelName(model, id);
    refuseWhileDeployed(call, versions, name);
    const now = nowMs();
    for (const version of versions) call.half.store.deleteModel(version.id);
    const op = startVertexOperation(call.half.store, model, "deleteModel", name, now, call.half.clock.stepMs);
    return { json: renderVertexOperation(op, now, call.version) };
  },
};

/**
 * DeleteModelVersion (`{m}@{version}:deleteVersion`): an operation. Refused (400 FAILED_PRECONDITION) while the
 * version is deployed, for the only version of a model (the proto says to delete the model instead), and for the
 * version holding the `default` alias, which the emulator never moves [inf].
 */
export const deleteVertexModelVersion: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.models.deleteVersion",
  rpc: `${SERVICE}.DeleteModelVersion`,
  method: "DELETE",
  pattern: new RegExp(`^${PARENT}\\/models\\/([^/:]+):deleteVersion$`),
  handler: (call) => {
    const model = loadVertexModel(call);
    const name = `${vertexModelName(model, modelIdOf(model.id))}@${versionIdOf(model.id)}`;
    if (versionIdOf(model.id) === "1") {
      throw failedPrecondition(`Model version ${name} holds the default alias and cannot be deleted; delete the model instead.`);
    }
    refuseWhileDeployed(call, [model], name);
    const now = nowMs();
    call.half.store.deleteModel(model.id);
    const op = startVertexOperation(call.half.store, model, "deleteModel", name, now, call.half.clock.stepMs);
    return { json: renderVertexOperation(op, now, call.version) };
  },
};
