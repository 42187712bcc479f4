import { waitForTuningOperation } from "../../../provider/gemini/operationPoller";
import type { PollDecision } from "../../../provider/waiter";
import { SimulatedClock } from "../../harness/simulatedClock";
import { simulatedJob, type SimulatedJobOptions } from "./simulatedJob";

/** Runs one simulated job to completion; returns the polls made and how long after its end the waiter returned. */
async function measure(options: SimulatedJobOptions, wait: { maxDelayWithoutProgressMs?: number } = {}): Promise<{ polls: number; latencyMs: number; decisions: PollDecision[]; pollTimes: number[] }> {
  const clock = new SimulatedClock();
  const job = simulatedJob(clock, options);
  const decisions: PollDecision[] = [];
  const pollTimes: number[] = [];
  const started = clock.now();
  const operation = await clock.run(
    waitForTuningOperation({
      poll: (signal) => {
        pollTimes.push(clock.now() - started);
        return job.poll(signal);
      },
      timeoutMs: 4 * 3600_000,
      clock,
      ...wait,
      onSchedule: (decision) => decisions.push(decision),
    }),
  );
  expect(operation.done).toBe(true);
  return { polls: job.polls, latencyMs: clock.now() - job.endsAt, decisions, pollTimes };
}

const measured: string[] = [];
afterAll(() => console.log(`waiter schedule (simulated clock, 4 ms round trips):\n${measured.join("\n")}`));

describe("the waiter's adaptive schedule", () => {
  const steps = [5, 10, 19, 38, 100, 375];

  describe.each([5_000, 60_000, 600_000])("a %i ms job", (durationMs) => {
    test.each(steps)("with %i steps: done within 1 s of the end, few polls", async (totalSteps) => {
      const { polls, latencyMs } = await measure({ durationMs, totalSteps, queueMs: 1234 });
      measured.push(`  ${durationMs / 1000} s, ${totalSteps} steps: ${polls} polls, latency ${Math.round(latencyMs)} ms`);
      expect(latencyMs).toBeLessThanOrEqual(1000);
      if (durationMs === 600_000) expect(polls).toBeLessThanOrEqual(40);
    });
  });

  test.each([10, 19, 38, 100])("from step counts alone (no timestamps), a 600 s job with %i steps meets the targets", async (totalSteps) => {
    const { polls, latencyMs } = await measure({ durationMs: 600_000, totalSteps, snapshots: false });
    measured.push(`  600 s, ${totalSteps} steps, counts only: ${polls} polls, latency ${Math.round(latencyMs)} ms`);
    expect(latencyMs).toBeLessThanOrEqual(1000);
    expect(polls).toBeLessThanOrEqual(40);
  });

  test.each([-5_000, -800, 800, 5_000])("a server clock off by %i ms costs polls, not latency", async (serverClockOffsetMs) => {
    const { polls, latencyMs } = await measure({ durationMs: 600_000, totalSteps: 38, serverClockOffsetMs });
    measured.push(`  600 s, 38 steps, server clock ${serverClockOffsetMs} ms: ${polls} polls, latency ${Math.round(latencyMs)} ms`);
    expect(latencyMs).toBeLessThanOrEqual(1000);
    expect(polls).toBeLessThanOrEqual(45);
  });

  test("is patient early and quick near the end", async () => {
    const { pollTimes, decisions, latencyMs } = await measure({ durationMs: 600_000, totalSteps: 38 });
    const gaps = pollTimes.slice(1).map((t, i) => t - pollTimes[i]);
    const midJob = gaps.filter((_, i) => pollTimes[i] > 60_000 && pollTimes[i] < 540_000);
    const sorted = [...midJob].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThanOrEqual(10_000);
    expect(midJob.length).toBeLessThanOrEqual(20);
    // Near the end: a short last wait, landing just after the end.
    expect(gaps.at(-1)!).toBeLessThan(sorted[Math.floor(sorted.length / 2)] / 2);
    expect(latencyMs).toBeLessThanOrEqual(1_000);
    expect(decisions.map((d) => d.phase)).toContain("approach");
    expect(decisions[0].phase).toBe("discovery");
  });

  test("a percent-only operation finishes within 1 s", async () => {
    const { polls, latencyMs } = await measure({ durationMs: 60_000, totalSteps: 20, percentOnly: true });
    measured.push(`  60 s, percent only: ${polls} polls, latency ${Math.round(latencyMs)} ms`);
    expect(latencyMs).toBeLessThanOrEqual(1000);
  });

  test("an operation without progress metadata is polled with growing patience", async () => {
    const { polls, pollTimes } = await measure({ durationMs: 600_000, totalSteps: 38, noMetadata: true });
    measured.push(`  600 s, no metadata: ${polls} polls`);
    expect(polls).toBeLessThanOrEqual(40);
    const gaps = pollTimes.slice(1).map((t, i) => t - pollTimes[i]);
    expect(gaps.at(-1)).toBeGreaterThan(gaps[0]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(60_000 + 10);
  });

  test.each([60_000, 3600_000])("a %i ms job without progress, with a 15 s cap on the interval: ends noticed within 15 s, at most 300 polls an hour", async (durationMs) => {
    const { polls, latencyMs, pollTimes } = await measure({ durationMs, totalSteps: 38, noMetadata: true }, { maxDelayWithoutProgressMs: 15_000 });
    measured.push(`  ${durationMs / 1000} s, no metadata, 15 s cap: ${polls} polls, latency ${Math.round(latencyMs)} ms`);
    expect(latencyMs).toBeLessThanOrEqual(15_000);
    expect(polls).toBeLessThanOrEqual((300 * Math.max(durationMs, 3600_000)) / 3600_000);
    const gaps = pollTimes.slice(1).map((t, i) => t - pollTimes[i]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(15_000 + 10);
    // Still patient: after the first half minute, no shorter waits than the cap.
    if (durationMs === 3600_000) expect(gaps.filter((_, i) => pollTimes[i] > 60_000).every((g) => g >= 15_000 - 10)).toBe(true);
  });
});
