import { grpcCodeName } from "../google/status";
import type { TuningOperation as Operation } from "../gemini/wire";
import { operationProgress } from "../gemini/operationProgress";

/** Base of the waiter's errors: every one carries the last state of the operation that was seen. */
export abstract class WaitError extends Error {
  /** The last answer of a poll, if any came back. */
  readonly lastObserved: Operation | undefined;
  /** Polls made. */
  readonly polls: number;

  protected constructor(message: string, lastObserved: Operation | undefined, polls: number, options?: { cause?: unknown }) {
    super(message, options);
    this.lastObserved = lastObserved;
    this.polls = polls;
  }
}

/** The deadline passed before the operation was done. The operation itself keeps running. */
export class WaitTimeoutError extends WaitError {
  /** The deadline that passed. */
  readonly timeoutMs: number;

  constructor(operation: string, timeoutMs: number, lastObserved: Operation | undefined, polls: number) {
    super(`${operation} was not done after ${formatDuration(timeoutMs)}${lastSeen(lastObserved)}`, lastObserved, polls);
    this.name = "WaitTimeoutError";
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's signal aborted the wait. The operation itself keeps running. */
export class WaitAbortedError extends WaitError {
  constructor(operation: string, lastObserved: Operation | undefined, polls: number, reason?: unknown) {
    super(`stopped waiting for ${operation}: aborted${lastSeen(lastObserved)}`, lastObserved, polls, { cause: reason });
    this.name = "WaitAbortedError";
  }
}

/** A poll failed (after the HTTP client's own retries); its error is the `cause`. */
export class OperationPollError extends WaitError {
  constructor(operation: string, cause: unknown, lastObserved: Operation | undefined, polls: number) {
    const why = typeof (cause as { message?: unknown } | null)?.message === "string" ? (cause as Error).message : String(cause);
    super(`could not poll ${operation}: ${why}`, lastObserved, polls, { cause });
    this.name = "OperationPollError";
  }
}

/** The operation finished with an error (`google.rpc.Status`: gRPC numeric code and message). */
export class OperationFailedError extends WaitError {
  /** gRPC numeric code, e.g. 13. */
  readonly code: number | undefined;
  /** Its canonical name, e.g. `INTERNAL`. */
  readonly codeName: string;
  /** The service's message. */
  readonly operationMessage: string;

  constructor(operation: Operation, polls: number) {
    const code = operation.error?.code;
    const codeName = grpcCodeName(code);
    const message = operation.error?.message || "(no message)";
    super(`${operation.name} failed: ${codeName} (code ${code ?? "?"}): ${message}`, operation, polls);
    this.name = "OperationFailedError";
    this.code = code;
    this.codeName = codeName;
    this.operationMessage = message;
  }
}

/** The operation says it is done but carries neither a response nor an error: a broken answer, not a success. */
export class OperationResultMissingError extends WaitError {
  constructor(operation: Operation, polls: number) {
    super(`${operation.name} is done but has neither a response nor an error`, operation, polls);
    this.name = "OperationResultMissingError";
  }
}

function lastSeen(operation: Operation | undefined): string {
  if (operation === undefined) return " (no answer was received)";
  const p = operationProgress(operation);
  if (p.totalSteps === undefined) return "";
  return ` (last seen: step ${p.completedSteps ?? 0}/${p.totalSteps})`;
}

function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
