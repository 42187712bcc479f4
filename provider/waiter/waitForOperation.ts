import { operationProgress, type OperationProgress } from "../gemini/operationProgress";
import type { TuningOperation as Operation } from "../gemini/wire";
import { systemClock, type WaiterClock } from "./clock";
import type { ProgressObservation } from "./completionEstimate";
import { progressObservation } from "./observe";
import { DEFAULT_POLL_SCHEDULE, nextPollDelay, type PollDecision } from "./pollSchedule";
import {
  OperationFailedError,
  OperationPollError,
  OperationResultMissingError,
  WaitAbortedError,
  WaitTimeoutError,
} from "./waiterErrors";

/** Options of {@link waitForOperation}. */
export interface WaitForOperationOptions {
  /** One look at the operation (a single GET); must honour the signal. */
  poll: (signal: AbortSignal) => Promise<Operation>;
  /** Stops the wait: rejects with {@link WaitAbortedError} carrying the last observation. */
  signal?: AbortSignal;
  /** Deadline from the start of the wait: rejects with {@link WaitTimeoutError} carrying the last observation. */
  timeoutMs: number;
  /** Called with every observation, the first and the last included. */
  onProgress?: (progress: OperationProgress) => void;
  /** Called with every scheduling decision (diagnostics, benchmarks). */
  onSchedule?: (decision: PollDecision) => void;
  /** Time source; epoch milliseconds. */
  clock?: WaiterClock;
  /** Shortest wait between polls, and the interval while the end may come at any moment. Default 500 ms. */
  minDelayMs?: number;
  /** Longest wait between polls. Default 60 s. */
  maxDelayMs?: number;
  /** Name for messages before the first answer arrives. */
  name?: string;
}

/**
 * Polls a long-running operation until it is done, at intervals that adapt to its progress (see
 * {@link nextPollDelay}): patient while the end is far, quick when it is near. Resolves with the done
 * operation; rejects with {@link OperationFailedError} when it finished with an error,
 * {@link OperationResultMissingError} when it claims done without a result, {@link WaitTimeoutError} at
 * the deadline, {@link WaitAbortedError} on abort, {@link OperationPollError} when a poll fails. The
 * last four leave the operation running and carry what was last seen of it.
 */
export async function waitForOperation(options: WaitForOperationOptions): Promise<Operation> {
  const clock = options.clock ?? systemClock;
  const schedule = {
    ...DEFAULT_POLL_SCHEDULE,
    ...(options.minDelayMs !== undefined && { minDelayMs: options.minDelayMs }),
    ...(options.maxDelayMs !== undefined && { maxDelayMs: options.maxDelayMs }),
  };
  const startedAt = clock.now();
  const deadline = startedAt + options.timeoutMs;
  const observations: ProgressObservation[] = [];
  let lastObserved: Operation | undefined;
  let polls = 0;
  const name = () => lastObserved?.name ?? options.name ?? "the operation";
  const aborted = () => new WaitAbortedError(name(), lastObserved, polls, options.signal?.reason);
  const timedOut = () => new WaitTimeoutError(name(), options.timeoutMs, lastObserved, polls);

  for (;;) {
    if (options.signal?.aborted) throw aborted();
    const sentAt = clock.now();
    const outcome = await pollUntil(options.poll, clock, deadline, options.signal);
    if (outcome.kind === "aborted") throw aborted();
    if (outcome.kind === "deadline") throw timedOut();
    if (outcome.kind === "error") throw new OperationPollError(name(), outcome.error, lastObserved, polls + 1);
    const operation = outcome.operation;
    const receivedAt = clock.now();
    polls++;
    lastObserved = operation;
    options.onProgress?.(operationProgress(operation));

    if (operation.done === true) {
      if (operation.error !== undefined) throw new OperationFailedError(operation, polls);
      if (operation.response === undefined) throw new OperationResultMissingError(operation, polls);
      return operation;
    }
    const observation = progressObservation(operation, sentAt, receivedAt);
    if (observation !== undefined) observations.push(observation);

    const now = clock.now();
    if (now >= deadline) throw timedOut();
    const decision = nextPollDelay(observations, now, schedule, startedAt);
    options.onSchedule?.(decision);
    // The last poll happens at the deadline itself: a job that ends just before it still counts.
    try {
      await clock.sleep(Math.min(decision.delayMs, deadline - now), options.signal);
    } catch {
      throw aborted();
    }
  }
}

type PollOutcome =
  | { kind: "answer"; operation: Operation }
  | { kind: "error"; error: unknown }
  | { kind: "aborted" }
  | { kind: "deadline" };

/**
 * A poll sent at (or just before) the deadline may still take this long to answer: a job that ended just
 * before the deadline should not be reported as timed out because its last answer was in flight.
 */
const FINAL_POLL_GRACE_MS = 2000;

/** One poll, raced against the caller's signal and the deadline; the poll is aborted when either wins. */
async function pollUntil(
  poll: (signal: AbortSignal) => Promise<Operation>,
  clock: WaiterClock,
  deadline: number,
  signal: AbortSignal | undefined,
): Promise<PollOutcome> {
  const stop = new AbortController();
  const decided = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  const limit = Math.max(deadline - clock.now(), FINAL_POLL_GRACE_MS);
  clock.sleep(limit, decided.signal).then(
    () => stop.abort(new Error("deadline")),
    () => undefined,
  );
  const stopped = new Promise<PollOutcome>((resolve) => {
    stop.signal.addEventListener("abort", () => resolve({ kind: signal?.aborted ? "aborted" : "deadline" }), { once: true });
  });
  const answered = poll(stop.signal).then(
    (operation): PollOutcome => ({ kind: "answer", operation }),
    (error: unknown): PollOutcome => ({ kind: "error", error }),
  );
  try {
    const outcome = await Promise.race([answered, stopped]);
    if (signal?.aborted) return { kind: "aborted" };
    return outcome.kind === "error" && stop.signal.aborted ? { kind: "deadline" } : outcome;
  } finally {
    decided.abort();
    signal?.removeEventListener("abort", onAbort);
  }
}
