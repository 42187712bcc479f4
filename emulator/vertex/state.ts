/**
 * Stored records of the Vertex AI (`aiplatform`) side of the emulator: tuning jobs, the models and endpoints
 * a successful job produces, and the long-running operations of deletes and undeploys. Plain JSON, so the whole
 * state goes into the state file as is; times are epoch ms.
 */
import { FailurePlan } from "../jobs/failurePlan";
import { EvaluationConfigInput } from "./messages";

/** `JobState` values a stored tuning job can be in (QUEUED, PAUSED, EXPIRED, UPDATING are never produced). */
export type VertexJobState =
  | "JOB_STATE_PENDING"
  | "JOB_STATE_RUNNING"
  | "JOB_STATE_SUCCEEDED"
  | "JOB_STATE_FAILED"
  | "JOB_STATE_CANCELLED";

/** A user turn and the model turn that answered it, taken from a readable dataset (for generateContent). */
export interface VertexExample {
  textInput: string;
  output: string;
}

/** What the job's dataset turned out to be. */
export interface VertexDatasetFacts {
  /** Whether the training file was read from a mapped bucket directory. */
  read: boolean;
  exampleCount: number;
  billableTokenCount: number;
  characterCount: number;
  /** Pairs for generateContent (empty when the dataset was not read). */
  examples: VertexExample[];
  /** Why a mapped dataset is unusable; the job fails with it when it would start running. */
  error?: string;
}

/** `SupervisedTuningSpec` or `PreferenceOptimizationSpec` as the caller sent it (echoed on GET, proto3 JSON form). */
export interface VertexTuningSpec {
  trainingDatasetUri: string;
  validationDatasetUri?: string;
  hyperParameters?: { epochCount?: string; learningRateMultiplier?: number; adapterSize?: string; beta?: number; learningRate?: number; batchSize?: string };
  exportLastCheckpointOnly?: boolean;
  /** v1beta1: `TUNING_MODE_FULL` or `TUNING_MODE_PEFT_ADAPTER`. */
  tuningMode?: string;
  /** Evaluation during tuning, as sent (see `evaluation.ts`). */
  evaluationConfig?: EvaluationConfigInput;
}

/** One `EvaluateDatasetRun`: a checkpoint's evaluation, with its results or its error. */
export interface StoredEvaluateDatasetRun {
  /** Id of the run's operation (`…/operations/{id}`). */
  operationId: string;
  /** Id of the evaluation run (`…/evaluationRuns/{id}`). */
  evaluationRunId: string;
  checkpointId: string;
  /** `EvaluateDatasetResponse` in proto3 JSON form; absent when the run failed. */
  response?: Record<string, unknown>;
  error?: { code: number; message: string };
}

/** A checkpoint of a finished job. */
export interface VertexCheckpoint {
  checkpointId: string;
  epoch: number;
  step: number;
  /** Whether it is served; every checkpoint is (state files from before served only the last one). */
  deployed: boolean;
  /**
   * The endpoint serving it, once produced: the job's own endpoint for the last checkpoint, one of its own
   * for each earlier one. Absent in state files from before, where the last checkpoint used the job's.
   */
  endpointId?: string;
}

/** A tuning job and its simulated training. */
export interface StoredVertexJob {
  id: string;
  project: string;
  location: string;
  /** The base model the chain started from (for continuous tuning, the source model's). */
  baseModel: string;
  /** Continuous tuning: the source as sent (`tunedModelName`, `checkpointId`) and the id of its model record. */
  preTunedModel?: { tunedModelName: string; checkpointId?: string; sourceModelId: string };
  tunedModelDisplayName?: string;
  description?: string;
  labels: Record<string, string>;
  /** Which `tuning_spec` the job carries; absent (state files from before) is supervised. */
  method?: "preference";
  spec: VertexTuningSpec;
  serviceAccount?: string;
  encryptionSpec?: { kmsKeyName: string };
  state: VertexJobState;
  createTimeMs: number;
  updateTimeMs: number;
  startTimeMs?: number;
  endTimeMs?: number;
  /** Effective epochs (default applied) and the steps they imply. */
  epochCount: number;
  /** The batch size the job asked for (v1beta1 `batchSize`); absent: the method's own. */
  batchSize?: number;
  totalSteps: number;
  completedSteps: number;
  /**
   * While PENDING: when the pending period began. While RUNNING: when the last step finished. The job moves on
   * one step time after this anchor, so progress is derived from the clock exactly as for Gemini API jobs.
   */
  lastStepAtMs: number;
  dataset: VertexDatasetFacts;
  failure?: FailurePlan;
  error?: { code: number; message: string };
  /** Ids of what a successful job produced (the model record's key, `{model}` or `{model}@{version}`). */
  modelId?: string;
  endpointId?: string;
  checkpoints: VertexCheckpoint[];
  /** With `evaluationConfig`, once succeeded: one run per checkpoint. Absent in state files from before. */
  evaluateDatasetRuns?: StoredEvaluateDatasetRun[];
}

/** A deployment of a model on an endpoint. */
export interface StoredDeployedModel {
  id: string;
  modelId: string;
  createTimeMs: number;
}

/**
 * A Model Registry model version produced by a tuning job. Version 1 is keyed by the model id; a later
 * version (continuous tuning) by `{model id}@{version}` (see `modelVersions.ts`).
 */
export interface StoredVertexModel {
  id: string;
  project: string;
  location: string;
  displayName: string;
  description?: string;
  labels: Record<string, string>;
  baseModel: string;
  jobId: string;
  createTimeMs: number;
  updateTimeMs: number;
  /** What generateContent answers from. */
  examples: VertexExample[];
  /** Answer accuracy set through the control API (else derived from training, `../jobs/recall.ts`). */
  answerAccuracy?: number;
}

/** An online prediction endpoint. */
export interface StoredVertexEndpoint {
  id: string;
  project: string;
  location: string;
  displayName: string;
  labels: Record<string, string>;
  deployedModels: StoredDeployedModel[];
  createTimeMs: number;
  updateTimeMs: number;
}

/** Kinds of long-running operation the Vertex routes start. */
export type VertexOperationKind = "deleteModel" | "deleteEndpoint" | "undeployModel";

/** A long-running operation; the change it stands for is applied when it starts, it reports done later. */
export interface StoredVertexOperation {
  id: string;
  project: string;
  location: string;
  kind: VertexOperationKind;
  /** The resource it acts on (full name), for the control API. */
  target: string;
  createTimeMs: number;
  doneAtMs: number;
}

/** Pending failures for Vertex jobs not created yet. */
export interface VertexPendingFailures {
  next: FailurePlan[];
}

/** The Vertex part of the state file. Absent in state files written before Vertex support. */
export interface VertexState {
  jobs: StoredVertexJob[];
  models: StoredVertexModel[];
  endpoints: StoredVertexEndpoint[];
  operations: StoredVertexOperation[];
  pendingFailures: VertexPendingFailures;
  jobsCreated: number;
}

/** A fresh, empty Vertex state. */
export function emptyVertexState(): VertexState {
  return { jobs: [], models: [], endpoints: [], operations: [], pendingFailures: { next: [] }, jobsCreated: 0 };
}
