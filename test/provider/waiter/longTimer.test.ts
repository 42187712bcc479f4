// Timers beyond setTimeout's 32-bit limit (about 24.8 days) wait as long as asked instead of firing at once.
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
