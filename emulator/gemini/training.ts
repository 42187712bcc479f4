/**
 * The Gemini API training simulation: server-side hyperparameter defaults, the step count, and one snapshot per
 * step on the shared step clock (`../jobs/stepClock.ts`). The defaults and the step formula are described in
 * docs/gemini-api.md (Hyperparameters; Base models and step accounting).
 */
import { FailurePlan } from "../jobs/failurePlan";
import { runDueSteps } from "../jobs/stepClock";
import { StoredHyperparameters, StoredModel } from "./state";

/** Default epoch count (tuning guide's recommended configuration). */
export const DEFAULT_EPOCH_COUNT = 5;
/** Default batch size below the threshold, and at or above it. */
export const DEFAULT_BATCH_SIZES = { small: 4, large: 16 } as const;
/** Default learning rate below the threshold, and at or above it. */
export const DEFAULT_LEARNING_RATES = { small: 0.001, large: 0.0002 } as const;
/** Example count at which the server-chosen defaults switch (unknown upstream; configurable). */
export const DEFAULT_SIZE_THRESHOLD = 500;

/** Hyperparameters as the caller sent them (any may be absent). */
export interface RequestedHyperparameters {
  epochCount?: number;
  batchSize?: number;
  learningRate?: number;
  learningRateMultiplier?: number;
}

/** The effective hyperparameters and the step count they imply. */
export interface TrainingPlan {
  hyperparameters: StoredHyperparameters;
  totalSteps: number;
}

/**
 * Applies the server-side defaults and computes `totalSteps = ceil(N × E / B)` (the one formula that fits all
 * three observed data points). With a multiplier the effective rate is multiplier × the recommended rate, but
 * only the multiplier is echoed, since the two are a proto oneof.
 */
export function planTraining(
  exampleCount: number,
  requested: RequestedHyperparameters,
  sizeThreshold: number,
): TrainingPlan {
  const large = exampleCount >= sizeThreshold;
  const epochCount = requested.epochCount ?? DEFAULT_EPOCH_COUNT;
  const batchSize = requested.batchSize ?? (large ? DEFAULT_BATCH_SIZES.large : DEFAULT_BATCH_SIZES.small);
  const hyperparameters: StoredHyperparameters = { epochCount, batchSize };
  if (requested.learningRateMultiplier !== undefined) {
    hyperparameters.learningRateMultiplier = requested.learningRateMultiplier;
  } else {
    hyperparameters.learningRate =
      requested.learningRate ?? (large ? DEFAULT_LEARNING_RATES.large : DEFAULT_LEARNING_RATES.small);
  }
  return { hyperparameters, totalSteps: Math.ceil((exampleCount * epochCount) / batchSize) };
}

/** 1-based epoch of the first example in step `step`: `floor((step − 1) × B / N) + 1` (fits the observed 19→5). */
export function epochForStep(step: number, batchSize: number, exampleCount: number): number {
  return Math.floor(((step - 1) * batchSize) / exampleCount) + 1;
}

/**
 * Mean loss after `step` of `totalSteps`: an exponential decay from about 6.2 towards 0.2, strictly decreasing
 * in `step`, so tests can assert that loss goes down without depending on exact values.
 */
export function meanLossForStep(step: number, totalSteps: number): number {
  return 0.2 + 6 * Math.exp((-3 * step) / Math.max(totalSteps, 1));
}

/**
 * Brings a CREATING model's job up to `now`: appends one snapshot per completed step, then marks the model
 * ACTIVE after the last step or FAILED when a planned failure's step is reached (the failing step itself
 * records no snapshot). Returns whether anything changed.
 */
export function advanceJob(model: StoredModel, now: number, stepMs: number): boolean {
  if (model.state !== "CREATING") return false;
  const job = model.job;
  const exampleCount = model.examples.length;
  const outcome = runDueSteps(job, now, stepMs, (step, at) => {
    job.snapshots.push({
      step,
      epoch: epochForStep(step, model.hyperparameters.batchSize, exampleCount),
      meanLoss: meanLossForStep(step, job.totalSteps),
      computeTimeMs: at,
    });
  });
  if (outcome.kind === "failed") fail(model, outcome.at, outcome.plan);
  else if (outcome.kind === "finished") finish(model, outcome.at);
  else return outcome.changed;
  return true;
}

function finish(model: StoredModel, at: number): void {
  model.state = "ACTIVE";
  model.completeTimeMs = at;
  model.updateTimeMs = Math.max(model.updateTimeMs, at);
}

function fail(model: StoredModel, at: number, plan: FailurePlan): void {
  model.state = "FAILED";
  model.job.error = { code: plan.code, message: plan.message };
  model.completeTimeMs = at;
  model.updateTimeMs = Math.max(model.updateTimeMs, at);
}

/** Ends a running job as cancelled (gRPC CANCELLED, per google.longrunning's cancel contract). */
export function cancelJob(model: StoredModel, at: number): void {
  fail(model, at, { atStep: model.job.completedSteps + 1, code: 1, message: "Operation cancelled." });
}
