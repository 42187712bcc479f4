import { z } from "zod";
import { float, int64, protoEnum, timestamp } from "../google/protoJson";
import { StatusSchema } from "../google/status";

/**
 * Wire schemas of the Vertex AI (`aiplatform` v1) resources a tuning job touches: the job, the model it
 * produces, the endpoint serving it, and list answers. Loose like the Gemini API schemas: unknown fields
 * pass through, so a newer server never breaks a read. int64 fields come back as decimal strings.
 */

/** `JobState` (google/cloud/aiplatform/v1/job_state.proto), in enum order. */
export const JOB_STATES = [
  "JOB_STATE_UNSPECIFIED",
  "JOB_STATE_QUEUED",
  "JOB_STATE_PENDING",
  "JOB_STATE_RUNNING",
  "JOB_STATE_SUCCEEDED",
  "JOB_STATE_FAILED",
  "JOB_STATE_CANCELLING",
  "JOB_STATE_CANCELLED",
  "JOB_STATE_PAUSED",
  "JOB_STATE_EXPIRED",
  "JOB_STATE_UPDATING",
  "JOB_STATE_PARTIALLY_SUCCEEDED",
] as const;

/** A job's state name. */
export type JobState = (typeof JOB_STATES)[number] | (string & {});

/** `AdapterSize` names Vertex accepts, by the number of the size (what users write). */
export const ADAPTER_SIZES: Readonly<Record<number, string>> = Object.freeze({
  1: "ADAPTER_SIZE_ONE",
  2: "ADAPTER_SIZE_TWO",
  4: "ADAPTER_SIZE_FOUR",
  8: "ADAPTER_SIZE_EIGHT",
  16: "ADAPTER_SIZE_SIXTEEN",
  32: "ADAPTER_SIZE_THIRTY_TWO",
});

/** The states a tuning job never leaves. */
export const FINAL_JOB_STATES: ReadonlySet<string> = new Set([
  "JOB_STATE_SUCCEEDED",
  "JOB_STATE_FAILED",
  "JOB_STATE_CANCELLED",
  "JOB_STATE_EXPIRED",
  "JOB_STATE_PARTIALLY_SUCCEEDED",
]);

const CheckpointSchema = z.looseObject({
  checkpointId: z.string().optional(),
  epoch: int64.optional(),
  step: int64.optional(),
  endpoint: z.string().optional(),
});

/**
 * `SupervisedTuningSpec`, and `PreferenceOptimizationSpec` of the same shape plus `beta` (in neither public
 * proto; named as Google's GenAI SDKs send it, docs/vertex-ai.md#tuning-in-2026).
 */
const TuningSpecSchema = z.looseObject({
  trainingDatasetUri: z.string().optional(),
  validationDatasetUri: z.string().optional(),
  hyperParameters: z
    .looseObject({
      epochCount: int64.optional(),
      learningRateMultiplier: float.optional(),
      adapterSize: z.string().optional(),
      beta: float.optional(),
      learningRate: float.optional(),
      batchSize: int64.optional(),
    })
    .optional(),
  exportLastCheckpointOnly: z.boolean().optional(),
  evaluationConfig: z.record(z.string(), z.unknown()).optional(),
});

/** `AggregationResult` (evaluation_service.proto): one metric's aggregation; the member set names the metric's kind. */
const AggregationResultSchema = z.looseObject({
  aggregationMetric: z.string().optional(),
  exactMatchMetricValue: z.looseObject({ score: float.optional() }).optional(),
  bleuMetricValue: z.looseObject({ score: float.optional() }).optional(),
  rougeMetricValue: z.looseObject({ score: float.optional() }).optional(),
  pointwiseMetricResult: z.looseObject({ score: float.optional() }).optional(),
  pairwiseMetricResult: z.looseObject({ pairwiseChoice: z.string().optional() }).optional(),
  customCodeExecutionResult: z.looseObject({ score: float.optional() }).optional(),
});

/** `EvaluateDatasetRun` (tuning_job.proto): one evaluation a job ran, per checkpoint when it evaluates checkpoints. */
const EvaluateDatasetRunSchema = z.looseObject({
  /** Deprecated in v1 in favour of `evaluationRun`, still reported. */
  operationName: z.string().optional(),
  evaluationRun: z.string().optional(),
  checkpointId: z.string().optional(),
  evaluateDatasetResponse: z
    .looseObject({
      aggregationOutput: z.looseObject({ aggregationResults: z.array(AggregationResultSchema).optional() }).optional(),
      outputInfo: z.looseObject({ gcsOutputDirectory: z.string().optional() }).optional(),
    })
    .optional(),
  error: StatusSchema.optional(),
});

/** An `EvaluateDatasetRun`. */
export type EvaluateDatasetRun = z.infer<typeof EvaluateDatasetRunSchema>;

const DataStatsSchema = z.looseObject({
  tuningDatasetExampleCount: int64.optional(),
  totalBillableTokenCount: int64.optional(),
  tuningStepCount: int64.optional(),
});

/** `TuningJob` (tuning_job.proto); the create answer, get answer and list item. */
export const TuningJobSchema = z.looseObject({
  name: z.string(),
  baseModel: z.string().optional(),
  preTunedModel: z.looseObject({ tunedModelName: z.string().optional(), checkpointId: z.string().optional(), baseModel: z.string().optional() }).optional(),
  tunedModelDisplayName: z.string().optional(),
  description: z.string().optional(),
  supervisedTuningSpec: TuningSpecSchema.optional(),
  preferenceOptimizationSpec: TuningSpecSchema.optional(),
  state: protoEnum(JOB_STATES).optional(),
  createTime: timestamp.optional(),
  startTime: timestamp.optional(),
  endTime: timestamp.optional(),
  updateTime: timestamp.optional(),
  error: StatusSchema.optional(),
  labels: z.record(z.string(), z.string()).optional(),
  tunedModel: z
    .looseObject({ model: z.string().optional(), endpoint: z.string().optional(), checkpoints: z.array(CheckpointSchema).optional() })
    .optional(),
  tuningDataStats: z.looseObject({ supervisedTuningDataStats: DataStatsSchema.optional(), preferenceOptimizationDataStats: DataStatsSchema.optional() }).optional(),
  encryptionSpec: z.looseObject({ kmsKeyName: z.string().optional() }).optional(),
  serviceAccount: z.string().optional(),
  // Results nested four levels deep: one of a shape this version does not know reads as absent rather
  // than failing every read of the job.
  evaluateDatasetRuns: z.array(EvaluateDatasetRunSchema).optional().catch(undefined),
});

/** A Vertex tuning job. */
export type TuningJob = z.infer<typeof TuningJobSchema>;

/** `ListTuningJobsResponse`. */
export const ListTuningJobsResponseSchema = z.looseObject({
  tuningJobs: z.array(TuningJobSchema).optional(),
  nextPageToken: z.string().optional(),
});

/** `Model` (model.proto): the fields a tuned model's lifecycle reads. */
export const VertexModelSchema = z.looseObject({
  name: z.string(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  versionId: z.string().optional(),
  createTime: timestamp.optional(),
  updateTime: timestamp.optional(),
  deployedModels: z.array(z.looseObject({ endpoint: z.string().optional(), deployedModelId: z.string().optional() })).optional(),
});

/** A Model Registry model. */
export type VertexModel = z.infer<typeof VertexModelSchema>;

/** `Endpoint` (endpoint.proto): which models are deployed on it. */
export const EndpointSchema = z.looseObject({
  name: z.string(),
  displayName: z.string().optional(),
  deployedModels: z.array(z.looseObject({ id: z.string().optional(), model: z.string().optional() })).optional(),
});

/** A Vertex endpoint. */
export type Endpoint = z.infer<typeof EndpointSchema>;
