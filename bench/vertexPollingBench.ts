/**
 * How soon a Vertex create notices the end of its tuning job, and how many GETs it spends, for a 60 s and a
 * 3600 s job. Vertex reports no progress while a job runs, so what is measured is the poll schedule alone:
 * it runs in process on a simulated clock (`test/harness/simulatedClock.ts`), one simulated hour in
 * milliseconds. The waiter is the compiled provider's own (`dist/provider/vertex/jobPoller.js`, the code the
 * engine's plugin process runs: the adaptive schedule with the Vertex cap on its interval); the job is
 * `test/harness/simulatedVertexJob.ts` (pending, running with `tuningDataStats`, succeeded; 4 ms round
 * trips). Latency: from the job's end to the moment the wait returns, on the same clock. Without progress
 * the polls fall at the same times in every wait, so sample k of n lengthens the job by k/n of the 15 s
 * interval (60 s, 63 s, ... 72 s): the end falls at a different point between two polls each time.
 */
import * as path from "node:path";
import { SimulatedClock } from "../test/harness/simulatedClock";
import { simulatedVertexJob } from "../test/harness/simulatedVertexJob";

/** The Vertex poller's longest interval: the spread of the samples' end times. */
const INTERVAL_MS = 15_000;

/** One simulated wait. */
export interface VertexPollingSample {
  durationMs: number;
  latencyMs: number;
  gets: number;
}

/** The provider's compiled Vertex waiter, by shape (the tooling build reaches the product only through its package). */
interface JobPollerModule {
  waitForTuningJob(
    api: { getTuningJob(name: string, signal?: AbortSignal): Promise<unknown> },
    jobName: string,
    options: { timeoutMs: number; clock: SimulatedClock },
  ): Promise<{ state?: string }>;
}

/** Runs `samples` simulated waits per duration. */
export async function vertexPollingBench(durationsMs: readonly number[], samples: number): Promise<VertexPollingSample[]> {
  const poller = require(path.join(__dirname, "..", "provider", "vertex", "jobPoller.js")) as JobPollerModule;
  const log = console.log;
  console.log = () => undefined; // the waiter's progress lines
  try {
    const results: VertexPollingSample[] = [];
    for (const durationMs of durationsMs) {
      for (let sample = 0; sample < samples; sample++) {
        const clock = new SimulatedClock();
        const job = simulatedVertexJob(clock, { durationMs: durationMs + (sample * INTERVAL_MS) / samples });
        const done = await clock.run(poller.waitForTuningJob(job, job.name, { timeoutMs: 4 * durationMs + 60_000, clock }));
        if (done.state !== "JOB_STATE_SUCCEEDED") throw new Error(`the simulated job ended ${done.state}`);
        results.push({ durationMs, latencyMs: clock.now() - job.endsAt, gets: job.gets });
      }
    }
    return results;
  } finally {
    console.log = log;
  }
}
