interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

/**
 * Virtual time for waiter tests and benchmarks (a `WaiterClock` of `provider/waiter`, by shape: the tooling
 * build uses the product only through its package): `sleep` registers a timer, and `run` advances the
 * clock to the next timer whenever everything else is idle. A simulated ten-minute job runs in milliseconds, deterministically.
 */
export class SimulatedClock {
  private time: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start = Date.parse("2025-06-01T12:00:00Z")) {
    this.time = start;
  }

  /** The simulated time, epoch ms. */
  now(): number {
    return this.time;
  }

  /** Resolves once the simulated time reached now + `ms`; rejects with the signal's reason on abort. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const timer: Timer = {
        at: this.time + Math.max(0, ms),
        seq: this.seq++,
        fire: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.timers.push(timer);
    });
  }

  /** Runs `work` to completion, moving time forward only when nothing else can happen. */
  async run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) break;
      if (this.timers.length === 0) throw new Error("simulated clock: deadlock, nothing left to wait for");
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.time = Math.max(this.time, next.at);
      next.fire();
    }
    return work;
  }
}
