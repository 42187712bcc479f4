import { checkTunedModel } from "../../../../provider/gemini/tunedModel/provider";
import { packExamples } from "../../../../provider/dataset";
import { UNKNOWN } from "../../../../provider/runtime/unknowns";
import { NUMBER_EXAMPLES } from "../../../fixtures/numbers";
import { recordedTunedModelId } from "../../../../provider/gemini/tunedModel/recordedId";

const valid = {
  resourceName: "number-generator",
  autonameSeed: "demo/dev/number-generator",
  baseModel: "models/gemini-1.5-flash-001-tuning",
  hyperparameters: { epochCount: 5, batchSize: 2, learningRate: 0.001 },
  trainingData: { kind: "inline", examples: NUMBER_EXAMPLES },
  __provider: "exports.handler = ...",
};

async function failures(overrides: Record<string, unknown>) {
  return (await checkTunedModel({ ...valid, ...overrides })).failures;
}

describe("checkTunedModel", () => {
  it("accepts valid inputs, names the model and fingerprints inline data", async () => {
    const { inputs, failures: found } = await checkTunedModel(valid);
    expect(found).toEqual([]);
    expect(recordedTunedModelId(inputs)).toMatch(/^number-generator-[0-9a-z]{7}$/);
    expect(inputs.autonamed).toBe(true);
    expect(inputs.trainingData).toEqual(expect.objectContaining({ exampleCount: 15, fingerprint: expect.stringMatching(/^sha256:/) }));
    expect(inputs).not.toHaveProperty("__provider");
  });

  it("normalizes model names given without their prefix", async () => {
    const { inputs } = await checkTunedModel({ ...valid, baseModel: "gemini-1.5-flash-001-tuning" });
    expect(inputs.baseModel).toBe("models/gemini-1.5-flash-001-tuning");
  });

  it.each([
    [{ tunedModelId: "Bad_Id" }, "tunedModelId", /lowercase letters/],
    [{ tunedModelId: "a".repeat(41) }, "tunedModelId", /1-40 characters/],
    [{ displayName: "x".repeat(41) }, "displayName", /at most 40 characters/],
    [{ temperature: 1.5 }, "temperature", /between 0 and 1/],
    [{ topP: -0.1 }, "topP", /between 0 and 1/],
    [{ topK: 0 }, "topK", /greater than 0/],
    [{ hyperparameters: { epochCount: 0 } }, "hyperparameters.epochCount", /greater than 0/],
    [{ hyperparameters: { batchSize: 2.5 } }, "hyperparameters.batchSize", /whole number/],
    [{ hyperparameters: { learningRate: 0.001, learningRateMultiplier: 1 } }, "hyperparameters", /not both/],
    [{ baseModel: undefined }, "baseModel", /exactly one of baseModel and sourceModel/],
    [{ sourceModel: "tunedModels/x1" }, "baseModel", /exactly one/],
    [{ trainingData: { kind: "inline", examples: [] } }, "trainingData.examples", /no examples/],
    [{ trainingData: { kind: "inline", examples: [{ textInput: "a", output: "b".repeat(5001) }] } }, "trainingData.examples[0]", /limit is 5000/],
    [{ trainingData: undefined }, "trainingData", /required/],
    [{ trainingData: { kind: "file", path: "/d/x.jsonl", format: "jsonl", mapping: { input: "a", output: "b" }, problem: { file: "/d/x.jsonl", line: 7, message: "not valid JSON" } } }, "trainingData", /^\/d\/x\.jsonl:7: not valid JSON$/],
    [{ readerProjectNumbers: ["12a"] }, "readerProjectNumbers[0]", /project number/],
    [{ baseUrl: "ftp://x" }, "baseUrl", /http\(s\) URL/],
    [{ timeouts: { create: "soon" } }, "timeouts.create", /duration/],
    [{ adoptExisting: true }, "tunedModelId", /adoptExisting needs/],
  ])("reports %j at %s", async (overrides, property, reason) => {
    const found = await failures(overrides);
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ property, reason: expect.stringMatching(reason) })]));
  });

  it("does not fail on values still unknown at preview time", async () => {
    expect(await failures({ displayName: UNKNOWN, temperature: UNKNOWN })).toEqual([]);
    expect(await failures({ temperature: UNKNOWN, topP: 7 })).toEqual([{ property: "topP", reason: "must be between 0 and 1" }]);
  });

  it("accepts examples packed by the SDK: same fingerprint, count and id as the array, and hands them back packed", async () => {
    const fromArray = await checkTunedModel(valid);
    const fromPacked = await checkTunedModel({ ...valid, trainingData: { kind: "inline", examples: packExamples(NUMBER_EXAMPLES) } });
    expect(fromPacked.failures).toEqual([]);
    expect(recordedTunedModelId(fromPacked.inputs)).toBe(recordedTunedModelId(fromArray.inputs));
    const { examples, ...readable } = fromPacked.inputs.trainingData as Record<string, unknown>;
    expect(examples).toBe(packExamples(NUMBER_EXAMPLES));
    expect(readable).toEqual({ kind: "inline", fingerprint: (fromArray.inputs.trainingData as { fingerprint: string }).fingerprint, exampleCount: 15 });
    // 0.1.0's shape is handed back as it came.
    expect((fromArray.inputs.trainingData as { examples: unknown }).examples).toEqual(NUMBER_EXAMPLES);
  });

  it.each([
    ["an output over the limit", packExamples([{ textInput: "a", output: "b" }, { textInput: "a", output: "b".repeat(5001) }]), "trainingData.examples[1]", /limit is 5000/],
    ["no examples", packExamples([]), "trainingData.examples", /no examples/],
    ["a string that is not packed examples", "not packed examples", "trainingData.examples", /list of examples/],
  ])("reports packed examples with %s at %s", async (_what, examples, property, reason) => {
    const found = await failures({ trainingData: { kind: "inline", examples } });
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ property, reason: expect.stringMatching(reason) })]));
  });

  it("records an autonamed id under an internal key, so the preview's summary never lists it as a reason", async () => {
    const { inputs } = await checkTunedModel(valid);
    expect(inputs).not.toHaveProperty("tunedModelId");
    expect(inputs.__tunedModelId).toMatch(/^number-generator-[0-9a-z]{7}$/);
  });

  it("keeps an autonamed id where an earlier version recorded it until a replacement changes it", async () => {
    const id = recordedTunedModelId((await checkTunedModel(valid)).inputs);
    const recordedEarlier = { ...valid, tunedModelId: id, autonamed: true };
    const renamed = await checkTunedModel({ ...valid, displayName: "renamed" }, recordedEarlier);
    expect(renamed.inputs).toEqual(expect.objectContaining({ tunedModelId: id, autonamed: true }));
    expect(renamed.inputs).not.toHaveProperty("__tunedModelId");
    const retrained = await checkTunedModel({ ...valid, hyperparameters: { epochCount: 6 } }, recordedEarlier);
    expect(retrained.inputs).not.toHaveProperty("tunedModelId");
    expect(retrained.inputs.__tunedModelId).toMatch(/^number-generator-[0-9a-z]{7}$/);
    expect(retrained.inputs.__tunedModelId).not.toBe(id);
  });

  it("keeps a user-chosen id and says so", async () => {
    const { inputs } = await checkTunedModel({ ...valid, tunedModelId: "my-model" });
    expect(inputs).toEqual(expect.objectContaining({ tunedModelId: "my-model", autonamed: false }));
    expect(inputs).not.toHaveProperty("__tunedModelId");
  });
});
