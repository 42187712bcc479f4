// Step 11 of the lifecycle: an `up` interrupted while a job trains (Ctrl-C in a terminal: SIGINT to the
// CLI and to the provider process in its process group). The provider stops waiting at once and reports
// the model as still training (partial state). Whether the cancelling engine records that step is a race
// inside the engine, so both outcomes are checked: recorded, the next `up` updates the model and resumes
// waiting on its operation; not recorded, the next `up` plans a create, derives the same id, finds the job
// already training and waits for it. Either way the emulator sees one job, not two.
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { previewThenUp } from "../harness";
import { createGeminiStack, plannedOps, TUNED_MODEL_TYPE, type GeminiStack } from "./geminiStack";
import { upInterruptedAt } from "./interruptUp";

jest.setTimeout(180_000);

describe("an interrupted up", () => {
  let env: GeminiStack;
  // No stack outputs: outputs that depend on an interrupted step make the program's last call reject
  // after the engine has gone, outside any test.
  const program = async () => {
    new gemini.TunedModel("patient", {
      baseModel: "models/gemini-1.5-flash-001-tuning",
      hyperparameters: { epochCount: 4, batchSize: 5 }, // 12 steps
      trainingData: NUMBER_EXAMPLES,
    });
    return {};
  };

  beforeAll(async () => (env = await createGeminiStack(program, { emulator: { stepMs: 1000 } })));
  afterAll(async () => env?.dispose());

  it("records the training model and the next up resumes the same job", async () => {
    const { interrupted, output: first } = await upInterruptedAt(env.stack, /tuning job submitted/);
    expect(interrupted).toBe(true);
    expect(first).toMatch(/\^C received; cancelling/);
    expect(first).toMatch(/the deploy was interrupted while tunedModels\/patient-[a-z0-9]{7} was training/);
    const [training] = env.emulator.control.models();
    expect(training?.model.state).toBe("CREATING");
    const recorded = (await env.stack.stateResources()).filter((r) => r.type === TUNED_MODEL_TYPE);
    const expected = recorded.length === 1
      ? { op: "update", line: /resuming the wait for its tuning job \((CREATING|ACTIVE)\)/ }
      : { op: "create", line: /found the job an earlier attempt started \((CREATING|ACTIVE)\); waiting for it/ };
    if (recorded.length === 1) {
      expect(recorded[0]?.outputs).toEqual(expect.objectContaining({ state: "CREATING", operationName: expect.stringMatching(/\/operations\//) }));
    } else {
      expect(recorded).toEqual([]);
    }

    env.emulator.control.setStepMs(10);
    const { preview, up: resumed } = await previewThenUp(env.stack);
    expect(plannedOps(preview).patient).toEqual([expected.op]);
    expect(plannedOps(resumed).patient).toEqual([expected.op]);
    expect(resumed.outputLines.join("\n")).toMatch(expected.line);
    const [model] = (await env.stack.stateResources()).filter((r) => r.type === TUNED_MODEL_TYPE);
    expect(model?.outputs).toEqual(expect.objectContaining({ state: "ACTIVE", name: training?.model.name }));
    expect(env.emulator.control.jobsCreated()).toBe(1);
    await env.stack.destroy();
  });
});
