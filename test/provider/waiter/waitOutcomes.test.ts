import { waitForTuningOperation, type OperationProgress } from "../../../provider/gemini/operationPoller";
import type { TuningOperation } from "../../../provider/gemini/wire";
import { PollError, WaitAbortedError, WaitFailedError, WaitTimeoutError } from "../../../provider/waiter";
import { SimulatedClock } from "../../harness/simulatedClock";
import { simulatedJob } from "./simulatedJob";

describe("waitUntil outcomes (over Gemini tuning operations)", () => {
  test("resolves with the done operation and reports every observation", async () => {
    const clock = new SimulatedClock();
    const job = simulatedJob(clock, { durationMs: 60_000, totalSteps: 19 });
    const seen: OperationProgress[] = [];
    const operation = await clock.run(waitForTuningOperation({ poll: job.poll, timeoutMs: 600_000, clock, onProgress: (p) => seen.push(p) }));
    expect(operation.response?.name).toBe("tunedModels/sim-model");
    expect(seen).toHaveLength(job.polls);
    expect(seen[0]).toMatchObject({ done: false, totalSteps: 19, completedSteps: 0, completedPercent: 0 });
    expect(seen.at(-1)).toMatchObject({ done: true, completedSteps: 19, completedPercent: 100, latestSnapshot: { step: 19, epoch: 5 } });
  });

  test("a deadline rejects with WaitTimeoutError carrying the last observation", async () => {
    const clock = new SimulatedClock();
    const started = clock.now();
    const job = simulatedJob(clock, { durationMs: 600_000, totalSteps: 38 });
    const error = (await clock.run(waitForTuningOperation({ poll: job.poll, timeoutMs: 90_000, clock })).catch((e: unknown) => e)) as WaitTimeoutError<TuningOperation>;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.name).toBe("WaitTimeoutError");
    expect(clock.now() - started).toBeGreaterThanOrEqual(90_000);
    expect(clock.now() - started).toBeLessThan(92_000);
    expect(error.lastObserved?.done).toBeUndefined();
    expect(error.lastObserved?.metadata?.completedSteps).toBe(5);
    expect(error.message).toBe("tunedModels/sim-model/operations/abcdefghijkl was not done after 90 s (last seen: step 5/38)");
  });

  test("the deadline also cuts a poll that hangs", async () => {
    const clock = new SimulatedClock();
    const started = clock.now();
    const hang = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    const error = await clock.run(waitForTuningOperation({ poll: hang, timeoutMs: 30_000, clock, name: "op" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError<TuningOperation>).lastObserved).toBeUndefined();
    expect(clock.now() - started).toBe(30_000);
  });

  test("an abort while sleeping rejects with WaitAbortedError carrying the last observation", async () => {
    const clock = new SimulatedClock();
    const job = simulatedJob(clock, { durationMs: 600_000, totalSteps: 38 });
    const controller = new AbortController();
    void clock.sleep(100_000).then(() => controller.abort(new Error("SIGINT")));
    const error = (await clock.run(waitForTuningOperation({ poll: job.poll, timeoutMs: 3600_000, clock, signal: controller.signal })).catch((e: unknown) => e)) as WaitAbortedError<TuningOperation>;
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect(error.lastObserved?.metadata?.completedSteps).toBeGreaterThan(0);
    expect(error.message).toMatch(/^stopped waiting for tunedModels\/sim-model\/operations\/abcdefghijkl: aborted \(last seen: step \d+\/38\)$/);
    expect(clock.now()).toBeLessThan(job.endsAt);
  });

  test("an abort during a poll stops it at once", async () => {
    const clock = new SimulatedClock();
    const job = simulatedJob(clock, { durationMs: 600_000, totalSteps: 38, rttMs: 20_000 });
    const controller = new AbortController();
    void clock.sleep(5_000).then(() => controller.abort());
    const error = await clock.run(waitForTuningOperation({ poll: job.poll, timeoutMs: 3600_000, clock, signal: controller.signal })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect(clock.now()).toBeLessThan(job.stepTime(0) + 10_000);
  });

  test("an already aborted signal polls nothing", async () => {
    const clock = new SimulatedClock();
    const job = simulatedJob(clock, { durationMs: 60_000, totalSteps: 19 });
    await expect(clock.run(waitForTuningOperation({ poll: job.poll, timeoutMs: 60_000, clock, signal: AbortSignal.abort() }))).rejects.toBeInstanceOf(WaitAbortedError);
    expect(job.polls).toBe(0);
  });

  test("a failed job rejects with WaitFailedError carrying its code and message", async () => {
    const clock = new SimulatedClock();
    const job = simulatedJob(clock, { durationMs: 60_000, totalSteps: 19, failAtStep: { step: 7, code: 13, message: "Tuning job failed at step 7." } });
    const error = (await clock.run(waitForTuningOperation({ poll: job.poll, timeoutMs: 600_000, clock })).catch((e: unknown) => e)) as WaitFailedError<TuningOperation>;
    expect(error).toBeInstanceOf(WaitFailedError);
    expect(error.reason).toBe("INTERNAL (code 13): Tuning job failed at step 7.");
    expect(error.lastObserved?.error).toMatchObject({ code: 13, message: "Tuning job failed at step 7." });
    expect(error.message).toBe("tunedModels/sim-model/operations/abcdefghijkl failed: INTERNAL (code 13): Tuning job failed at step 7.");
    expect(error.lastObserved?.done).toBe(true);
  });

  test("done without response or error is not taken for success", async () => {
    const clock = new SimulatedClock();
    const job = simulatedJob(clock, { durationMs: 5_000, totalSteps: 5, doneWithoutResult: true });
    const error = await clock.run(waitForTuningOperation({ poll: job.poll, timeoutMs: 60_000, clock })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitFailedError);
    expect((error as Error).message).toBe("tunedModels/sim-model/operations/abcdefghijkl failed: it is done but has neither a response nor an error");
  });

  test("a failing poll rejects with PollError carrying the cause and the last observation", async () => {
    const clock = new SimulatedClock();
    const job = simulatedJob(clock, { durationMs: 60_000, totalSteps: 19 });
    let calls = 0;
    const poll = (signal: AbortSignal) => (++calls < 4 ? job.poll(signal) : Promise.reject(new Error("HTTP 403 PERMISSION_DENIED")));
    const error = (await clock.run(waitForTuningOperation({ poll, timeoutMs: 600_000, clock })).catch((e: unknown) => e)) as PollError<TuningOperation>;
    expect(error).toBeInstanceOf(PollError);
    expect(error.message).toBe("could not poll tunedModels/sim-model/operations/abcdefghijkl: HTTP 403 PERMISSION_DENIED");
    expect((error.cause as Error).message).toBe("HTTP 403 PERMISSION_DENIED");
    expect(error.lastObserved).toBeDefined();
    expect(error.polls).toBe(4);
  });

  test("an operation already done returns after one poll", async () => {
    const clock = new SimulatedClock();
    const done = { name: "op", done: true, response: { "@type": "t", name: "tunedModels/a" } };
    const operation = await clock.run(waitForTuningOperation({ poll: async () => done, timeoutMs: 1000, clock }));
    expect(operation).toBe(done);
  });
});
