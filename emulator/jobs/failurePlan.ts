/**
 * Planned job failures, shared by both simulations: the control API asks for a failure at some step with some
 * gRPC code, and the job fails when its clock reaches that step.
 */

/** A planned failure of a training job. */
export interface FailurePlan {
  /** The step at which the job fails; steps before it complete normally. */
  atStep: number;
  /** gRPC code of the job's error. */
  code: number;
  /** The job's error message. */
  message: string;
}

/** A failure as the control API asks for it; every field has a default. */
export interface FailureSpec {
  /** Default 1. */
  atStep?: number;
  /** Default 13 (INTERNAL). */
  code?: number;
  /** Default: the injected-failure message naming the step. */
  message?: string;
}

/** The message a planned failure gets when the caller named none. */
export function injectedFailureMessage(atStep: number): string {
  return `Tuning job failed at step ${atStep}: injected failure.`;
}

/** Checks a spec and applies the defaults; throws RangeError naming the bad field. */
export function failurePlanOf(spec: FailureSpec): FailurePlan {
  if (spec.atStep !== undefined && !(Number.isInteger(spec.atStep) && spec.atStep >= 1)) {
    throw new RangeError(`atStep must be a positive integer (got ${spec.atStep}).`);
  }
  if (spec.code !== undefined && !(Number.isInteger(spec.code) && spec.code >= 1 && spec.code <= 16)) {
    throw new RangeError(`code must be a gRPC code 1..16 (got ${spec.code}).`);
  }
  return { atStep: spec.atStep ?? 1, code: spec.code ?? 13, message: spec.message ?? "" };
}

/**
 * Fits a plan to a job that has done `completedSteps` of `totalSteps`: the failing step is one the job has
 * still to run (a step already done cannot fail, one past the end would never come), and an empty message
 * becomes the injected-failure message of that step. Mutates and returns `plan`.
 */
export function fitFailure(plan: FailurePlan, completedSteps: number, totalSteps: number): FailurePlan {
  plan.atStep = Math.min(Math.max(plan.atStep, completedSteps + 1), totalSteps);
  plan.message ||= injectedFailureMessage(plan.atStep);
  return plan;
}
