// How the waiter reads a Vertex tuning job (the one place that says whether a job is final), how often it
// polls one, and the progress lines it prints.
import { classifyTuningJob, isFinal, jobFailureReason, progressLine, TUNING_JOB_MAX_POLL_DELAY_MS, waitForTuningJob } from "../../../provider/vertex/jobPoller";
import { TuningJobSchema } from "../../../provider/vertex/wire";
import { SimulatedClock } from "../../harness/simulatedClock";
import { simulatedVertexJob } from "../../harness/simulatedVertexJob";

const job = (state: string, error?: { code: number; message: string }) => ({ name: "projects/p/locations/l/tuningJobs/1", state, error });

describe("Vertex job poller", () => {
  test.each(["JOB_STATE_QUEUED", "JOB_STATE_PENDING", "JOB_STATE_RUNNING", "JOB_STATE_CANCELLING", "JOB_STATE_PAUSED", "JOB_STATE_UPDATING"])("%s is pending", (state) => {
    expect(isFinal(job(state))).toBe(false);
    expect(classifyTuningJob(job(state))).toEqual({ state: "pending" });
  });

  test("a job without a state is pending", () => {
    expect(classifyTuningJob({ name: "j" })).toEqual({ state: "pending" });
  });

  test("JOB_STATE_SUCCEEDED succeeded", () => {
    expect(classifyTuningJob(job("JOB_STATE_SUCCEEDED"))).toEqual({ state: "succeeded" });
  });

  test.each(["JOB_STATE_FAILED", "JOB_STATE_CANCELLED", "JOB_STATE_EXPIRED", "JOB_STATE_PARTIALLY_SUCCEEDED"])("%s failed, with the state and the job's error", (state) => {
    expect(isFinal(job(state))).toBe(true);
    expect(classifyTuningJob(job(state, { code: 13, message: "Internal error." }))).toEqual({ state: "failed", reason: `ended ${state}: INTERNAL: Internal error.` });
  });

  test("a failure without an error says only the state", () => {
    expect(jobFailureReason(job("JOB_STATE_CANCELLED"))).toBe("ended JOB_STATE_CANCELLED");
  });
});

describe("waiting for a Vertex tuning job (simulated clock, 4 ms round trips)", () => {
  async function wait(durationMs: number): Promise<{ gets: number; latencyMs: number; lines: string[] }> {
    const clock = new SimulatedClock();
    const job = simulatedVertexJob(clock, { durationMs });
    const lines: string[] = [];
    const log = jest.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    try {
      const api = { getTuningJob: async (name: string, signal?: AbortSignal) => TuningJobSchema.parse(await job.getTuningJob(name, signal)) };
      const done = await clock.run(waitForTuningJob(api, job.name, { timeoutMs: 4 * 3600_000, clock }));
      expect(done.state).toBe("JOB_STATE_SUCCEEDED");
    } finally {
      log.mockRestore();
    }
    return { gets: job.gets, latencyMs: clock.now() - job.endsAt, lines };
  }

  test.each([60_000, 3600_000])("a %i ms job: the end is noticed within 15 s, with at most 300 GETs an hour", async (durationMs) => {
    const { gets, latencyMs } = await wait(durationMs);
    expect(latencyMs).toBeLessThanOrEqual(15_000);
    expect(gets).toBeLessThanOrEqual(300 * Math.max(1, durationMs / 3600_000));
    expect(TUNING_JOB_MAX_POLL_DELAY_MS).toBe(15_000);
  });

  test("prints each state change and a heartbeat about once a minute", async () => {
    const { lines } = await wait(3600_000);
    const name = "projects/123456789012/locations/us-central1/tuningJobs/4242";
    expect(lines[0]).toBe(`${name}: JOB_STATE_PENDING, 0s elapsed`);
    // The job starts running at 6m: the change is printed at the first GET after it, with the dataset's counts.
    expect(lines.find((line) => line.includes("RUNNING"))).toMatch(/^\S+: JOB_STATE_RUNNING, 6m (0\d|1[0-5])s elapsed \(120 examples, 45000 billable tokens, 38 steps\)$/);
    expect(lines.at(-1)).toBe(`${name}: JOB_STATE_SUCCEEDED, 1h 00m elapsed (120 examples, 45000 billable tokens, 38 steps)`);
    // One line a minute, give or take one poll interval, plus the state changes.
    expect(lines.length).toBeGreaterThanOrEqual(50);
    expect(lines.length).toBeLessThanOrEqual(64);
  });
});

describe("the progress line", () => {
  const name = "projects/1/locations/l/tuningJobs/7";
  const at = Date.parse("2026-01-01T10:00:00Z");

  test("before Vertex counted the dataset: state and time since the job was created", () => {
    expect(progressLine(name, { name, state: "JOB_STATE_PENDING", createTime: "2026-01-01T09:59:15Z" }, at, 0)).toBe(`${name}: JOB_STATE_PENDING, 45s elapsed`);
  });

  test("once running: examples, billable tokens and steps, for preference tuning too", () => {
    const job = { name, state: "JOB_STATE_RUNNING", createTime: "2026-01-01T09:47:55Z", tuningDataStats: { preferenceOptimizationDataStats: { tuningDatasetExampleCount: "10", totalBillableTokenCount: "1234", tuningStepCount: "5" } } };
    expect(progressLine(name, job, at, 0)).toBe(`${name}: JOB_STATE_RUNNING, 12m 05s elapsed (10 examples, 1234 billable tokens, 5 steps)`);
  });

  test("a final job: the time until its end; without a createTime, since the wait first saw it", () => {
    expect(progressLine(name, { name, state: "JOB_STATE_FAILED", createTime: "2026-01-01T08:00:00Z", endTime: "2026-01-01T09:02:30Z" }, at, 0)).toBe(`${name}: JOB_STATE_FAILED, 1h 02m elapsed`);
    expect(progressLine(name, { name, state: "JOB_STATE_QUEUED" }, at, at - 90_000)).toBe(`${name}: JOB_STATE_QUEUED, 1m 30s elapsed`);
  });
});
