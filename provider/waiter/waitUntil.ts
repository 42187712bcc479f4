import { systemClock, type WaiterClock } from "./clock";
import type { ProgressObservation } from "./completionEstimate";
import { PollError, WaitAbortedError, WaitFailedError, WaitTimeoutError, type WaitContext } from "./errors";
import { DEFAULT_POLL_SCHEDULE, nextPollDelay, type PollDecision } from "./pollSchedule";

/** Progress as a classifier reads it from one answer; the waiter adds when the poll went out and came back. */
export type ProgressReading = Omit<ProgressObservation, "sentAt" | "receivedAt">;

/** What one answer says about the job: still going (with progress, when it reports any), or finished. */
export type Classification =
  | { state: "pending"; progress?: ProgressReading }
  | { state: "succeeded"; progress?: ProgressReading }
  | { state: "failed"; reason: string; progress?: ProgressReading };

/** Options of {@link waitUntil}. */
export interface WaitUntilOptions<T> {
  /** One look at the job (a single GET); must honour the signal. */
  poll: (signal: AbortSignal) => Promise<T>;
  /** Reads an answer: pending, succeeded or failed (the backend's knowledge of its own states). */
  classify: (answer: T) => Classification;
  /** Deadline from the start of the wait: rejects with {@link WaitTimeoutError} carrying the last answer. */
  timeoutMs: number;
  /** Stops the wait: rejects with {@link WaitAbortedError} carrying the last answer. */
  signal?: AbortSignal;
  /** Time source; epoch milliseconds. */
  clock?: WaiterClock;
  /** Called with every answer and how it was classified, the first and the last included. */
  onObservation?: (answer: T, classification: Classification) => void;
  /** Called with every scheduling decision (diagnostics, benchmarks). */
  onSchedule?: (decision: PollDecision) => void;
  /** What is waited for, in messages; `nameOf` reads it from an answer once one arrived. */
  name?: string;
  /** The name an answer gives itself (e.g. an operation's `name`). */
  nameOf?: (answer: T) => string;
  /** Shortest wait between polls, and the interval while the end may come at any moment. Default 500 ms. */
  minDelayMs?: number;
  /** Longest wait between polls. Default 60 s. */
  maxDelayMs?: number;
  /**
   * Longest wait between polls while no answer has reported progress. Without progress the schedule cannot
   * foresee the end, so its patience grows to `maxDelayMs`, and the end is noticed up to that late: a
   * backend whose jobs never report progress (Vertex) bounds that delay here. Default: `maxDelayMs`.
   */
  maxDelayWithoutProgressMs?: number;
}

/**
 * Polls a job until its answer classifies as finished, at intervals that adapt to its progress (see
 * {@link nextPollDelay}): patient while the end is far, quick when it is near. Resolves with the last
 * answer once it succeeded; rejects with {@link WaitFailedError} when it failed, {@link WaitTimeoutError}
 * at the deadline, {@link WaitAbortedError} on abort and {@link PollError} when a poll fails. Every error
 * carries the last answer (`lastObserved`); all but the first leave the job running.
 */
export async function waitUntil<T>(options: WaitUntilOptions<T>): Promise<T> {
  const clock = options.clock ?? systemClock;
  const schedule = {
    ...DEFAULT_POLL_SCHEDULE,
    ...(options.minDelayMs !== undefined && { minDelayMs: options.minDelayMs }),
    ...(options.maxDelayMs !== undefined && { maxDelayMs: options.maxDelayMs }),
  };
  const startedAt = clock.now();
  const deadline = startedAt + options.timeoutMs;
  const observations: ProgressObservation[] = [];
  let lastObserved: T | undefined;
  let lastProgress: ProgressReading | undefined;
  let polls = 0;
  const context = (): WaitContext<T> => ({
    name: (lastObserved !== undefined ? options.nameOf?.(lastObserved) : undefined) ?? options.name ?? "the job",
    lastObserved,
    lastProgress,
    polls,
  });
  const aborted = () => new WaitAbortedError(context(), options.signal?.reason);
  const timedOut = () => new WaitTimeoutError(context(), options.timeoutMs);

  for (;;) {
    if (options.signal?.aborted) throw aborted();
    const sentAt = clock.now();
    const outcome = await pollUntil(options.poll, clock, deadline, options.signal);
    if (outcome.kind === "aborted") throw aborted();
    if (outcome.kind === "deadline") throw timedOut();
    if (outcome.kind === "error") throw new PollError({ ...context(), polls: polls + 1 }, outcome.error);
    const answer = outcome.answer;
    const receivedAt = clock.now();
    polls++;
    lastObserved = answer;
    const classification = options.classify(answer);
    lastProgress = classification.progress ?? lastProgress;
    options.onObservation?.(answer, classification);

    if (classification.state === "succeeded") return answer;
    if (classification.state === "failed") throw new WaitFailedError({ ...context(), lastObserved: answer }, classification.reason);
    if (classification.progress !== undefined) observations.push({ ...classification.progress, sentAt, receivedAt });

    const now = clock.now();
    if (now >= deadline) throw timedOut();
    const decision = withoutProgressCap(nextPollDelay(observations, now, schedule, startedAt), observations.length, options.maxDelayWithoutProgressMs);
    options.onSchedule?.(decision);
    // The last poll happens at the deadline itself: a job that ends just before it still counts.
    try {
      await clock.sleep(Math.min(decision.delayMs, deadline - now), options.signal);
    } catch {
      throw aborted();
    }
  }
}

/** The decision, its wait capped while nothing has reported progress (see `maxDelayWithoutProgressMs`). */
function withoutProgressCap(decision: PollDecision, progressSeen: number, capMs: number | undefined): PollDecision {
  if (progressSeen > 0 || capMs === undefined || decision.delayMs <= capMs) return decision;
  return { ...decision, delayMs: capMs };
}

type PollOutcome<T> = { kind: "answer"; answer: T } | { kind: "error"; error: unknown } | { kind: "aborted" } | { kind: "deadline" };

/**
 * A poll sent at (or just before) the deadline may still take this long to answer: a job that ended just
 * before the deadline should not be reported as timed out because its last answer was in flight.
 */
const FINAL_POLL_GRACE_MS = 2000;

/** One poll, raced against the caller's signal and the deadline; the poll is aborted when either wins. */
async function pollUntil<T>(
  poll: (signal: AbortSignal) => Promise<T>,
  clock: WaiterClock,
  deadline: number,
  signal: AbortSignal | undefined,
): Promise<PollOutcome<T>> {
  const stop = new AbortController();
  const decided = new AbortController();
  const onAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  const limit = Math.max(deadline - clock.now(), FINAL_POLL_GRACE_MS);
  clock.sleep(limit, decided.signal).then(
    () => stop.abort(new Error("deadline")),
    () => undefined,
  );
  const stopped = new Promise<PollOutcome<T>>((resolve) => {
    stop.signal.addEventListener("abort", () => resolve({ kind: signal?.aborted ? "aborted" : "deadline" }), { once: true });
  });
  const answered = poll(stop.signal).then(
    (answer): PollOutcome<T> => ({ kind: "answer", answer }),
    (error: unknown): PollOutcome<T> => ({ kind: "error", error }),
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
