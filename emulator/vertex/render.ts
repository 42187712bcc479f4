/**
 * Vertex AI output representations (proto3 JSON): camelCase, defaults omitted, int64 as decimal strings,
 * timestamps RFC 3339 `Z`, keys in proto field-number order.
 */
import { formatTimestamp } from "../json/timestamps";
import { ApiVersion } from "../routes/types";
import { modelIdOf, versionIdOf } from "./modelVersions";
import { vertexProjectNumber } from "./projects";
import {
  StoredVertexEndpoint,
  StoredVertexJob,
  StoredVertexModel,
  StoredVertexOperation,
  VertexOperationKind,
} from "./state";
import { VertexParent, VertexStore } from "./store";

/**
 * Prefix of the Vertex `@type`s in an answer under `version`: `google.cloud.aiplatform.v1beta1.` for v1beta1,
 * else (v1, and the `ui` bindings both versions' clients poll) `google.cloud.aiplatform.v1.`.
 */
export function aiplatformType(version: ApiVersion): string {
  return `type.googleapis.com/google.cloud.aiplatform.${version === "v1beta1" ? "v1beta1" : "v1"}.`;
}

/** `projects/{number}/locations/{l}`: returned names carry the project number, whatever the request used. */
export function parentName(parent: VertexParent): string {
  return `projects/${vertexProjectNumber(parent.project)}/locations/${parent.location}`;
}

/** `projects/{p}/locations/{l}/tuningJobs/{id}`. */
export function jobName(job: VertexParent & { id: string }): string {
  return `${parentName(job)}/tuningJobs/${job.id}`;
}

/** `projects/{p}/locations/{l}/models/{id}` (the model, without a version). */
export function vertexModelName(parent: VertexParent, id: string): string {
  return `${parentName(parent)}/models/${id}`;
}

/** `projects/{p}/locations/{l}/endpoints/{id}`. */
export function endpointName(parent: VertexParent, id: string): string {
  return `${parentName(parent)}/endpoints/${id}`;
}

/**
 * `{resource}/operations/{id}`: Vertex AI names an operation under the resource it acts on (the model, the
 * endpoint), with the project number.
 */
export function vertexOperationName(operation: StoredVertexOperation): string {
  const resource = operation.target.replace(/^projects\/([^/]+)\//, (_, project: string) => `projects/${vertexProjectNumber(project)}/`);
  return `${resource}/operations/${operation.id}`;
}

function labelsOf(labels: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(labels).length > 0 ? { ...labels } : undefined;
}

function renderSpec(job: StoredVertexJob): Record<string, unknown> {
  const spec: Record<string, unknown> = { trainingDatasetUri: job.spec.trainingDatasetUri };
  if (job.spec.validationDatasetUri) spec.validationDatasetUri = job.spec.validationDatasetUri;
  const hp = job.spec.hyperParameters;
  if (hp && Object.keys(hp).length > 0) spec.hyperParameters = { ...hp };
  if (job.spec.exportLastCheckpointOnly) spec.exportLastCheckpointOnly = true;
  if (job.spec.evaluationConfig) spec.evaluationConfig = job.spec.evaluationConfig;
  if (job.spec.tuningMode) spec.tuningMode = job.spec.tuningMode;
  return spec;
}

/**
 * `evaluateDatasetRuns`: fields in proto field-number order; `operationName` (deprecated in v1 in favour of
 * `evaluationRun`, still reported) names an operation of the job's location.
 */
function renderEvaluateDatasetRuns(job: StoredVertexJob): Record<string, unknown>[] {
  return (job.evaluateDatasetRuns ?? []).map((run) => ({
    operationName: `${parentName(job)}/operations/${run.operationId}`,
    checkpointId: run.checkpointId,
    ...(run.response !== undefined ? { evaluateDatasetResponse: run.response } : {}),
    ...(run.error !== undefined ? { error: { code: run.error.code, message: run.error.message } } : {}),
    evaluationRun: `${parentName(job)}/evaluationRuns/${run.evaluationRunId}`,
  }));
}

function renderStats(job: StoredVertexJob): Record<string, unknown> {
  const d = job.dataset;
  return {
    [job.method === "preference" ? "preferenceOptimizationDataStats" : "supervisedTuningDataStats"]: {
      tuningDatasetExampleCount: String(d.exampleCount),
      totalTuningCharacterCount: String(d.characterCount),
      tuningStepCount: String(job.totalSteps),
      totalBillableTokenCount: String(d.billableTokenCount),
    },
  };
}

function renderTunedModelRef(job: StoredVertexJob): Record<string, unknown> {
  const endpoint = endpointName(job, job.endpointId ?? "");
  // The model is named with its version (from a base model 1, continuous tuning the next); the endpoint is not.
  const key = job.modelId ?? "";
  const out: Record<string, unknown> = { model: `${vertexModelName(job, modelIdOf(key))}@${versionIdOf(key)}`, endpoint };
  if (job.checkpoints.length > 0) {
    out.checkpoints = job.checkpoints.map((c) => ({
      checkpointId: c.checkpointId,
      epoch: String(c.epoch),
      step: String(c.step),
      ...(c.endpointId !== undefined ? { endpoint: endpointName(job, c.endpointId) } : c.deployed ? { endpoint } : {}),
    }));
  }
  return out;
}

/**
 * A TuningJob as create, get and list return it. `tuningDataStats` appears once the job started running (its
 * data has been validated by then); `tunedModel` once it succeeded; `error` once it failed or was cancelled.
 */
export function renderTuningJob(job: StoredVertexJob): Record<string, unknown> {
  const out: Record<string, unknown> = { name: jobName(job) };
  if (job.tunedModelDisplayName) out.tunedModelDisplayName = job.tunedModelDisplayName;
  if (job.description) out.description = job.description;
  // `source_model` is a oneof: a continuous tuning job reports its source, with the chain's base model inside.
  if (job.preTunedModel) {
    const { tunedModelName, checkpointId } = job.preTunedModel;
    out.preTunedModel = { tunedModelName, ...(checkpointId ? { checkpointId } : {}), baseModel: job.baseModel };
  } else out.baseModel = job.baseModel;
  out[job.method === "preference" ? "preferenceOptimizationSpec" : "supervisedTuningSpec"] = renderSpec(job);
  out.state = job.state;
  out.createTime = formatTimestamp(job.createTimeMs);
  if (job.startTimeMs !== undefined) out.startTime = formatTimestamp(job.startTimeMs);
  if (job.endTimeMs !== undefined) out.endTime = formatTimestamp(job.endTimeMs);
  out.updateTime = formatTimestamp(job.updateTimeMs);
  if (job.error) out.error = { code: job.error.code, message: job.error.message };
  const labels = labelsOf(job.labels);
  if (labels) out.labels = labels;
  if (job.state === "JOB_STATE_SUCCEEDED" && job.modelId !== undefined) out.tunedModel = renderTunedModelRef(job);
  if (job.startTimeMs !== undefined) out.tuningDataStats = renderStats(job);
  if (job.encryptionSpec) out.encryptionSpec = { ...job.encryptionSpec };
  if (job.serviceAccount) out.serviceAccount = job.serviceAccount;
  if (job.evaluateDatasetRuns !== undefined && job.evaluateDatasetRuns.length > 0) out.evaluateDatasetRuns = renderEvaluateDatasetRuns(job);
  return out;
}

/** The endpoints a model is deployed on, as `Model.deployedModels` ({endpoint, deployedModelId}). */
export type DeployedRefs = { endpoint: string; deployedModelId: string }[];

/** Where a model is deployed, read from the endpoints (the one source of truth). */
export function deployedRefs(store: VertexStore, model: Pick<StoredVertexModel, "id">): DeployedRefs {
  return store.allEndpoints().flatMap((e) =>
    e.deployedModels
      .filter((d) => d.modelId === model.id)
      .map((d) => ({ endpoint: endpointName(e, e.id), deployedModelId: d.id })),
  );
}

/** A Model version as get and patch return it; the first version carries the `default` alias. */
export function renderVertexModel(model: StoredVertexModel, deployed: DeployedRefs): Record<string, unknown> {
  const out: Record<string, unknown> = { name: vertexModelName(model, modelIdOf(model.id)), displayName: model.displayName };
  if (model.description) out.description = model.description;
  out.versionId = versionIdOf(model.id);
  if (out.versionId === "1") out.versionAliases = ["default"];
  out.createTime = formatTimestamp(model.createTimeMs);
  out.updateTime = formatTimestamp(model.updateTimeMs);
  if (deployed.length > 0) out.deployedModels = deployed.map((d) => ({ ...d }));
  const labels = labelsOf(model.labels);
  if (labels) out.labels = labels;
  out.versionCreateTime = formatTimestamp(model.createTimeMs);
  out.versionUpdateTime = formatTimestamp(model.updateTimeMs);
  return out;
}

/** An Endpoint as get returns it; all traffic goes to the deployed model(s), split evenly (one in practice). */
export function renderEndpoint(
  endpoint: StoredVertexEndpoint,
  modelDisplayName: (modelId: string) => string | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { name: endpointName(endpoint, endpoint.id), displayName: endpoint.displayName };
  if (endpoint.deployedModels.length > 0) {
    out.deployedModels = endpoint.deployedModels.map((d) => {
      const displayName = modelDisplayName(d.modelId);
      return {
        id: d.id,
        model: vertexModelName(endpoint, modelIdOf(d.modelId)),
        ...(displayName ? { displayName } : {}),
        createTime: formatTimestamp(d.createTimeMs),
        modelVersionId: versionIdOf(d.modelId),
      };
    });
    const share = Math.floor(100 / endpoint.deployedModels.length);
    out.trafficSplit = Object.fromEntries(
      endpoint.deployedModels.map((d, i) => [d.id, i === 0 ? 100 - share * (endpoint.deployedModels.length - 1) : share]),
    );
  }
  const labels = labelsOf(endpoint.labels);
  if (labels) out.labels = labels;
  out.createTime = formatTimestamp(endpoint.createTimeMs);
  out.updateTime = formatTimestamp(endpoint.updateTimeMs);
  return out;
}

const METADATA_TYPES: Record<VertexOperationKind, string> = {
  deleteModel: "DeleteOperationMetadata",
  deleteEndpoint: "DeleteOperationMetadata",
  undeployModel: "UndeployModelOperationMetadata",
};

const EMPTY = "type.googleapis.com/google.protobuf.Empty";

const RESPONSE_TYPES: Record<VertexOperationKind, string | undefined> = {
  deleteModel: undefined,
  deleteEndpoint: undefined,
  undeployModel: "UndeployModelResponse",
};

/**
 * A long-running operation: metadata `{@type, genericMetadata{createTime, updateTime}}`; once `now` reaches
 * its done time, `done: true` and a typed empty `response` (deletes answer Empty, undeploy an empty
 * UndeployModelResponse), typed for the API version of the call that answers it.
 */
export function renderVertexOperation(operation: StoredVertexOperation, now: number, version: ApiVersion): Record<string, unknown> {
  const typePrefix = aiplatformType(version);
  const done = now >= operation.doneAtMs;
  const out: Record<string, unknown> = {
    name: vertexOperationName(operation),
    metadata: {
      "@type": `${typePrefix}${METADATA_TYPES[operation.kind]}`,
      genericMetadata: {
        createTime: formatTimestamp(operation.createTimeMs),
        updateTime: formatTimestamp(done ? operation.doneAtMs : operation.createTimeMs),
      },
    },
  };
  if (done) {
    out.done = true;
    const response = RESPONSE_TYPES[operation.kind];
    out.response = { "@type": response === undefined ? EMPTY : `${typePrefix}${response}` };
  }
  return out;
}
