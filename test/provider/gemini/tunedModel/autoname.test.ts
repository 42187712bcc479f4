import { checkTunedModel } from "../../../../provider/gemini/tunedModel/provider";
import { NUMBER_EXAMPLES } from "../../../fixtures/numbers";
import { recordedTunedModelId } from "../../../../provider/gemini/tunedModel/recordedId";

const base = {
  resourceName: "My Model!",
  autonameSeed: "proj/dev/My Model!",
  baseModel: "models/gemini-1.5-flash-001-tuning",
  trainingData: { kind: "inline", examples: NUMBER_EXAMPLES },
};
const idOf = async (inputs: Record<string, unknown>) => recordedTunedModelId((await checkTunedModel(inputs)).inputs);

describe("autonamed ids", () => {
  it("are valid API ids derived from the resource name", async () => {
    const id = await idOf(base);
    expect(id).toMatch(/^my-model-[0-9a-z]{7}$/);
    expect(await idOf({ ...base, resourceName: "9".repeat(60) })).toMatch(/^[a-z]([a-z0-9-]{0,38}[a-z0-9])$/);
  });

  it("stay the same across in-place changes and equal spellings of the spec", async () => {
    const id = await idOf(base);
    expect(await idOf({ ...base, displayName: "renamed", temperature: 0.3 })).toBe(id);
    expect(await idOf({ ...base, hyperparameters: { epochCount: 5 } })).toBe(id);
  });

  it("change when the model must be retrained, and differ between stacks", async () => {
    const id = await idOf(base);
    const others = await Promise.all([
      idOf({ ...base, hyperparameters: { epochCount: 6 } }),
      idOf({ ...base, trainingData: { kind: "inline", examples: NUMBER_EXAMPLES.slice(1) } }),
      idOf({ ...base, baseModel: "models/gemini-1.0-pro-001" }),
      idOf({ ...base, autonameSeed: "proj/prod/My Model!" }),
    ]);
    expect(new Set([id, ...others]).size).toBe(5);
  });
});
