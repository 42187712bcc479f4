import { formatProgressLine, progressReporter, type OperationProgress } from "../../../provider/gemini/operationPoller";

const running: OperationProgress = {
  operation: "tunedModels/x/operations/o",
  done: false,
  totalSteps: 38,
  completedSteps: 16,
  completedPercent: 42.105263,
  latestSnapshot: { step: 16, epoch: 3, meanLoss: 1.23454321 },
};

describe("progress lines", () => {
  test("say percent, step, epoch and mean loss", () => {
    expect(formatProgressLine("tunedModels/x", running)).toBe("tunedModels/x: 42% (step 16/38, epoch 3, mean loss 1.2345)");
    expect(formatProgressLine("tunedModels/x", { operation: "o", done: false, totalSteps: 38, completedSteps: 0, completedPercent: 0 })).toBe(
      "tunedModels/x: 0% (step 0/38)",
    );
    expect(formatProgressLine("tunedModels/x", { operation: "o", done: false })).toBe("tunedModels/x: training (no progress reported yet)");
    expect(formatProgressLine("tunedModels/x", { ...running, done: true, completedSteps: 38, completedPercent: 100 })).toBe(
      "tunedModels/x: 100% (step 38/38, epoch 3, mean loss 1.2345), done",
    );
    expect(formatProgressLine("tunedModels/x", { operation: "o", done: true, error: { code: 13, message: "boom" } })).toBe(
      "tunedModels/x: failed, INTERNAL: boom",
    );
  });

  test("come at most every 10 s, the first at once and the final one always", () => {
    let now = 0;
    const lines: string[] = [];
    const report = progressReporter("tunedModels/x", (line) => lines.push(line), { now: () => now });
    for (now = 0; now <= 25_000; now += 1_000) report(running);
    expect(lines).toHaveLength(3);
    now = 25_500;
    report({ ...running, done: true });
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/, done$/);
  });
});
