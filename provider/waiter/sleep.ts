import { startLongTimer } from "./longTimer";

/**
 * Waits `ms` milliseconds, or rejects with the signal's reason as soon as it aborts (a retry wait must not
 * outlive the caller's interest). Waits longer than `setTimeout` can hold are chunked (see `longTimer.ts`).
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = startLongTimer(ms, () => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    });
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
