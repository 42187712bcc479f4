// A TunedModel create against an emulator serving today's Gemini API (no base model lists createTunedModel):
// the error keeps Google's message and says to use VertexTunedModel, with the README section; nothing is left.
import { tunedModel } from "../../../../provider";
import { modelInputs, rejection, useEmulator } from "../geminiFixture";

jest.setTimeout(60_000);

describe("TunedModel create when the Gemini API tunes nothing", () => {
  const emulator = useEmulator({ baseModelsMode: "none" });

  test.each([
    ["a retired tuning base (404)", "models/gemini-1.5-flash-001-tuning", /NOT_FOUND: Base model models\/gemini-1\.5-flash-001-tuning is not found/],
    ["a current model that is not tunable (400)", "models/gemini-2.5-flash", /INVALID_ARGUMENT: Base model models\/gemini-2\.5-flash does not support tuning/],
  ])("%s names Google's reason and VertexTunedModel", async (_what, baseModel, google) => {
    const checked = await tunedModel.check({}, modelInputs(emulator().url, { baseModel }));
    expect(checked.failures).toEqual([]);
    const error = await rejection(tunedModel.create(checked.inputs));
    expect(error.message).toMatch(google);
    expect(error.message).toMatch(/no longer offers a base model to tune .*VertexTunedModel instead, see the README's `VertexTunedModel` section \(README\.md#vertextunedmodel\)/);
    expect(emulator().control.models()).toEqual([]);
  });
});
