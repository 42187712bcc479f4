/**
 * The Gemini API half's stored records. Everything here is plain JSON so the whole state can be written to the
 * state file as is; times are epoch milliseconds (fractional, microsecond resolution).
 */
import { FailurePlan } from "../jobs/failurePlan";

/** `TunedModel.State` values a stored model can be in. */
export type ModelState = "CREATING" | "ACTIVE" | "FAILED";

/** `Permission.Role`. */
export type Role = "OWNER" | "WRITER" | "READER";

/** `Permission.GranteeType`. */
export type GranteeType = "USER" | "GROUP" | "EVERYONE";

/** One training example (`TuningExample`). Kept so generateContent can answer from it. */
export interface StoredExample {
  textInput: string;
  output: string;
}

/** One `TuningSnapshot`. */
export interface StoredSnapshot {
  step: number;
  epoch: number;
  meanLoss: number;
  computeTimeMs: number;
}

/** A sharing grant on a tuned model. */
export interface StoredPermission {
  id: string;
  granteeType: GranteeType;
  emailAddress?: string;
  role: Role;
}

/**
 * The training job behind a model's create operation. Progress is stored as "steps done, and when the last one
 * finished", so progress since then is derived from the clock: a restarted emulator continues where it was.
 */
export interface StoredJob {
  operationId: string;
  totalSteps: number;
  completedSteps: number;
  lastStepAtMs: number;
  snapshots: StoredSnapshot[];
  failure?: FailurePlan;
  error?: { code: number; message: string };
}

/** Effective hyperparameters (defaults applied), echoed on GET. */
export interface StoredHyperparameters {
  epochCount: number;
  batchSize: number;
  learningRate?: number;
  learningRateMultiplier?: number;
}

/** A tuned model with its job, examples and permissions. */
export interface StoredModel {
  id: string;
  baseModel?: string;
  tunedModelSource?: { tunedModel: string; baseModel: string };
  /** The base model at the root of the source chain; drives defaults and temperature limits. */
  rootBaseModel: string;
  displayName?: string;
  description?: string;
  temperature?: number;
  topP?: number;
  topK?: number;
  readerProjectNumbers: string[];
  state: ModelState;
  createTimeMs: number;
  updateTimeMs: number;
  startTimeMs: number;
  completeTimeMs?: number;
  hyperparameters: StoredHyperparameters;
  examples: StoredExample[];
  /** Answer accuracy set through the control API (else derived from training, `../jobs/recall.ts`). */
  answerAccuracy?: number;
  job: StoredJob;
  permissions: StoredPermission[];
}

/** Pending job failures that apply to models not created yet. */
export interface PendingFailures {
  byId: Record<string, FailurePlan>;
  next: FailurePlan[];
}

/** The Gemini API part of the state file (its keys sit at the top level of the file). */
export interface GeminiState {
  models: StoredModel[];
  jobsCreated: number;
  jobsById: Record<string, number>;
  pendingFailures: PendingFailures;
}

/** A fresh, empty Gemini API state. */
export function emptyGeminiState(): GeminiState {
  return { models: [], jobsCreated: 0, jobsById: {}, pendingFailures: { byId: {}, next: [] } };
}
