import { abortableSleep } from "./sleep";

/**
 * Time as the waiter sees it. Injectable so tests can simulate a ten-minute job in milliseconds.
 * `now()` must be epoch milliseconds: the waiter compares it with the server's step timestamps.
 */
export interface WaiterClock {
  /** Current time, epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: WaiterClock = Object.freeze({
  now: () => Date.now(),
  sleep: abortableSleep,
});
