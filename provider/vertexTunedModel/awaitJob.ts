import { shutdownSignal } from "../runtime/shutdownSignal";
import type { VertexApi } from "../vertex/api";
import { waitForTuningJob } from "../vertex/jobPoller";
import type { TuningJob } from "../vertex/wire";
import { WaitFailedError, WaitTimeoutError, type WaitError } from "../waiter";

/** How waiting for a tuning job ended. */
export type JobOutcome =
  | { kind: "succeeded"; job: TuningJob }
  | { kind: "failed"; job: TuningJob; message: string }
  | { kind: "unfinished"; job?: TuningJob; message: string };


/**
 * Waits for a tuning job to reach a final state with the same adaptive waiter as Gemini API operations:
 * the job is polled as if it were an operation that is done once the job is. Vertex reports no step
 * progress while a job runs, so the waiter's patience grows with the time waited (at most a minute
 * between polls). Prints a line at every state change and at most once a minute otherwise. Never throws
 * for the ways a wait can end; the caller decides what each means for Pulumi state.
 */
export async function awaitTuningJob(api: VertexApi, jobName: string, timeoutMs: number, signal: AbortSignal = shutdownSignal()): Promise<JobOutcome> {
  try {
    return { kind: "succeeded", job: await waitForTuningJob(api, jobName, { timeoutMs, signal }) };
  } catch (error) {
    const last = (error as Partial<WaitError<TuningJob>>).lastObserved;
    if (error instanceof WaitFailedError && last !== undefined) return { kind: "failed", job: last, message: `tuning job ${jobName} ${error.reason}` };
    const why = signal.aborted
      ? `the deploy was interrupted while ${jobName} was training`
      : error instanceof WaitTimeoutError
        ? `${jobName} was still training after the create timeout (${Math.round(timeoutMs / 1000)}s)`
        : `waiting for ${jobName} failed: ${(error as Error).message}`;
    return { kind: "unfinished", job: last, message: why };
  }
}
