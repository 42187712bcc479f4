import { grpcCodeName } from "../google/status";
import { throttledReporter, waitUntil, type Classification, type WaiterClock } from "../waiter";
import type { VertexApi } from "./api";
import { FINAL_JOB_STATES, type TuningJob } from "./wire";

/** Minimum time between progress lines while the state stays the same. */
const PROGRESS_INTERVAL_MS = 60_000;

/** Whether the job will not change state any more. The one place that answers it for Vertex. */
export function isFinal(job: Pick<TuningJob, "state">): boolean {
  return job.state !== undefined && FINAL_JOB_STATES.has(job.state);
}

/**
 * How the waiter reads a tuning job: pending until its state is final; then succeeded, or failed with
 * the state and the job's error. Vertex reports no step progress while a job runs, so there is no
 * progress reading and the waiter's patience grows with the time waited.
 */
export function classifyTuningJob(job: TuningJob): Classification {
  if (!isFinal(job)) return { state: "pending" };
  if (job.state === "JOB_STATE_SUCCEEDED") return { state: "succeeded" };
  return { state: "failed", reason: jobFailureReason(job) };
}

/** `ended JOB_STATE_FAILED: INTERNAL: <message>`. */
export function jobFailureReason(job: TuningJob): string {
  const error = job.error;
  const detail = error === undefined ? "" : `: ${grpcCodeName(error.code)}: ${error.message ?? "(no message)"}`;
  return `ended ${job.state ?? "in an unknown state"}${detail}`;
}

/** Options of {@link waitForTuningJob}. */
export interface WaitForTuningJobOptions {
  /** Deadline of the wait. */
  timeoutMs: number;
  /** Stops the wait. */
  signal?: AbortSignal;
  /** Time source (tests). */
  clock?: WaiterClock;
}

/**
 * Waits for a tuning job to reach a final state with the adaptive waiter, printing a line at every state
 * change and at most once a minute otherwise. Resolves with the succeeded job; rejects with the
 * waiter's errors, each carrying the last job seen.
 */
export function waitForTuningJob(api: VertexApi, jobName: string, options: WaitForTuningJobOptions): Promise<TuningJob> {
  const report = jobProgressReporter(jobName);
  return waitUntil({
    name: jobName,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    clock: options.clock,
    poll: async (signal) => {
      const job = await api.getTuningJob(jobName, signal);
      if (job === undefined) throw new Error(`${jobName} no longer exists`);
      return job;
    },
    classify: classifyTuningJob,
    onObservation: report,
  });
}

/** Prints a job's state at every change and at most once a minute otherwise. */
export function jobProgressReporter(jobName: string): (job: TuningJob) => void {
  const report = throttledReporter((line) => console.log(line), { intervalMs: PROGRESS_INTERVAL_MS });
  let lastState: string | undefined;
  return (job) => {
    const changed = job.state !== lastState;
    lastState = job.state;
    const stats = job.tuningDataStats?.supervisedTuningDataStats;
    const details = [
      stats?.tuningDatasetExampleCount && `${stats.tuningDatasetExampleCount} examples`,
      stats?.tuningStepCount && `${stats.tuningStepCount} steps`,
      job.startTime && !isFinal(job) && `running for ${elapsed(Date.parse(job.startTime), Date.now())}`,
    ].filter(Boolean);
    report(`${jobName}: ${job.state ?? "state unknown"}${details.length > 0 ? ` (${details.join(", ")})` : ""}`, changed);
  };
}

function elapsed(since: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  return seconds < 120 ? `${seconds}s` : `${Math.round(seconds / 60)}m`;
}
