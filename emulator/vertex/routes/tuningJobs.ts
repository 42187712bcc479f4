/**
 * `projects/{p}/locations/{l}/tuningJobs`: create, get, list and cancel (GenAiTuningService; docs/vertex-ai.md, Tuning jobs).
 *
 * Create answers the TuningJob itself (not an operation), in JOB_STATE_PENDING. Check order: body decoding
 * (unknown fields, types) -> field violations, all reported together (400). The dataset is read at create
 * time only when its bucket is mapped (`vertex.gcsBuckets`); an unusable mapped dataset does not fail the
 * create, it fails the job when it would start running (error code 3, INVALID_ARGUMENT).
 *
 * Cancel ends a PENDING or RUNNING job at once as JOB_STATE_CANCELLED with `error.code` 1 (the real service
 * may pass through JOB_STATE_CANCELLING; the emulator does not). Cancelling a cancelled job is a no-op `{}`;
 * cancelling a succeeded or failed job is 400 FAILED_PRECONDITION.
 */
import { failedPrecondition, invalidArgument } from "../../errors";
import { fitFailure } from "../../jobs/failurePlan";
import { decodeMessage } from "../../json/schema";
import { nowMs } from "../../json/timestamps";
import { paginate, pageSizeOf } from "../../pagination";
import { readDataset } from "../dataset";
import { newVertexId } from "../ids";
import { matchesJobFilter, parseJobFilter } from "../jobFilter";
import { TUNING_JOB, TUNING_JOB_V1BETA1, TuningJobInput } from "../messages";
import { recordKeyOf } from "../modelVersions";
import { jobName, parentName, renderTuningJob } from "../render";
import { sameProject } from "../projects";
import { StoredVertexJob, VertexTuningSpec } from "../state";
import { batchSizeOf, cancelVertexJob, isVertexJobActive, VERTEX_DEFAULT_EPOCH_COUNT, vertexStepCount } from "../training";
import { tuningJobViolations } from "../validation";
import { queryParam } from "../../routes/query";
import { VertexCall, VertexRoute } from "../half";
import { AIPLATFORM_RPC, loadJob, PARENT, parentOf, VERTEX_ROUTE } from "./common";

const SERVICE = `${AIPLATFORM_RPC}.GenAiTuningService`;

function specOf(input: TuningJobInput): VertexTuningSpec {
  const s = input.supervisedTuningSpec ?? input.preferenceOptimizationSpec ?? {};
  const spec: VertexTuningSpec = { trainingDatasetUri: s.trainingDatasetUri ?? "" };
  if (s.validationDatasetUri) spec.validationDatasetUri = s.validationDatasetUri;
  const hp = { ...(s.hyperParameters ?? {}) };
  // Proto3 JSON omits defaults: an explicit 0 / UNSPECIFIED is the same as unset and is not echoed.
  if (hp.adapterSize === "ADAPTER_SIZE_UNSPECIFIED") delete hp.adapterSize;
  if (hp.learningRateMultiplier === 0) delete hp.learningRateMultiplier;
  if (Object.keys(hp).length > 0) spec.hyperParameters = hp;
  if (s.exportLastCheckpointOnly) spec.exportLastCheckpointOnly = true;
  const mode = (s as { tuningMode?: string }).tuningMode;
  if (mode && mode !== "TUNING_MODE_UNSPECIFIED") spec.tuningMode = mode;
  if (s.evaluationConfig) spec.evaluationConfig = s.evaluationConfig;
  return spec;
}

/**
 * The source of a continuous tuning job: the model version `tunedModelName` names, in the caller's project and
 * location, and the checkpoint of the job that produced it (when `checkpointId` is set). Either missing is a
 * 400 naming the field [inf: the service's exact status is not documented].
 */
function resolveSource(call: VertexCall, given: NonNullable<TuningJobInput["preTunedModel"]>): { baseModel: string; preTunedModel: NonNullable<StoredVertexJob["preTunedModel"]> } {
  const parent = parentOf(call);
  const name = given.tunedModelName ?? "";
  const match = /^projects\/([^/]+)\/locations\/([^/]+)\/models\/([^/@]+(?:@[^/@]+)?)$/.exec(name);
  const model = match && sameProject(match[1], parent.project) && match[2] === parent.location ? call.half.store.model(parent, recordKeyOf(match[3])) : undefined;
  if (model === undefined) {
    const field = "tuning_job.pre_tuned_model.tuned_model_name";
    throw invalidArgument(`Tuned model ${name} does not exist in ${parentName(parent)}.`, [{ field, description: `${name} is not a tuned model of this project and location.` }]);
  }
  const checkpoints = call.half.store.jobById(model.jobId)?.checkpoints ?? [];
  if (given.checkpointId && !checkpoints.some((c) => c.checkpointId === given.checkpointId)) {
    const field = "tuning_job.pre_tuned_model.checkpoint_id";
    const known = checkpoints.map((c) => c.checkpointId).join(", ") || "none";
    throw invalidArgument(`Checkpoint ${given.checkpointId} does not exist on ${name} (checkpoints: ${known}).`, [{ field, description: `no checkpoint ${given.checkpointId}` }]);
  }
  return {
    baseModel: model.baseModel,
    preTunedModel: { tunedModelName: name, ...(given.checkpointId ? { checkpointId: given.checkpointId } : {}), sourceModelId: model.id },
  };
}

function createJob(call: VertexCall): StoredVertexJob {
  // Preference tuning is v1beta1's: under v1 its spec is an unknown field, refused like any other.
  const input = decodeMessage(call.body(), call.version === "v1beta1" ? TUNING_JOB_V1BETA1 : TUNING_JOB, "tuning_job") as TuningJobInput;
  const method = input.preferenceOptimizationSpec !== undefined ? "preference" : undefined;
  const options = call.half.settings;
  const violations = tuningJobViolations(input, options.baseModels);
  if (violations.length > 0) throw invalidArgument(violations.map((v) => v.description).join(" "), violations);
  const source = input.preTunedModel === undefined ? undefined : resolveSource(call, input.preTunedModel);
  const spec = specOf(input);
  const dataset = readDataset(spec.trainingDatasetUri, options.gcsBuckets, options.unreadExampleCount, method ?? "supervised");
  const epochCount = Number(spec.hyperParameters?.epochCount ?? VERTEX_DEFAULT_EPOCH_COUNT);
  const now = nowMs();
  const failure = call.half.store.takePlannedFailure();
  const batchSize = spec.hyperParameters?.batchSize === undefined ? undefined : Number(spec.hyperParameters.batchSize);
  const totalSteps = vertexStepCount(dataset.exampleCount, epochCount, batchSizeOf({ method, batchSize }));
  if (failure) fitFailure(failure, 0, totalSteps);
  const parent = parentOf(call);
  return {
    id: newVertexId(),
    ...parent,
    baseModel: source?.baseModel ?? input.baseModel ?? "",
    ...(source ? { preTunedModel: source.preTunedModel } : {}),
    ...(input.tunedModelDisplayName ? { tunedModelDisplayName: input.tunedModelDisplayName } : {}),
    ...(input.description ? { description: input.description } : {}),
    labels: { ...(input.labels ?? {}) },
    ...(method ? { method } : {}),
    spec,
    ...(input.serviceAccount ? { serviceAccount: input.serviceAccount } : {}),
    ...(input.encryptionSpec?.kmsKeyName ? { encryptionSpec: { kmsKeyName: input.encryptionSpec.kmsKeyName } } : {}),
    state: "JOB_STATE_PENDING",
    createTimeMs: now,
    updateTimeMs: now,
    epochCount,
    ...(batchSize !== undefined ? { batchSize } : {}),
    totalSteps,
    completedSteps: 0,
    lastStepAtMs: now,
    dataset,
    ...(failure ? { failure } : {}),
    checkpoints: [],
  };
}

/** CreateTuningJob. */
export const createTuningJob: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.tuningJobs.create",
  rpc: `${SERVICE}.CreateTuningJob`,
  method: "POST",
  pattern: new RegExp(`^${PARENT}\\/tuningJobs$`),
  handler: (call) => {
    const job = createJob(call);
    call.half.store.addJob(job);
    return { json: renderTuningJob(job) };
  },
};

/** GetTuningJob. */
export const getTuningJob: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.tuningJobs.get",
  rpc: `${SERVICE}.GetTuningJob`,
  method: "GET",
  pattern: new RegExp(`^${PARENT}\\/tuningJobs\\/([^/:]+)$`),
  handler: (call) => ({ json: renderTuningJob(loadJob(call)) }),
};

/** ListTuningJobs: newest first; pageSize default 100, max 1000; filter per `vertex/jobFilter.ts`. */
export const listTuningJobs: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.tuningJobs.list",
  rpc: `${SERVICE}.ListTuningJobs`,
  method: "GET",
  pattern: new RegExp(`^${PARENT}\\/tuningJobs$`),
  handler: (call) => {
    const parent = parentOf(call);
    const rawFilter = queryParam(call.query, "filter");
    const terms = parseJobFilter(rawFilter);
    const pageSize = pageSizeOf(queryParam(call.query, "pageSize"), 100);
    const jobs = call.half.store
      .allJobs()
      .filter((j) => sameProject(j.project, parent.project) && j.location === parent.location && matchesJobFilter(j, terms));
    // Sort keys must ascend for the page token: negated create time gives newest first.
    const page = paginate(
      jobs,
      (j) => [-j.createTimeMs, j.id],
      pageSize,
      queryParam(call.query, "pageToken"),
      `tuningJobs|${parentName(parent)}|${rawFilter ?? ""}|${pageSize}`,
    );
    const json: Record<string, unknown> = {};
    if (page.items.length > 0) json.tuningJobs = page.items.map(renderTuningJob);
    if (page.nextPageToken) json.nextPageToken = page.nextPageToken;
    return { json };
  },
};

/** CancelTuningJob. */
export const cancelTuningJob: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.tuningJobs.cancel",
  rpc: `${SERVICE}.CancelTuningJob`,
  method: "POST",
  pattern: new RegExp(`^${PARENT}\\/tuningJobs\\/([^/:]+):cancel$`),
  handler: (call) => {
    const job = loadJob(call);
    call.body();
    if (isVertexJobActive(job)) {
      cancelVertexJob(job, nowMs());
      call.half.store.changed();
    } else if (job.state !== "JOB_STATE_CANCELLED") {
      throw failedPrecondition(`TuningJob ${jobName(job)} is in state ${job.state} and cannot be cancelled.`);
    }
    return { json: {} };
  },
};
