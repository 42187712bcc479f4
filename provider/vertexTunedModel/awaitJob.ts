import { shutdownSignal } from "../runtime/shutdownSignal";
import type { VertexApi } from "../vertex/api";
import { FINAL_JOB_STATES, type TuningJob } from "../vertex/wire";
import { waitForOperation, WaitTimeoutError } from "../waiter";
import { grpcCodeName } from "../google/status";
import type { TuningOperation as Operation } from "../gemini/wire";

/** How waiting for a tuning job ended. */
export type JobOutcome =
  | { kind: "succeeded"; job: TuningJob }
  | { kind: "failed"; job: TuningJob; message: string }
  | { kind: "unfinished"; job?: TuningJob; message: string };

/** Minimum time between progress lines while the state stays the same. */
const PROGRESS_INTERVAL_MS = 60_000;

/**
 * Waits for a tuning job to reach a final state with the same adaptive waiter as Gemini API operations:
 * the job is polled as if it were an operation that is done once the job is. Vertex reports no step
 * progress while a job runs, so the waiter's patience grows with the time waited (at most a minute
 * between polls). Prints a line at every state change and at most once a minute otherwise. Never throws
 * for the ways a wait can end; the caller decides what each means for Pulumi state.
 */
export async function awaitTuningJob(api: VertexApi, jobName: string, timeoutMs: number, signal: AbortSignal = shutdownSignal()): Promise<JobOutcome> {
  let last: TuningJob | undefined;
  const report = jobProgressReporter(jobName);
  try {
    await waitForOperation({
      name: jobName,
      timeoutMs,
      signal,
      poll: async (pollSignal) => {
        const job = await api.getTuningJob(jobName, pollSignal);
        if (job === undefined) throw new Error(`${jobName} no longer exists`);
        last = job;
        report(job);
        return jobAsOperation(job);
      },
    });
  } catch (error) {
    if (last !== undefined && isFinal(last) && last.state !== "JOB_STATE_SUCCEEDED") {
      return { kind: "failed", job: last, message: jobFailureMessage(last) };
    }
    const why = signal.aborted
      ? `the deploy was interrupted while ${jobName} was training`
      : error instanceof WaitTimeoutError
        ? `${jobName} was still training after the create timeout (${Math.round(timeoutMs / 1000)}s)`
        : `waiting for ${jobName} failed: ${(error as Error).message}`;
    return { kind: "unfinished", job: last, message: why };
  }
  return { kind: "succeeded", job: last as TuningJob };
}

/** `tuning job X ended JOB_STATE_FAILED: INTERNAL: <message>`. */
export function jobFailureMessage(job: TuningJob): string {
  const error = job.error;
  const detail = error === undefined ? "" : `: ${grpcCodeName(error.code)}: ${error.message ?? "(no message)"}`;
  return `tuning job ${job.name} ended ${job.state ?? "in an unknown state"}${detail}`;
}

/** Whether the job will not change state any more. */
export function isFinal(job: TuningJob): boolean {
  return job.state !== undefined && FINAL_JOB_STATES.has(job.state);
}

/** The job as the waiter sees it: done once final, with an error unless it succeeded. */
function jobAsOperation(job: TuningJob): Operation {
  if (!isFinal(job)) return { name: job.name };
  if (job.state === "JOB_STATE_SUCCEEDED") return { name: job.name, done: true, response: {} };
  return { name: job.name, done: true, error: { code: job.error?.code ?? 2, message: job.error?.message ?? job.state } };
}

function jobProgressReporter(jobName: string): (job: TuningJob) => void {
  let lastState: string | undefined;
  let lastAt = 0;
  return (job) => {
    const now = Date.now();
    if (job.state === lastState && now - lastAt < PROGRESS_INTERVAL_MS) return;
    lastState = job.state;
    lastAt = now;
    const stats = job.tuningDataStats?.supervisedTuningDataStats;
    const details = [
      stats?.tuningDatasetExampleCount && `${stats.tuningDatasetExampleCount} examples`,
      stats?.tuningStepCount && `${stats.tuningStepCount} steps`,
      job.startTime && !isFinal(job) && `running for ${elapsed(Date.parse(job.startTime), now)}`,
    ].filter(Boolean);
    console.log(`${jobName}: ${job.state ?? "state unknown"}${details.length > 0 ? ` (${details.join(", ")})` : ""}`);
  };
}

function elapsed(since: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - since) / 1000));
  return seconds < 120 ? `${seconds}s` : `${Math.round(seconds / 60)}m`;
}
