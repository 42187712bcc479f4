import { estimateCompletion, type ProgressObservation } from "../../../provider/waiter";

const look = (at: number, completed: number, total = 10, stepTimes?: ProgressObservation["stepTimes"]): ProgressObservation => ({
  sentAt: at,
  receivedAt: at,
  completed,
  total,
  unit: "step",
  stepTimes,
});

describe("estimateCompletion", () => {
  test("nothing to go on: no estimate", () => {
    expect(estimateCompletion([])).toBeUndefined();
  });

  test("before two steps are seen finishing, the end is bounded below only", () => {
    const estimate = estimateCompletion([look(0, 0), look(10_000, 1)])!;
    expect(estimate.finishHi).toBe(Infinity);
    expect(estimate.finishLo).toBeGreaterThan(9_900);
  });

  test("bracketed step transitions bound the end: 10 steps of 10 s", () => {
    // Steps finish at 10 s, 20 s, ...; looks just before and after steps 2 and 5.
    const estimate = estimateCompletion([look(0, 0), look(19_000, 1), look(21_000, 2), look(49_000, 4), look(51_000, 5)], { slackMs: 0 })!;
    expect(estimate.finishLo).toBeLessThanOrEqual(100_000);
    expect(estimate.finishHi).toBeGreaterThanOrEqual(100_000);
    expect(estimate.finishHi - estimate.finishLo).toBeLessThan(10_000);
    expect(estimate.unitWindow(6).lo).toBeLessThanOrEqual(60_000);
    expect(estimate.unitWindow(6).hi).toBeGreaterThanOrEqual(60_000);
  });

  test("server step timestamps pin the pace at once", () => {
    const estimate = estimateCompletion([look(0, 0), look(25_000, 2, 10, [{ step: 1, at: 10_000 }, { step: 2, at: 20_000 }])], { clockSkewMs: 500 })!;
    expect(estimate.finishLo).toBeGreaterThanOrEqual(99_000);
    expect(estimate.finishHi).toBeLessThanOrEqual(101_000);
  });

  test("timestamps that contradict the looks (a badly skewed server clock) are set aside", () => {
    // The server says step 2 finished at 80 s, but at 25 s we already saw it done.
    const estimate = estimateCompletion([look(0, 0), look(25_000, 2, 10, [{ step: 1, at: 70_000 }, { step: 2, at: 80_000 }])], { clockSkewMs: 500 })!;
    expect(estimate.finishLo).toBeLessThan(80_000);
  });

  test("a change of pace drops the older looks that contradict the newer ones", () => {
    // 10 s steps, then 2 s steps from step 5 on.
    const looks = [look(0, 0), look(9_000, 0), look(11_000, 1), look(19_000, 1), look(21_000, 2), look(49_000, 4), look(51_000, 5), look(51_900, 5), look(52_100, 6), look(55_900, 7), look(56_100, 8)];
    const estimate = estimateCompletion(looks, { slackMs: 0 })!;
    expect(estimate.observationsUsed).toBeLessThan(looks.length);
    expect(estimate.finishLo).toBeLessThanOrEqual(60_000);
  });
});
