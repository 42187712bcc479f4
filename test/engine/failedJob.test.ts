// Step 10 of the lifecycle: a training job that fails makes `up` fail with the service's message; the
// stack records nothing half-made; once the fault is gone, `up` succeeds.
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { previewThenFailingUp, previewThenUp } from "../harness";
import { createGeminiStack, TUNED_MODEL_TYPE, type GeminiStack } from "./geminiStack";

jest.setTimeout(120_000);

describe("a tuning job that fails", () => {
  let env: GeminiStack;
  // The program exports nothing: outputs that depend on a failing step make the program's last call
  // reject after the engine has gone, outside any test.
  const program = async () => {
    new gemini.TunedModel("flaky", {
      tunedModelId: "flaky-model",
      baseModel: "models/gemini-1.5-flash-001-tuning",
      hyperparameters: { epochCount: 2, batchSize: 5 },
      trainingData: NUMBER_EXAMPLES,
    });
    return {};
  };

  beforeAll(async () => (env = await createGeminiStack(program)));
  afterAll(async () => env?.dispose());

  it("fails up with the service's message, records nothing, and succeeds once the fault is gone", async () => {
    env.emulator.control.failJob({ tunedModelId: "flaky-model", atStep: 3, code: 13, message: "trainer ran out of memory" });
    const { failure } = await previewThenFailingUp(env.stack);
    const shown = failure.trace.outputLines.join("\n") + failure.trace.errorLines.join("\n");
    expect(shown).toMatch(/tuning job tunedModels\/flaky-model\/operations\/\S+ failed: .*trainer ran out of memory/);
    expect((await env.stack.stateResources()).filter((r) => r.type === TUNED_MODEL_TYPE)).toEqual([]);
    expect(env.emulator.control.models()).toEqual([]);

    env.emulator.control.clearJobFailures();
    await previewThenUp(env.stack);
    const [model] = (await env.stack.stateResources()).filter((r) => r.type === TUNED_MODEL_TYPE);
    expect(model?.outputs?.state).toBe("ACTIVE");
    expect(env.emulator.control.jobsCreated()).toBe(2);
    await env.stack.destroy();
  });
});
