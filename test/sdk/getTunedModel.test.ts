import { startEmulator, type EmulatorHandle } from "../../emulator";
import { getTunedModel } from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";

describe("getTunedModel", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => (emulator = await startEmulator({ stepMs: 0 })));
  afterAll(async () => emulator.close());

  it("reads a model the stack does not manage, by full name or id", async () => {
    const created = await fetch(`${emulator.url}/v1beta/tunedModels?tunedModelId=looked-up`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-goog-api-key": "k" },
      body: JSON.stringify({
        displayName: "looked up",
        baseModel: "models/gemini-1.5-flash-001-tuning",
        tuningTask: { trainingData: { examples: { examples: NUMBER_EXAMPLES } } },
      }),
    });
    expect(created.status).toBe(200);
    const byId = await getTunedModel({ name: "looked-up", baseUrl: emulator.url, apiKey: "k" });
    expect(byId).toEqual(
      expect.objectContaining({ name: "tunedModels/looked-up", displayName: "looked up", baseModel: "models/gemini-1.5-flash-001-tuning", state: "ACTIVE" }),
    );
    expect(await getTunedModel({ name: "tunedModels/looked-up", baseUrl: emulator.url, apiKey: "k" })).toEqual(byId);
  });

  it("fails with a clear message for a model that does not exist", async () => {
    await expect(getTunedModel({ name: "no-such-model", baseUrl: emulator.url, apiKey: "k" })).rejects.toThrow(
      "tuned model tunedModels/no-such-model was not found (tunedModels.get answered 404 NOT_FOUND)",
    );
  });
});
