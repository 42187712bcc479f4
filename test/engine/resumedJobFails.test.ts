// A TunedModel whose create timed out is resumed by the next `up`; when its job then fails, the
// failure is recorded in state and the next preview proposes a replacement, on the real engine. The
// same policy holds for VertexTunedModel (both backends share provider/lifecycle/settle.ts). Before
// 0.2 the Gemini update deleted the model and threw, and every later `up` said "no longer exists".
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { previewThenFailingUp, previewThenUp, StackStepError } from "../harness";
import { createGeminiStack, plannedOps, TUNED_MODEL_TYPE, type GeminiStack } from "./geminiStack";

jest.setTimeout(180_000);

describe("a resumed Gemini tuning job that fails", () => {
  let env: GeminiStack;
  // No stack outputs: outputs depending on a failed step make the program's last call reject after the engine is gone.
  const program = async () => {
    new gemini.TunedModel("resumable", {
      baseModel: "models/gemini-1.5-flash-001-tuning",
      hyperparameters: { epochCount: 2, batchSize: 5 },
      trainingData: NUMBER_EXAMPLES,
      timeouts: { create: "2s" },
    });
    return {};
  };

  beforeAll(async () => (env = await createGeminiStack(program)));
  afterAll(async () => env?.dispose());

  const shownBy = async (step: Promise<unknown>) => {
    const failure = await step.then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(StackStepError);
    const trace = (failure as StackStepError).trace;
    return [...trace.outputLines, ...trace.errorLines, ...trace.diagnostics.map((d) => d.message)].join("\n");
  };
  const recorded = async () => (await env.stack.stateResources()).filter((r) => r.type === TUNED_MODEL_TYPE);

  it("is recorded as failed, the next preview replaces it, and the replacement trains", async () => {
    // 1. The create times out while the job trains: the model is recorded, still CREATING.
    env.emulator.control.pauseTraining();
    expect(await shownBy(previewThenFailingUp(env.stack).then(({ failure }) => Promise.reject(failure)))).toMatch(/was still training after the create timeout \(2s\); the job keeps training/);
    const [training] = await recorded();
    expect(training?.outputs?.state).toBe("CREATING");
    const id = String(training?.outputs?.name);

    // 2. The next up resumes the same job, which fails meanwhile: the failure is recorded, nothing deleted.
    env.emulator.control.failJob({ tunedModelId: id, atStep: 1, code: 13, message: "trainer ran out of memory" });
    env.emulator.control.resumeTraining();
    const resumed = await previewThenFailingUp(env.stack);
    expect(plannedOps(resumed.preview).resumable).toEqual(["update"]);
    const second = await shownBy(Promise.reject(resumed.failure));
    expect(second).toMatch(/resuming the wait for its tuning job/);
    expect(second).toMatch(/tuning job tunedModels\/\S+\/operations\/\S+ failed: INTERNAL \(code 13\): trainer ran out of memory; the failure is recorded/);
    expect(second).not.toMatch(/no longer exists/);
    const [failed] = await recorded();
    expect(failed?.outputs?.state).toBe("FAILED");
    expect(failed?.outputs?.name).toBe(id);
    expect(env.emulator.control.models().map((m) => [m.model.name, m.model.state])).toEqual([[id, "FAILED"]]);
    expect(env.emulator.control.jobsCreated()).toBe(1);

    // 3. The next preview proposes a replacement, because of the failed state, deleting the old model first.
    // 4. Once the cause is gone, up trains the replacement under the same autonamed id.
    const { preview, up: third } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearJobFailures() });
    expect(plannedOps(preview).resumable).toEqual(expect.arrayContaining(["replace"]));
    expect(plannedOps(third, TUNED_MODEL_TYPE).resumable).toEqual(expect.arrayContaining(["replace"]));
    const [active] = await recorded();
    expect(active?.outputs).toEqual(expect.objectContaining({ name: id, state: "ACTIVE" }));
    expect(env.emulator.control.jobsCreated()).toBe(2);
    // The old model went first: the replacement, which has its id, is still there afterwards.
    expect(env.emulator.control.models().map((m) => [m.model.name, m.model.state])).toEqual([[id, "ACTIVE"]]);
    expect((await env.stack.preview()).changes).toEqual({ same: 2 });

    await env.stack.destroy();
    expect(env.emulator.control.models()).toEqual([]);
  });
});
