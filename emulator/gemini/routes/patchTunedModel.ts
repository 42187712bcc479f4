/**
 * `PATCH /v1beta/tunedModels/{id}?updateMask=` (docs/gemini-api.md#update-masks).
 *
 * Mutable paths: displayName, description, temperature, topP, topK, readerProjectNumbers (camelCase or
 * snake_case; `*` means all of them). A path naming an immutable or output-only field, or no field at all, is
 * a 400. A masked field absent from the body is cleared. Without a mask, the mask is every mutable field the
 * body populates; immutable fields in the body must then equal the stored values (else 400) and output-only
 * fields are ignored, so a client may send back the resource it read. `updateTime` always advances.
 */
import { maxTemperatureOf, knownBaseModel } from "../baseModels";
import { FieldViolation, invalidArgument } from "../../errors";
import { camelToSnake, snakeToCamel } from "../../json/fieldNames";
import { decodeMessage } from "../../json/schema";
import { nowMs } from "../../json/timestamps";
import { TUNED_MODEL, TunedModelInput } from "../messages";
import { renderTunedModel } from "../render";
import { StoredModel } from "../state";
import { mutableFieldViolations } from "../validation";
import { loadModel } from "./lookup";
import { queryList } from "../../routes/query";
import { GeminiRoute } from "../half";

/** Fields an update may change. */
export const MUTABLE_PATHS = ["displayName", "description", "temperature", "topP", "topK", "readerProjectNumbers"] as const;
type MutablePath = (typeof MUTABLE_PATHS)[number];

const OUTPUT_ONLY = new Set(["name", "state", "createTime", "updateTime", "tunedModelSource.baseModel"]);
const IMMUTABLE_PREFIXES = ["baseModel", "tunedModelSource", "tuningTask"];

function isMutable(path: string): path is MutablePath {
  return (MUTABLE_PATHS as readonly string[]).includes(path);
}

function maskViolation(path: string): FieldViolation {
  const camel = path.split(".").map(snakeToCamel).join(".");
  let why: string;
  if (OUTPUT_ONLY.has(camel) || camel.startsWith("tuningTask.snapshots") || /^tuningTask\.(startTime|completeTime)$/.test(camel)) {
    why = "is output only and cannot be updated";
  } else if (IMMUTABLE_PREFIXES.some((p) => camel === p || camel.startsWith(`${p}.`))) {
    why = "is immutable and cannot be updated";
  } else {
    why = "does not name a field of TunedModel";
  }
  return { field: "update_mask", description: `Field path "${path}" ${why}. Updatable: ${MUTABLE_PATHS.join(", ")}.` };
}

function immutableViolations(model: StoredModel, body: TunedModelInput): FieldViolation[] {
  const v: FieldViolation[] = [];
  const differs = (field: string): void => {
    v.push({
      field: `tuned_model.${field}`,
      description: `${field} is immutable; it cannot change (use updateMask to name the fields to update).`,
    });
  };
  if (body.baseModel !== undefined && body.baseModel !== model.baseModel) differs("base_model");
  if (body.tunedModelSource?.tunedModel !== undefined && body.tunedModelSource.tunedModel !== model.tunedModelSource?.tunedModel) {
    differs("tuned_model_source");
  }
  const hp = body.tuningTask?.hyperparameters;
  if (hp) {
    for (const key of ["epochCount", "batchSize", "learningRate", "learningRateMultiplier"] as const) {
      const sent = hp[key];
      const stored = model.hyperparameters[key];
      if (sent !== undefined && (stored === undefined || Math.fround(sent) !== Math.fround(stored))) {
        differs(`tuning_task.hyperparameters.${camelToSnake(key)}`);
      }
    }
  }
  if (body.tuningTask?.trainingData !== undefined) differs("tuning_task.training_data");
  return v;
}

function apply(model: StoredModel, body: TunedModelInput, path: MutablePath): void {
  switch (path) {
    case "displayName":
      model.displayName = body.displayName || undefined;
      break;
    case "description":
      model.description = body.description || undefined;
      break;
    case "readerProjectNumbers":
      model.readerProjectNumbers = body.readerProjectNumbers ?? [];
      break;
    default:
      model[path] = body[path];
  }
}

/** UpdateTunedModel. Needs WRITER. */
export const patchTunedModel: GeminiRoute = {
  name: "tunedModels.patch",
  rpc: "google.ai.generativelanguage.v1beta.ModelService.UpdateTunedModel",
  method: "PATCH",
  versions: ["v1beta"],
  pattern: /^tunedModels\/([^/:]+)$/,
  scopes: ["generative-language.tuning"],
  handler: (call) => {
    const model = loadModel(call, call.params[0], "WRITER");
    const body = decodeMessage(call.body(), TUNED_MODEL, "tuned_model") as TunedModelInput;
    const mask = queryList(call.query, "updateMask");
    let paths: MutablePath[];
    if (mask !== undefined) {
      const expanded = mask.includes("*") ? [...MUTABLE_PATHS] : mask.map(snakeToCamel);
      const bad = expanded.filter((p) => !isMutable(p));
      if (bad.length > 0) {
        const violations = bad.map(maskViolation);
        throw invalidArgument(violations.map((x) => x.description).join(" "), violations);
      }
      paths = [...new Set(expanded as MutablePath[])];
    } else {
      const immutable = immutableViolations(model, body);
      if (immutable.length > 0) throw invalidArgument(immutable.map((x) => x.description).join(" "), immutable);
      paths = MUTABLE_PATHS.filter((p) => body[p] !== undefined);
    }
    if (paths.length === 0) {
      throw invalidArgument("Nothing to update: update_mask is empty and the body sets no updatable field.", [
        { field: "update_mask", description: `name at least one of ${MUTABLE_PATHS.join(", ")}` },
      ]);
    }
    const masked: TunedModelInput = {};
    for (const p of paths) (masked as Record<string, unknown>)[p] = body[p];
    const maxTemperature = maxTemperatureOf(knownBaseModel(model.rootBaseModel));
    const violations = mutableFieldViolations(masked, maxTemperature);
    if (violations.length > 0) throw invalidArgument(violations.map((x) => x.description).join(" "), violations);
    for (const p of paths) apply(model, body, p);
    model.updateTimeMs = Math.max(nowMs(), model.updateTimeMs + 0.001);
    call.half.store.touch();
    return { json: renderTunedModel(model) };
  },
};
