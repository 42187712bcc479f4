import { createPermissionRequest, createTunedModelRequest, updateTunedModelRequest } from "../../../provider/gemini/converters";
import { firstCandidateText, generateContentRequest } from "../../../provider/google/generateContent";
import type { CreateTunedModelBody } from "../../../provider/gemini/wire";

const examples = { examples: { examples: [{ textInput: "1", output: "2" }] } };

describe("converters", () => {
  test("a create request carries only what was set, with the double `examples` nesting", () => {
    const body: CreateTunedModelBody = {
      baseModel: "models/gemini-1.5-flash-001-tuning",
      displayName: undefined,
      readerProjectNumbers: ["123"],
      tuningTask: { hyperparameters: { epochCount: 5, learningRate: undefined, learningRateMultiplier: 2 }, trainingData: examples },
    };
    expect(createTunedModelRequest(body)).toEqual({
      baseModel: "models/gemini-1.5-flash-001-tuning",
      readerProjectNumbers: ["123"],
      tuningTask: { hyperparameters: { epochCount: 5, learningRateMultiplier: 2 }, trainingData: examples },
    });
  });

  test("a create request from a tuned source model", () => {
    const request = createTunedModelRequest({ tunedModelSource: { tunedModel: "tunedModels/a" }, tuningTask: { trainingData: examples } });
    expect(request).toEqual({ tunedModelSource: { tunedModel: "tunedModels/a" }, tuningTask: { trainingData: examples } });
  });

  test("oneofs set twice or not at all are refused before anything is sent", () => {
    expect(() => createTunedModelRequest({ tuningTask: { trainingData: examples } })).toThrow(/exactly one of baseModel and tunedModelSource/);
    expect(() =>
      createTunedModelRequest({ baseModel: "m", tunedModelSource: { tunedModel: "tunedModels/a" }, tuningTask: { trainingData: examples } }),
    ).toThrow(/exactly one/);
    expect(() =>
      createTunedModelRequest({ baseModel: "m", tuningTask: { hyperparameters: { learningRate: 0.1, learningRateMultiplier: 1 }, trainingData: examples } }),
    ).toThrow(/exclude each other/);
  });

  test("an update sends exactly the masked fields; a masked field without value clears it", () => {
    expect(updateTunedModelRequest({ displayName: "a", description: "b", topK: 3 }, ["displayName", "topK"])).toEqual({
      body: { displayName: "a", topK: 3 },
      updateMask: "displayName,topK",
    });
    expect(updateTunedModelRequest({}, ["description"])).toEqual({ body: {}, updateMask: "description" });
    expect(() => updateTunedModelRequest({}, [])).toThrow(/at least one field/);
    expect(() => updateTunedModelRequest({}, ["state"])).toThrow(/cannot update state in place/);
  });

  test("permission and generateContent requests", () => {
    expect(createPermissionRequest({ granteeType: "EVERYONE", role: "READER" })).toEqual({ granteeType: "EVERYONE", role: "READER" });
    expect(generateContentRequest("LXIII")).toEqual({ contents: [{ role: "user", parts: [{ text: "LXIII" }] }] });
  });

  test("the first candidate's text, or why there is none", () => {
    expect(firstCandidateText({ candidates: [{ content: { parts: [{ text: "LX" }, { text: "IV" }] } }] }, "tunedModels/a")).toBe("LXIV");
    expect(() => firstCandidateText({ promptFeedback: { blockReason: "SAFETY" } }, "tunedModels/a")).toThrow(
      "tunedModels/a returned no candidate (prompt blocked: SAFETY)",
    );
  });
});
