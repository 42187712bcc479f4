/**
 * The step clock both training simulations run on. Nothing runs in the background: a job stores how many
 * steps are done and when the last one finished (its anchor), and the steps due since are derived whenever
 * someone looks. That makes progress deterministic (step times are exact multiples of the step time), cheap,
 * and durable (a restarted emulator derives the same progress from the stored anchors).
 */
import { FailurePlan } from "./failurePlan";

/** What the step clock reads and writes on a job. */
export interface SteppedJob {
  completedSteps: number;
  totalSteps: number;
  /** When the last step finished (or the job started stepping): epoch ms. */
  lastStepAtMs: number;
  failure?: FailurePlan;
}

/** Where the steps due by now left a job. */
export type StepOutcome =
  | { kind: "running"; changed: boolean }
  | { kind: "finished"; at: number }
  | { kind: "failed"; at: number; plan: FailurePlan };

/**
 * When the step after the anchor is due, or undefined when it is still in the future. With a zero step time
 * everything is due at once, even if the anchor is a hair in the future.
 */
export function nextStepDue(lastStepAtMs: number, now: number, stepMs: number): number | undefined {
  const at = lastStepAtMs + Math.max(stepMs, 0);
  return stepMs <= 0 || at <= now ? at : undefined;
}

/**
 * Runs the steps due by `now`, calling `onStep` for each before it counts; stops at a planned failure's step
 * (which itself completes nothing) or after the last step. Bounded by the job's remaining steps.
 */
export function runDueSteps(
  job: SteppedJob,
  now: number,
  stepMs: number,
  onStep: (step: number, at: number) => void = () => {},
): StepOutcome {
  let changed = false;
  while (job.completedSteps < job.totalSteps) {
    const at = nextStepDue(job.lastStepAtMs, now, stepMs);
    if (at === undefined) break;
    const step = job.completedSteps + 1;
    if (job.failure && step >= job.failure.atStep) return { kind: "failed", at, plan: job.failure };
    onStep(step, at);
    job.completedSteps = step;
    job.lastStepAtMs = at;
    changed = true;
  }
  if (job.completedSteps >= job.totalSteps) return { kind: "finished", at: job.lastStepAtMs };
  return { kind: "running", changed };
}

/**
 * Moves a running job's anchor past a pause that started at `pausedAt` and ended at `now`, so it continues as
 * if the pause had not happened (an anchor already after the pause start moves by the rest of the pause).
 */
export function shiftAnchorForPause(job: Pick<SteppedJob, "lastStepAtMs">, pausedAt: number, now: number): void {
  job.lastStepAtMs += Math.max(0, now - Math.max(pausedAt, job.lastStepAtMs));
}
