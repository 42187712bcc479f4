// Timers beyond setTimeout's 32-bit limit (about 24.8 days) wait as long as asked instead of firing at once.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { longTimeoutSignal, MAX_TIMER_DELAY_MS, startLongTimer } from "../../../provider/waiter";
import { abortableSleep } from "../../../provider/waiter/sleep";

const DAY = 86_400_000;

describe("long timers", () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse("2026-01-01T00:00:00Z") }));
  afterEach(() => jest.useRealTimers());

  test("a 1000-hour timer fires after 1000 hours, not after 1 ms", () => {
    const fire = jest.fn();
    startLongTimer(1000 * 3_600_000, fire);
    jest.advanceTimersByTime(1);
    expect(fire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(MAX_TIMER_DELAY_MS + DAY);
    expect(fire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1000 * 3_600_000 - MAX_TIMER_DELAY_MS - DAY - 2);
    expect(fire).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  test("cancel stops a chunked timer", () => {
    const fire = jest.fn();
    const cancel = startLongTimer(40 * DAY, fire);
    jest.advanceTimersByTime(30 * DAY);
    cancel();
    jest.advanceTimersByTime(20 * DAY);
    expect(fire).not.toHaveBeenCalled();
  });

  test("a 365-day timeout signal aborts then, with a TimeoutError", () => {
    const signal = longTimeoutSignal(365 * DAY);
    jest.advanceTimersByTime(364 * DAY);
    expect(signal.aborted).toBe(false);
    jest.advanceTimersByTime(DAY);
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).name).toBe("TimeoutError");
  });

  test("abortableSleep of 30 days resolves after 30 days and aborts early on the signal", async () => {
    let done = false;
    void abortableSleep(30 * DAY).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(29 * DAY);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(DAY);
    expect(done).toBe(true);

    const controller = new AbortController();
    const sleeping = abortableSleep(30 * DAY, controller.signal);
    await jest.advanceTimersByTimeAsync(26 * DAY);
    controller.abort(new Error("stop"));
    await expect(sleeping).rejects.toThrow("stop");
  });
});

describe("an operation's deadline after the operation", () => {
  test("an unexpired timeout signal does not keep the process alive; a long timer does", () => {
    // The compiled module, as the dynamic-provider host loads it; `npm run build` makes it.
    const waiter = path.resolve(__dirname, "../../../dist/provider/waiter/index.js");
    const run = (script: string) => spawnSync(process.execPath, ["-e", `const w = require(${JSON.stringify(waiter)}); ${script}`], { timeout: 3000 });
    const deadline = run("w.longTimeoutSignal(2 * 3600 * 1000);");
    expect(deadline.error).toBeUndefined();
    expect(deadline.status).toBe(0);
    // The baseline: a timer that keeps the process alive is still running when the 3 s limit kills it.
    const kept = run("w.startLongTimer(2 * 3600 * 1000, () => {});");
    expect(kept.signal).toBe("SIGTERM");
  });
});
