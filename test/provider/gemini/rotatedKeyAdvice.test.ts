// A key refused during read or delete gets the advice about the configuration refresh and destroy use,
// when the key came from stack config; a key from the environment (read afresh by every command) does not.
import { startEmulator, type EmulatorHandle } from "../../../emulator";
import { tunedModel } from "../../../provider";
import { setStackConfig } from "../../../provider/runtime/stackConfig";
import { modelInputs, rejection } from "./geminiFixture";

describe("a refused API key during refresh and destroy", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => (emulator = await startEmulator({ stepMs: 10, strictAuth: true, apiKeys: ["old-key"] })));
  afterAll(async () => {
    setStackConfig(undefined);
    delete process.env.GEMINI_API_KEY;
    await emulator?.close();
  });

  it("names --run-program when the key came from gemini:apiKey, and not when it came from the environment", async () => {
    setStackConfig({ get: (key) => (key === "gemini:apiKey" ? "old-key" : undefined) });
    const { inputs } = await tunedModel.check({}, modelInputs(emulator.url, { tunedModelId: "rotated-key" }));
    const { id, outs } = await tunedModel.create(inputs);
    emulator.control.setApiKeys(["new-key"]);

    for (const call of [tunedModel.read(id, outs), tunedModel.delete(id, outs)]) {
      const error = await rejection(call);
      expect(error.message).toMatch(/API key not valid.*; if you rotated gemini:apiKey: .*`pulumi refresh --run-program` or `pulumi destroy --run-program`/);
    }

    setStackConfig(undefined);
    process.env.GEMINI_API_KEY = "revoked-env-key";
    const fromEnvironment = await rejection(tunedModel.read(id, outs));
    expect(fromEnvironment.message).toMatch(/API key not valid/);
    expect(fromEnvironment.message).not.toMatch(/run-program/);

    process.env.GEMINI_API_KEY = "new-key";
    await tunedModel.delete(id, outs);
    expect(emulator.control.models()).toEqual([]);
  });
});
