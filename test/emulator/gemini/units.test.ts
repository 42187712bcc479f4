/**
 * Unit tests of the Gemini half's pure pieces: the training formulas and the list filter.
 */
import { ApiError } from "../../../emulator/errors";
import { parseFilter } from "../../../emulator/gemini/filter";
import { epochForStep, meanLossForStep, planTraining } from "../../../emulator/gemini/training";

describe("training formulas", () => {
  test("totalSteps = ceil(N*E/B) fits the three observed runs of 15 examples", () => {
    expect(planTraining(15, { batchSize: 2, epochCount: 5 }, 500).totalSteps).toBe(38);
    expect(planTraining(15, { batchSize: 4, epochCount: 5 }, 500).totalSteps).toBe(19);
    expect(planTraining(15, { batchSize: 4, epochCount: 100 }, 500).totalSteps).toBe(375);
  });

  test("defaults: E=5, B=4 and LR 0.001 below the threshold, B=16 and LR 0.0002 at or above it", () => {
    expect(planTraining(15, {}, 500)).toEqual({
      hyperparameters: { epochCount: 5, batchSize: 4, learningRate: 0.001 },
      totalSteps: 19,
    });
    expect(planTraining(500, {}, 500)).toEqual({
      hyperparameters: { epochCount: 5, batchSize: 16, learningRate: 0.0002 },
      totalSteps: 157,
    });
    expect(planTraining(15, { learningRateMultiplier: 2 }, 500).hyperparameters).toEqual({
      epochCount: 5,
      batchSize: 4,
      learningRateMultiplier: 2,
    });
  });

  test("epoch of a step: the final step of the 19-step run is in epoch 5", () => {
    expect(epochForStep(19, 4, 15)).toBe(5);
    expect(epochForStep(1, 4, 15)).toBe(1);
    expect(epochForStep(4, 4, 15)).toBe(1);
    expect(epochForStep(5, 4, 15)).toBe(2);
  });

  test("mean loss strictly decreases", () => {
    for (let s = 1; s < 50; s++) expect(meanLossForStep(s + 1, 50)).toBeLessThan(meanLossForStep(s, 50));
  });
});

describe("list filter", () => {
  test("text terms, quoted phrases and operators", () => {
    expect(parseFilter('owner:me "number gen" Tuned')).toEqual({ text: ["number gen", "tuned"], operators: ["owner:me"] });
    expect(() => parseFilter("color:blue")).toThrow(ApiError);
  });
});
