import type { SimulatedClock } from "./simulatedClock";

/** A Vertex tuning job as `tuningJobs.get` would report it, on a simulated clock. */
export interface SimulatedVertexJobOptions {
  /** Time from submission to the end of training (the job's `endTime`). */
  durationMs: number;
  /** Time spent `JOB_STATE_PENDING` before it runs; default 10 % of the duration. */
  pendingMs?: number;
  /** Round trip of one GET; half on the way out, half back. Default 4 ms. */
  rttMs?: number;
}

/** The job: a GET for the waiter, when it ends, and how often it was read. */
export interface SimulatedVertexJob {
  /** `tuningJobs.get`: the job as it is at the simulated moment the request arrives. */
  getTuningJob(name: string, signal?: AbortSignal): Promise<Record<string, unknown>>;
  /** The job's name. */
  name: string;
  /** When the job ends (epoch ms on the simulated clock). */
  endsAt: number;
  /** GETs answered so far. */
  gets: number;
}

/**
 * A job that is pending, then running (with `tuningDataStats`, as Vertex reports them once the job started)
 * and then succeeded: the states the emulator's Vertex half goes through, with no step progress, as Vertex.
 */
export function simulatedVertexJob(clock: SimulatedClock, options: SimulatedVertexJobOptions): SimulatedVertexJob {
  const createdAt = clock.now();
  const startsAt = createdAt + (options.pendingMs ?? options.durationMs / 10);
  const endsAt = createdAt + options.durationMs;
  const rtt = options.rttMs ?? 4;
  const name = "projects/123456789012/locations/us-central1/tuningJobs/4242";
  const iso = (ms: number) => new Date(ms).toISOString();
  const job: SimulatedVertexJob = {
    name,
    endsAt,
    gets: 0,
    async getTuningJob(_name, signal) {
      await clock.sleep(rtt / 2, signal);
      job.gets++;
      const now = clock.now();
      const answer: Record<string, unknown> = { name, createTime: iso(createdAt), state: "JOB_STATE_PENDING" };
      if (now >= startsAt) {
        answer.state = "JOB_STATE_RUNNING";
        answer.startTime = iso(startsAt);
        answer.tuningDataStats = { supervisedTuningDataStats: { tuningDatasetExampleCount: "120", totalBillableTokenCount: "45000", tuningStepCount: "38" } };
      }
      if (now >= endsAt) Object.assign(answer, { state: "JOB_STATE_SUCCEEDED", endTime: iso(endsAt) });
      await clock.sleep(rtt / 2, signal);
      return answer;
    },
  };
  return job;
}
