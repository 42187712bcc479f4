/**
 * Schemas of the Vertex AI request messages the emulator decodes strictly (`google.cloud.aiplatform.v1`).
 * Output-only fields the emulator renders are part of the schemas so a client may send back what it read.
 */
import { MessageSchema } from "../json/schema";

const TIMESTAMP = { type: "timestamp" } as const;
const STRING = { type: "string" } as const;

/** `JobState`, in enum-number order (integers decode by position). */
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

/** `SupervisedHyperParameters.AdapterSize`, in enum-number order (TWO = 6 was added after THIRTY_TWO = 5). */
export const ADAPTER_SIZES = [
  "ADAPTER_SIZE_UNSPECIFIED",
  "ADAPTER_SIZE_ONE",
  "ADAPTER_SIZE_FOUR",
  "ADAPTER_SIZE_EIGHT",
  "ADAPTER_SIZE_SIXTEEN",
  "ADAPTER_SIZE_THIRTY_TWO",
  "ADAPTER_SIZE_TWO",
] as const;

/** `Metric.AggregationMetric` (evaluation_service.proto), in enum-number order. */
export const AGGREGATION_METRICS = [
  "AGGREGATION_METRIC_UNSPECIFIED",
  "AVERAGE",
  "MODE",
  "STANDARD_DEVIATION",
  "VARIANCE",
  "MINIMUM",
  "MAXIMUM",
  "MEDIAN",
  "PERCENTILE_P90",
  "PERCENTILE_P95",
  "PERCENTILE_P99",
] as const;

/** The members of `Metric`'s oneof `metric_spec` the emulator takes (those without `Struct` parameters). */
export const METRIC_SPECS = ["predefinedMetricSpec", "pointwiseMetricSpec", "pairwiseMetricSpec", "exactMatchSpec", "bleuSpec", "rougeSpec"] as const;

/** `Metric` (evaluation_service.proto): one spec and the aggregations to compute. */
const METRIC: MessageSchema = {
  fields: {
    aggregationMetrics: { type: { enum: AGGREGATION_METRICS }, repeated: true },
    predefinedMetricSpec: { type: { message: { fields: { metricSpecName: STRING } } } },
    pointwiseMetricSpec: { type: { message: { fields: { metricPromptTemplate: STRING, systemInstruction: STRING } } } },
    pairwiseMetricSpec: {
      type: { message: { fields: { metricPromptTemplate: STRING, candidateResponseFieldName: STRING, baselineResponseFieldName: STRING, systemInstruction: STRING } } },
    },
    exactMatchSpec: { type: { message: { fields: {} } } },
    bleuSpec: { type: { message: { fields: { useEffectiveOrder: { type: "bool" } } } } },
    rougeSpec: { type: { message: { fields: { rougeType: STRING, useStemmer: { type: "bool" }, splitSummaries: { type: "bool" } } } } },
  },
  oneofs: { metric_spec: METRIC_SPECS },
};

/**
 * `EvaluationConfig` (tuning_job.proto, v1 and v1beta1): metrics, where results go, the autorater. Its
 * `inferenceGenerationConfig` and the autorater's `generationConfig` are not taken (unknown fields).
 */
export const EVALUATION_CONFIG: MessageSchema = {
  fields: {
    metrics: { type: { message: METRIC }, repeated: true },
    outputConfig: { type: { message: { fields: { gcsDestination: { type: { message: { fields: { outputUriPrefix: STRING } } } } } } } },
    autoraterConfig: { type: { message: { fields: { samplingCount: { type: "int32" }, flipEnabled: { type: "bool" }, autoraterModel: STRING } } } },
  },
};

/** The hyperparameters every tuning spec takes; v1beta1's specs add their own (see {@link hyperParametersWith}). */
const HYPER_PARAMETERS: MessageSchema["fields"] = {
  epochCount: { type: "int64" },
  learningRateMultiplier: { type: "float" },
  adapterSize: { type: { enum: ADAPTER_SIZES } },
};

/** A spec's `hyperParameters` field: the common ones plus `extra`. */
function hyperParametersWith(extra: MessageSchema["fields"] = {}): MessageSchema["fields"][string] {
  return { type: { message: { fields: { ...HYPER_PARAMETERS, ...extra } } } };
}

/** `SupervisedTuningSpec`. */
export const SUPERVISED_TUNING_SPEC: MessageSchema = {
  fields: {
    trainingDatasetUri: STRING,
    validationDatasetUri: STRING,
    hyperParameters: hyperParametersWith(),
    exportLastCheckpointOnly: { type: "bool" },
    evaluationConfig: { type: { message: EVALUATION_CONFIG } },
  },
};

/** `TuningMode` (v1beta1), in enum-number order. */
export const TUNING_MODES = ["TUNING_MODE_UNSPECIFIED", "TUNING_MODE_FULL", "TUNING_MODE_PEFT_ADAPTER"] as const;

/** v1beta1's `SupervisedTuningSpec`: v1's, with `learningRate` and `batchSize` among the hyperparameters and `tuningMode`. */
export const SUPERVISED_TUNING_SPEC_V1BETA1: MessageSchema = {
  fields: {
    ...SUPERVISED_TUNING_SPEC.fields,
    hyperParameters: hyperParametersWith({ learningRate: { type: "float" }, batchSize: { type: "int64" } }),
    tuningMode: { type: { enum: TUNING_MODES } },
  },
};

/**
 * `PreferenceOptimizationSpec` (v1beta1; in neither public proto, named as Google's GenAI SDKs send it): the
 * supervised spec's fields with `beta` among the hyperparameters.
 */
export const PREFERENCE_OPTIMIZATION_SPEC: MessageSchema = {
  fields: {
    ...SUPERVISED_TUNING_SPEC.fields,
    hyperParameters: hyperParametersWith({ beta: { type: "float" } }),
  },
};

/** `TuningJob` (what a create may carry). */
export const TUNING_JOB: MessageSchema = {
  fields: {
    name: STRING,
    tunedModelDisplayName: STRING,
    description: STRING,
    baseModel: STRING,
    preTunedModel: { type: { message: { fields: { tunedModelName: STRING, checkpointId: STRING, baseModel: STRING } } } },
    supervisedTuningSpec: { type: { message: SUPERVISED_TUNING_SPEC } },
    state: { type: { enum: JOB_STATES } },
    createTime: TIMESTAMP,
    startTime: TIMESTAMP,
    endTime: TIMESTAMP,
    updateTime: TIMESTAMP,
    labels: { type: "stringMap" },
    experiment: STRING,
    encryptionSpec: { type: { message: { fields: { kmsKeyName: STRING } } } },
    serviceAccount: STRING,
  },
};

/** `TuningJob` under v1beta1: v1's fields and the preference spec. */
export const TUNING_JOB_V1BETA1: MessageSchema = {
  fields: {
    ...TUNING_JOB.fields,
    supervisedTuningSpec: { type: { message: SUPERVISED_TUNING_SPEC_V1BETA1 } },
    preferenceOptimizationSpec: { type: { message: PREFERENCE_OPTIMIZATION_SPEC } },
  },
};

/** `Model`, the fields the emulator renders. */
export const VERTEX_MODEL: MessageSchema = {
  fields: {
    name: STRING,
    displayName: STRING,
    description: STRING,
    versionId: STRING,
    versionAliases: { type: "string", repeated: true },
    createTime: TIMESTAMP,
    updateTime: TIMESTAMP,
    deployedModels: {
      type: { message: { fields: { endpoint: STRING, deployedModelId: STRING, checkpointId: STRING } } },
      repeated: true,
    },
    labels: { type: "stringMap" },
    versionCreateTime: TIMESTAMP,
    versionUpdateTime: TIMESTAMP,
    etag: STRING,
  },
};

/** `UndeployModelRequest` body. */
export const UNDEPLOY_MODEL: MessageSchema = {
  fields: { endpoint: STRING, deployedModelId: STRING, trafficSplit: { type: "int32Map" } },
};

/** Decoded `Metric`: its aggregations and the one spec set. */
export interface MetricInput {
  aggregationMetrics?: string[];
  predefinedMetricSpec?: { metricSpecName?: string };
  pointwiseMetricSpec?: { metricPromptTemplate?: string; systemInstruction?: string };
  pairwiseMetricSpec?: { metricPromptTemplate?: string; candidateResponseFieldName?: string; baselineResponseFieldName?: string; systemInstruction?: string };
  exactMatchSpec?: Record<string, never>;
  bleuSpec?: { useEffectiveOrder?: boolean };
  rougeSpec?: { rougeType?: string; useStemmer?: boolean; splitSummaries?: boolean };
}

/** Decoded `EvaluationConfig`. */
export interface EvaluationConfigInput {
  metrics?: MetricInput[];
  outputConfig?: { gcsDestination?: { outputUriPrefix?: string } };
  autoraterConfig?: { samplingCount?: number; flipEnabled?: boolean; autoraterModel?: string };
}

/** Decoded `TuningJob` (fields the emulator reads). */
export interface TuningJobInput {
  tunedModelDisplayName?: string;
  description?: string;
  baseModel?: string;
  /** Continuous tuning: the tuned model (and optionally its checkpoint) to start from; `baseModel` is output only. */
  preTunedModel?: { tunedModelName?: string; checkpointId?: string };
  supervisedTuningSpec?: {
    trainingDatasetUri?: string;
    validationDatasetUri?: string;
    /** `learningRate` and `batchSize` are v1beta1's. */
    hyperParameters?: { epochCount?: string; learningRateMultiplier?: number; adapterSize?: string; learningRate?: number; batchSize?: string };
    exportLastCheckpointOnly?: boolean;
    /** v1beta1. */
    tuningMode?: string;
    evaluationConfig?: EvaluationConfigInput;
  };
  /** v1beta1 only: preference tuning (the other member of oneof `tuning_spec`). */
  preferenceOptimizationSpec?: {
    trainingDatasetUri?: string;
    validationDatasetUri?: string;
    hyperParameters?: { epochCount?: string; learningRateMultiplier?: number; adapterSize?: string; beta?: number };
    exportLastCheckpointOnly?: boolean;
    evaluationConfig?: EvaluationConfigInput;
  };
  labels?: Record<string, string>;
  encryptionSpec?: { kmsKeyName?: string };
  serviceAccount?: string;
}

/** Decoded `Model` (fields a patch may change). */
export interface VertexModelInput {
  displayName?: string;
  description?: string;
  labels?: Record<string, string>;
}
