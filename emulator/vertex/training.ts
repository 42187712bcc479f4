/**
 * The Vertex tuning-job simulation, on the shared step clock (`../jobs/stepClock.ts`) and the same step time
 * as Gemini API jobs.
 *
 * A job is PENDING for one step time after creation (provisioning), then RUNNING for `totalSteps` step times,
 * then SUCCEEDED.
 *
 * Vertex does not publish its step formula or a batch size. The emulator uses the Gemini API's observed rule,
 * `ceil(N × E / B)`, with a fixed effective batch size B = 8 [inf] (4 for preference tuning [inf]), and a
 * default of 5 epochs [inf] when the job does not set one.
 */
import { FailurePlan } from "../jobs/failurePlan";
import { nextStepDue, runDueSteps } from "../jobs/stepClock";
import { evaluateDatasetRunsOf } from "./evaluation";
import { StoredVertexJob, VertexCheckpoint } from "./state";

/** Effective batch size used for the step count (not published by Vertex). */
export const VERTEX_BATCH_SIZE = 8;
/**
 * Effective batch size of preference tuning [inf]: each example is a prompt with two completions, so half as
 * many examples make a step.
 */
export const VERTEX_PREFERENCE_BATCH_SIZE = 4;

/** The batch size a job steps with: the one it asked for, else its method's. */
export function batchSizeOf(job: Pick<StoredVertexJob, "method" | "batchSize">): number {
  return job.batchSize ?? (job.method === "preference" ? VERTEX_PREFERENCE_BATCH_SIZE : VERTEX_BATCH_SIZE);
}
/** Epochs when `hyperParameters.epochCount` is unset. */
export const VERTEX_DEFAULT_EPOCH_COUNT = 5;

/** `tuningStepCount` for N examples over E epochs at batch size B (default supervised's); at least 1. */
export function vertexStepCount(exampleCount: number, epochCount: number, batchSize = VERTEX_BATCH_SIZE): number {
  return Math.max(1, Math.ceil((exampleCount * epochCount) / batchSize));
}

/** Whether the job can still change state. */
export function isVertexJobActive(job: Pick<StoredVertexJob, "state">): boolean {
  return job.state === "JOB_STATE_PENDING" || job.state === "JOB_STATE_RUNNING";
}

function end(job: StoredVertexJob, at: number, state: "JOB_STATE_FAILED" | "JOB_STATE_CANCELLED", error: FailurePlan): void {
  job.state = state;
  job.error = { code: error.code, message: error.message };
  job.endTimeMs = at;
  job.updateTimeMs = Math.max(job.updateTimeMs, at);
}

/**
 * Brings an active job up to `now`. Returns whether anything changed. A job whose mapped dataset was unusable
 * fails (INVALID_ARGUMENT) at the moment it would have started running; a planned failure fails the job when
 * its step is reached. Bounded by the job's remaining steps.
 */
export function advanceVertexJob(job: StoredVertexJob, now: number, stepMs: number): boolean {
  if (!isVertexJobActive(job)) return false;
  let changed = false;
  if (job.state === "JOB_STATE_PENDING") {
    const at = nextStepDue(job.lastStepAtMs, now, stepMs);
    if (at === undefined) return false;
    if (job.dataset.error !== undefined) {
      end(job, at, "JOB_STATE_FAILED", { atStep: 0, code: 3, message: job.dataset.error });
      return true;
    }
    job.state = "JOB_STATE_RUNNING";
    job.startTimeMs = at;
    job.lastStepAtMs = at;
    job.updateTimeMs = Math.max(job.updateTimeMs, at);
    changed = true;
  }
  const outcome = runDueSteps(job, now, stepMs);
  if (outcome.kind === "failed") {
    end(job, outcome.at, "JOB_STATE_FAILED", outcome.plan);
    return true;
  }
  if (outcome.kind === "finished") {
    job.state = "JOB_STATE_SUCCEEDED";
    job.endTimeMs = outcome.at;
    job.updateTimeMs = Math.max(job.updateTimeMs, outcome.at);
    job.checkpoints = checkpointsOf(job);
    const runs = evaluateDatasetRunsOf(job);
    if (runs !== undefined) job.evaluateDatasetRuns = runs;
    return true;
  }
  return changed || outcome.changed;
}

/** Ends an active job as cancelled: gRPC code 1, as CancelTuningJob documents. */
export function cancelVertexJob(job: StoredVertexJob, at: number): void {
  end(job, at, "JOB_STATE_CANCELLED", { atStep: 0, code: 1, message: "CANCELLED" });
}

/**
 * One checkpoint per epoch, at the step that finishes it, or only the last one with `exportLastCheckpointOnly`.
 * Epochs that end on the same step (tiny datasets) keep only the later epoch. Ids are "1", "2", ... in order.
 * Each is served on an endpoint of its own once the job's model is produced (`produce.ts`).
 */
export function checkpointsOf(job: StoredVertexJob): VertexCheckpoint[] {
  const n = job.dataset.exampleCount;
  const byStep = new Map<number, number>();
  for (let epoch = 1; epoch <= job.epochCount; epoch++) {
    const step = Math.min(job.totalSteps, Math.max(1, Math.ceil((epoch * n) / batchSizeOf(job))));
    byStep.set(step, epoch);
  }
  let entries = [...byStep.entries()].sort((a, b) => a[0] - b[0]);
  if (job.spec.exportLastCheckpointOnly) entries = entries.slice(-1);
  return entries.map(([step, epoch], i) => ({
    checkpointId: String(i + 1),
    epoch,
    step,
    deployed: true,
  }));
}
