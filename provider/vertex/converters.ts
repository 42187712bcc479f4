import type { CreateTuningJobBody, MutableVertexModelFields } from "./api";
import { CREATION_LABEL, VERTEX_MUTABLE_FIELDS, type CheckedVertexInputs, type VertexMutableField } from "./tunedModel/inputs";
import { canonicalEvaluationConfig, type EvaluationConfig } from "./tunedModel/evaluationConfig";
import { ADAPTER_SIZES, type TuningJob, type VertexModel } from "./wire";

/**
 * Field mapping between the `VertexTunedModel` resource and Vertex AI's JSON, both directions: the
 * CreateTuningJob body and the model PATCH out, the job's hyperparameters and the model's managed fields
 * back (docs/vertex-ai.md#hyperparameters-and-adapter-sizes).
 */

/**
 * The API version that takes a create body: `v1beta1` for what only it declares (preference tuning, whose
 * spec the SDKs send there; `learningRate`, `batchSize`, `tuningMode`), else `v1`
 * (docs/vertex-ai.md#tuning-in-2026).
 */
export function createVersionOf(body: CreateTuningJobBody): "v1" | "v1beta1" {
  const spec = body.supervisedTuningSpec;
  const v1beta1Only = spec?.tuningMode !== undefined || spec?.hyperParameters?.learningRate !== undefined || spec?.hyperParameters?.batchSize !== undefined;
  return body.preferenceOptimizationSpec !== undefined || v1beta1Only ? "v1beta1" : "v1";
}

/** The CreateTuningJob request for the inputs, labelled with the creation key (see `tunedModel/creationKey.ts`). */
export function createTuningJobBody(inputs: CheckedVertexInputs, creationKey: string): CreateTuningJobBody {
  const h = inputs.hyperparameters;
  const hyperParameters = {
    ...(h?.epochCount !== undefined && { epochCount: String(h.epochCount) }),
    ...(h?.learningRateMultiplier !== undefined && { learningRateMultiplier: h.learningRateMultiplier }),
    ...(h?.adapterSize !== undefined && { adapterSize: h.adapterSize }),
    ...(h?.beta !== undefined && { beta: h.beta }),
    ...(h?.learningRate !== undefined && { learningRate: h.learningRate }),
    ...(h?.batchSize !== undefined && { batchSize: String(h.batchSize) }),
  };
  const spec = {
    trainingDatasetUri: inputs.trainingDataset.uri,
    validationDatasetUri: inputs.validationDataset?.uri,
    hyperParameters: Object.keys(hyperParameters).length > 0 ? hyperParameters : undefined,
    exportLastCheckpointOnly: inputs.exportLastCheckpointOnly,
    tuningMode: h?.tuningMode,
    evaluationConfig: inputs.evaluationConfig === undefined ? undefined : (canonicalEvaluationConfig(inputs.evaluationConfig) as EvaluationConfig),
  };
  return {
    baseModel: inputs.baseModel,
    preTunedModel: inputs.sourceModel === undefined ? undefined : { tunedModelName: inputs.sourceModel, checkpointId: inputs.checkpointId },
    tunedModelDisplayName: inputs.tunedModelDisplayName,
    description: inputs.description,
    labels: { ...inputs.labels, [CREATION_LABEL]: creationKey },
    // `tuning_spec` is a oneof: one spec per method.
    ...(inputs.method === "preference" ? { preferenceOptimizationSpec: spec } : { supervisedTuningSpec: spec }),
    encryptionSpec: inputs.kmsKeyName === undefined ? undefined : { kmsKeyName: inputs.kmsKeyName },
    serviceAccount: inputs.serviceAccount,
  };
}

/**
 * The model PATCH for changed fields: body and update mask. Labels are replaced as a whole, so the
 * provider's own creation label is sent along with the user's.
 */
export function updateModelRequest(inputs: CheckedVertexInputs, fields: readonly VertexMutableField[], creationKey: string): { body: MutableVertexModelFields; updateMask: string[] } {
  const body: MutableVertexModelFields = {};
  for (const field of fields) Object.assign(body, { [VERTEX_MUTABLE_FIELDS[field]]: inputs[field] });
  if (body.labels !== undefined) body.labels = { ...body.labels, [CREATION_LABEL]: creationKey };
  return { body, updateMask: fields.map((field) => VERTEX_MUTABLE_FIELDS[field]) };
}

/** The job's hyperparameters in the shape the resource takes them: numbers, adapter size as 1, 2, 4... */
export function effectiveHyperparameters(job: TuningJob): Record<string, number> | undefined {
  const h = (job.supervisedTuningSpec ?? job.preferenceOptimizationSpec)?.hyperParameters;
  if (h === undefined) return undefined;
  const adapterSize = Object.entries(ADAPTER_SIZES).find(([, name]) => name === h.adapterSize)?.[0];
  return {
    ...(h.epochCount !== undefined && { epochCount: Number(h.epochCount) }),
    ...(h.learningRateMultiplier !== undefined && { learningRateMultiplier: h.learningRateMultiplier }),
    ...(adapterSize !== undefined && { adapterSize: Number(adapterSize) }),
    ...(h.beta !== undefined && { beta: h.beta }),
    ...(h.learningRate !== undefined && { learningRate: h.learningRate }),
    ...(h.batchSize !== undefined && { batchSize: Number(h.batchSize) }),
  };
}

/** The model's values of the fields the resource manages in place, under the resource's names. */
export function managedModelFields(model: VertexModel): { [Field in VertexMutableField]: Field extends "labels" ? Record<string, string> | undefined : string | undefined } {
  return { tunedModelDisplayName: model.displayName, description: model.description, labels: userLabels(model.labels) };
}

/** The model's labels without the provider's own; undefined when none are left. */
export function userLabels(labels: Record<string, string> | undefined): Record<string, string> | undefined {
  const { [CREATION_LABEL]: _own, ...rest } = labels ?? {};
  return Object.keys(rest).length > 0 ? rest : undefined;
}
