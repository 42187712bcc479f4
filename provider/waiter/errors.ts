import type { ProgressObservation } from "./completionEstimate";

/** Base of the waiter's errors: every one carries the last answer a poll returned. */
export abstract class WaitError<T> extends Error {
  /** The last answer of a poll, if any came back. */
  readonly lastObserved: T | undefined;
  /** Polls made. */
  readonly polls: number;

  protected constructor(message: string, lastObserved: T | undefined, polls: number, options?: { cause?: unknown }) {
    super(message, options);
    this.lastObserved = lastObserved;
    this.polls = polls;
  }
}

/** What the wait knew when it gave up, for messages: the thing's name and its last progress. */
export interface WaitContext<T> {
  /** What was waited for, e.g. an operation's name. */
  name: string;
  /** The last answer, if any. */
  lastObserved: T | undefined;
  /** The last progress the classifier reported. */
  lastProgress: Omit<ProgressObservation, "sentAt" | "receivedAt"> | undefined;
  /** Polls made. */
  polls: number;
}

/** The deadline passed before the job finished. The job itself keeps running. */
export class WaitTimeoutError<T> extends WaitError<T> {
  /** The deadline that passed. */
  readonly timeoutMs: number;

  constructor(context: WaitContext<T>, timeoutMs: number) {
    super(`${context.name} was not done after ${formatDuration(timeoutMs)}${lastSeen(context)}`, context.lastObserved, context.polls);
    this.name = "WaitTimeoutError";
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's signal aborted the wait. The job itself keeps running. */
export class WaitAbortedError<T> extends WaitError<T> {
  constructor(context: WaitContext<T>, reason?: unknown) {
    super(`stopped waiting for ${context.name}: aborted${lastSeen(context)}`, context.lastObserved, context.polls, { cause: reason });
    this.name = "WaitAbortedError";
  }
}

/** A poll failed (after the HTTP client's own retries); its error is the `cause`. */
export class PollError<T> extends WaitError<T> {
  constructor(context: WaitContext<T>, cause: unknown) {
    const why = typeof (cause as { message?: unknown } | null)?.message === "string" ? (cause as Error).message : String(cause);
    super(`could not poll ${context.name}: ${why}`, context.lastObserved, context.polls, { cause });
    this.name = "PollError";
  }
}

/** The job finished, and not well: the classifier's reason says how. */
export class WaitFailedError<T> extends WaitError<T> {
  /** Why the job counts as failed, e.g. `INTERNAL (code 13): ...`. */
  readonly reason: string;

  constructor(context: WaitContext<T> & { lastObserved: T }, reason: string) {
    super(`${context.name} failed: ${reason}`, context.lastObserved, context.polls);
    this.name = "WaitFailedError";
    this.reason = reason;
  }
}

function lastSeen(context: WaitContext<unknown>): string {
  if (context.polls === 0 || context.lastObserved === undefined) return " (no answer was received)";
  const progress = context.lastProgress;
  if (progress === undefined || progress.unit !== "step") return "";
  return ` (last seen: step ${progress.completed}/${progress.total})`;
}

function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
