import { diffTunedModel } from "../../../../provider/gemini/tunedModel/diff";
import type { CheckedTunedModelInputs } from "../../../../provider/gemini/tunedModel/inputs";

const news: CheckedTunedModelInputs = {
  resourceName: "m",
  autonameSeed: "p/s/m",
  tunedModelId: "m-abc1234",
  autonamed: true,
  baseModel: "models/gemini-1.5-flash-001-tuning",
  displayName: "numbers",
  temperature: 0.7,
  hyperparameters: { epochCount: 5, batchSize: 2 },
  trainingData: { kind: "inline", examples: [{ textInput: "1", output: "2" }], fingerprint: "sha256:aa", exampleCount: 1 },
};
// Old outputs: inputs plus what the service reported (float32-rounded temperature, default topK).
const olds: Record<string, unknown> = {
  ...news,
  name: "tunedModels/m-abc1234",
  state: "ACTIVE",
  temperature: 0.699999988079071,
  topK: 40,
  datasetFingerprint: "sha256:aa",
};

describe("diffTunedModel", () => {
  it("reports no change for equal values written differently", () => {
    const same = { ...news, hyperparameters: { batchSize: 2 }, description: "" };
    expect(diffTunedModel({ ...olds, hyperparameters: { batchSize: 2.0, epochCount: 5 } }, same)).toEqual({
      changes: false, replaces: [], updates: [], deleteBeforeReplace: false,
    });
  });

  it("updates mutable fields in place, naming exactly the changed ones", () => {
    const result = diffTunedModel(olds, { ...news, displayName: "renamed", temperature: 0.2, readerProjectNumbers: ["1"] });
    expect(result).toEqual({ changes: true, replaces: [], updates: ["displayName", "temperature", "readerProjectNumbers"], deleteBeforeReplace: false });
  });

  it("does not manage a field the program leaves unset", () => {
    expect(diffTunedModel({ ...olds, topP: 0.95, description: "edited elsewhere" }, news).changes).toBe(false);
  });

  it("sees drift in a managed field", () => {
    expect(diffTunedModel({ ...olds, displayName: "edited elsewhere" }, news).updates).toEqual(["displayName"]);
  });

  it.each([
    [{ hyperparameters: { epochCount: 6, batchSize: 2 } }, ["hyperparameters.epochCount"]],
    [{ hyperparameters: { epochCount: 5 } }, ["hyperparameters.batchSize"]],
    [{ baseModel: "models/gemini-1.0-pro-001" }, ["baseModel"]],
    [{ trainingData: { ...news.trainingData, fingerprint: "sha256:bb" } }, ["trainingData"]],
  ])("replaces on %j, naming %j, creating the replacement first", (change, replaces) => {
    const result = diffTunedModel(olds, { ...news, ...change, tunedModelId: "m-new9999" } as CheckedTunedModelInputs);
    expect(result).toEqual({ changes: true, replaces, updates: [], deleteBeforeReplace: false });
  });

  it("deletes before replacing when the user chose the id", () => {
    const fixed = { ...news, tunedModelId: "m-abc1234", autonamed: false, hyperparameters: { epochCount: 9 } };
    expect(diffTunedModel(olds, fixed)).toEqual(expect.objectContaining({ replaces: ["hyperparameters.epochCount", "hyperparameters.batchSize"], deleteBeforeReplace: true }));
  });

  it("replaces when the user changes the id itself, without deleting first", () => {
    const renamed = { ...news, tunedModelId: "other-id", autonamed: false };
    expect(diffTunedModel(olds, renamed)).toEqual(expect.objectContaining({ replaces: ["tunedModelId"], deleteBeforeReplace: false }));
  });

  it("asks for an update to resume a model left training by an interrupted create", () => {
    expect(diffTunedModel({ ...olds, state: "CREATING" }, news)).toEqual(expect.objectContaining({ changes: true, replaces: [] }));
  });
});

describe("diffTunedModel and the evaluation gate", () => {
  const evaluation = {
    dataset: { kind: "inline" as const, examples: [{ textInput: "1", output: "2" }], fingerprint: "sha256:ev", exampleCount: 1 },
    thresholds: { exactMatch: 0.9 },
  };
  const recorded = { ...olds, evaluation: { datasetFingerprint: "sha256:ev", exampleCount: 1, thresholds: { exactMatch: 0.9 }, scores: { exactMatch: 1 }, passed: true } };

  it("the same gate is no change; a changed threshold or dataset is an in-place change, never a retrain", () => {
    expect(diffTunedModel(recorded, { ...news, evaluation }).changes).toBe(false);
    expect(diffTunedModel(recorded, { ...news, evaluation: { ...evaluation, thresholds: { exactMatch: 0.8 } } })).toEqual({
      changes: true, replaces: [], updates: [], deleteBeforeReplace: false,
    });
    const otherData = { ...evaluation, dataset: { ...evaluation.dataset, fingerprint: "sha256:other" } };
    expect(diffTunedModel(recorded, { ...news, evaluation: otherData })).toMatchObject({ changes: true, replaces: [] });
  });

  it("adding a gate to a model without one, or removing it, is a change; neither is for a stack that never had one", () => {
    expect(diffTunedModel(olds, { ...news, evaluation }).changes).toBe(true);
    expect(diffTunedModel(recorded, news).changes).toBe(true);
    expect(diffTunedModel(olds, news).changes).toBe(false);
  });
});
