/**
 * Output representations (proto3 JSON): camelCase, fields holding their default omitted, `float`s in their
 * 32-bit shortest form, int64 as strings, timestamps RFC 3339 `Z`. `trainingData` is never rendered.
 */
import { float32 } from "../json/numbers";
import { formatTimestamp } from "../json/timestamps";
import { StoredModel, StoredPermission } from "./state";

/** `@type` of the create operation's metadata. */
export const METADATA_TYPE = "type.googleapis.com/google.ai.generativelanguage.v1beta.CreateTunedModelMetadata";
/** `@type` of the create operation's response. */
export const TUNED_MODEL_TYPE = "type.googleapis.com/google.ai.generativelanguage.v1beta.TunedModel";

/** `tunedModels/{id}`. */
export function modelName(model: Pick<StoredModel, "id">): string {
  return `tunedModels/${model.id}`;
}

/** `tunedModels/{id}/operations/{opId}`. */
export function operationName(model: Pick<StoredModel, "id" | "job">): string {
  return `${modelName(model)}/operations/${model.job.operationId}`;
}

function renderSnapshots(model: StoredModel): Record<string, unknown>[] {
  return model.job.snapshots.map((s) => ({
    step: s.step,
    epoch: s.epoch,
    meanLoss: float32(s.meanLoss),
    computeTime: formatTimestamp(s.computeTimeMs),
  }));
}

/** The TunedModel as GET/list/patch return it, keys in proto field-number order. */
export function renderTunedModel(model: StoredModel): Record<string, unknown> {
  const out: Record<string, unknown> = { name: modelName(model) };
  if (model.tunedModelSource) out.tunedModelSource = { ...model.tunedModelSource };
  if (model.baseModel) out.baseModel = model.baseModel;
  if (model.displayName) out.displayName = model.displayName;
  if (model.description) out.description = model.description;
  out.state = model.state;
  out.createTime = formatTimestamp(model.createTimeMs);
  out.updateTime = formatTimestamp(model.updateTimeMs);
  const task: Record<string, unknown> = { startTime: formatTimestamp(model.startTimeMs) };
  if (model.completeTimeMs !== undefined) task.completeTime = formatTimestamp(model.completeTimeMs);
  if (model.job.snapshots.length > 0) task.snapshots = renderSnapshots(model);
  const hp = model.hyperparameters;
  const hyperparameters: Record<string, unknown> = {};
  if (hp.learningRate !== undefined) hyperparameters.learningRate = float32(hp.learningRate);
  if (hp.learningRateMultiplier !== undefined) hyperparameters.learningRateMultiplier = float32(hp.learningRateMultiplier);
  hyperparameters.epochCount = hp.epochCount;
  hyperparameters.batchSize = hp.batchSize;
  task.hyperparameters = hyperparameters;
  out.tuningTask = task;
  // temperature/topP/topK are proto3 `optional`: presence is tracked, so an explicit 0 is still emitted.
  if (model.temperature !== undefined) out.temperature = float32(model.temperature);
  if (model.topP !== undefined) out.topP = float32(model.topP);
  if (model.topK !== undefined) out.topK = model.topK;
  if (model.readerProjectNumbers.length > 0) out.readerProjectNumbers = [...model.readerProjectNumbers];
  return out;
}

/**
 * The create operation. `"created"` is the exact first form the service returns from create:
 * `{name, metadata{@type, totalSteps, tunedModel}}`, no `done`. `"current"` adds progress, and once the job
 * ended `done: true` with `response` (the model, typed) or `error` (gRPC code and message, no status string).
 */
export function renderOperation(model: StoredModel, form: "created" | "current"): Record<string, unknown> {
  const job = model.job;
  const metadata: Record<string, unknown> = { "@type": METADATA_TYPE, totalSteps: job.totalSteps };
  if (form === "current") {
    if (job.completedSteps > 0) {
      metadata.completedSteps = job.completedSteps;
      metadata.completedPercent = float32((100 * job.completedSteps) / job.totalSteps);
    }
    if (job.snapshots.length > 0) metadata.snapshots = renderSnapshots(model);
  }
  metadata.tunedModel = modelName(model);
  const op: Record<string, unknown> = { name: operationName(model), metadata };
  if (form === "created" || model.state === "CREATING") return op;
  op.done = true;
  if (model.state === "FAILED") {
    op.error = { code: job.error?.code ?? 13, message: job.error?.message ?? "Tuning failed." };
  } else {
    op.response = { "@type": TUNED_MODEL_TYPE, ...renderTunedModel(model) };
  }
  return op;
}

/** A Permission resource. */
export function renderPermission(model: Pick<StoredModel, "id">, permission: StoredPermission): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: `${modelName(model)}/permissions/${permission.id}`,
    granteeType: permission.granteeType,
  };
  if (permission.emailAddress) out.emailAddress = permission.emailAddress;
  out.role = permission.role;
  return out;
}
