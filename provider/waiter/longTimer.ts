/**
 * The largest delay `setTimeout` honours: Node stores it as a signed 32-bit number of milliseconds
 * (about 24.8 days) and fires a longer one after 1 ms instead.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * Calls `fire` after `ms` milliseconds, however long that is: a delay beyond {@link MAX_TIMER_DELAY_MS}
 * is waited in chunks, so a deadline of weeks does not fire at once. Returns a function that cancels it.
 * The timer keeps the process alive like `setTimeout` does, unless `keepAlive` is false.
 */
export function startLongTimer(ms: number, fire: () => void, { keepAlive = true }: { keepAlive?: boolean } = {}): () => void {
  const endsAt = Date.now() + Math.max(0, ms);
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = endsAt - Date.now();
    timer = setTimeout(left > MAX_TIMER_DELAY_MS ? arm : fire, Math.min(Math.max(0, left), MAX_TIMER_DELAY_MS));
    if (!keepAlive) timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}

/**
 * A signal that aborts with a `TimeoutError` after `ms` milliseconds, like `AbortSignal.timeout` but
 * correct beyond {@link MAX_TIMER_DELAY_MS}. Like `AbortSignal.timeout`, its timer does not keep the
 * process alive: the operation it bounds does that (its sockets and poll waits), and the deadline of an
 * operation that has ended, which nobody cancels, must not hold the process open for hours after it.
 */
export function longTimeoutSignal(ms: number): AbortSignal {
  const controller = new AbortController();
  startLongTimer(ms, () => controller.abort(new DOMException(`the operation timed out after ${ms} ms`, "TimeoutError")), { keepAlive: false });
  return controller.signal;
}
