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

/**
 * Longest wait between polls of a tuning job. Vertex reports no progress while a job runs, so the waiter
 * cannot foresee the end: at 15 s the end is noticed within 15 s, and a one-hour job costs about 250 GETs
 * (after the first half minute, one every 15 s), within a budget of 300.
 */
export const TUNING_JOB_MAX_POLL_DELAY_MS = 15_000;

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
 * change and a heartbeat at most once a minute otherwise. Resolves with the succeeded job; rejects with
 * the waiter's errors, each carrying the last job seen.
 */
export function waitForTuningJob(api: Pick<VertexApi, "getTuningJob">, jobName: string, options: WaitForTuningJobOptions): Promise<TuningJob> {
  const report = jobProgressReporter(jobName, { now: options.clock && (() => options.clock!.now()) });
  return waitUntil({
    name: jobName,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    clock: options.clock,
    maxDelayWithoutProgressMs: TUNING_JOB_MAX_POLL_DELAY_MS,
    poll: async (signal) => {
      const job = await api.getTuningJob(jobName, signal);
      if (job === undefined) throw new Error(`${jobName} no longer exists`);
      return job;
    },
    classify: classifyTuningJob,
    onObservation: report,
  });
}

/** Options of {@link jobProgressReporter}. */
export interface JobProgressReporterOptions {
  /** Where lines go. Default `console.log` (the engine shows provider output as plain lines). */
  write?: (line: string) => void;
  /** Time source, epoch ms (tests). */
  now?: () => number;
}

/**
 * Prints a job's state at every change, and otherwise a heartbeat at most once a minute: Vertex reports
 * no step progress, so the heartbeat says how long the job has been going and, once the job started,
 * what Vertex counted of the dataset. See {@link progressLine}.
 */
export function jobProgressReporter(jobName: string, options: JobProgressReporterOptions = {}): (job: TuningJob) => void {
  const now = options.now ?? Date.now;
  const report = throttledReporter(options.write ?? ((line) => console.log(line)), { intervalMs: PROGRESS_INTERVAL_MS, now });
  const firstSeenAt = now();
  let lastState: string | undefined;
  return (job) => {
    const changed = job.state !== lastState;
    lastState = job.state;
    report(progressLine(jobName, job, now(), firstSeenAt), changed);
  };
}

/**
 * `<job>: JOB_STATE_RUNNING, 12m 05s elapsed (120 examples, 45000 billable tokens, 38 steps)`. Elapsed
 * counts from the job's `createTime` (else from `fallbackStart`, when this wait first saw it) to now, or
 * to its `endTime` once final. The counts appear once Vertex reports `tuningDataStats`.
 */
export function progressLine(jobName: string, job: TuningJob, now: number, fallbackStart: number): string {
  const createdAt = job.createTime === undefined ? NaN : Date.parse(job.createTime);
  const endedAt = isFinal(job) && job.endTime !== undefined ? Date.parse(job.endTime) : NaN;
  const since = Number.isFinite(createdAt) ? createdAt : fallbackStart;
  const until = Number.isFinite(endedAt) ? endedAt : now;
  const data = job.tuningDataStats;
  const stats = data?.supervisedTuningDataStats ?? data?.preferenceOptimizationDataStats;
  const counts = [
    stats?.tuningDatasetExampleCount !== undefined && `${stats.tuningDatasetExampleCount} examples`,
    stats?.totalBillableTokenCount !== undefined && `${stats.totalBillableTokenCount} billable tokens`,
    stats?.tuningStepCount !== undefined && `${stats.tuningStepCount} steps`,
  ].filter(Boolean);
  return `${jobName}: ${job.state ?? "state unknown"}, ${elapsed(until - since)} elapsed${counts.length > 0 ? ` (${counts.join(", ")})` : ""}`;
}

/** `45s`, `12m 05s`, `1h 02m`. */
function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}
