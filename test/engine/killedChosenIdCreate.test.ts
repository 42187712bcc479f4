// A create with a user-chosen tunedModelId whose provider process is killed (SIGKILL) while the job
// trains: the engine records nothing, and the next `up` plans a create again. Its 409 is resumed because
// the model carries this resource's creation marker (written by the create request itself), so it waits
// for the job instead of refusing the model or training twice; the marker is gone once the model is ACTIVE.
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { expectStepFailure, providerProcesses } from "../reliability/support/stacks";
import { createGeminiStack, plannedOps, TUNED_MODEL_TYPE, type GeminiStack } from "./geminiStack";

jest.setTimeout(180_000);

describe("a killed create with a user-chosen id", () => {
  let env: GeminiStack;
  // No stack outputs: outputs that depend on a failed step make the program's last call reject after the
  // engine has gone, outside any test.
  const program = async () => {
    new gemini.TunedModel("chosen", {
      tunedModelId: "chosen-and-killed",
      baseModel: "models/gemini-1.5-flash-001-tuning",
      description: "kept as declared",
      hyperparameters: { epochCount: 4, batchSize: 5 }, // 12 steps
      trainingData: NUMBER_EXAMPLES,
    });
    return {};
  };

  beforeAll(async () => (env = await createGeminiStack(program, { emulator: { stepMs: 1000 } })));
  afterAll(async () => env?.dispose());

  it("is resumed by the next up through its creation marker, with one job", async () => {
    let killed = 0;
    await expectStepFailure(
      env.stack.up({
        onLine: (line) => {
          if (killed > 0 || !/tuning job submitted/.test(line)) return;
          for (const pid of providerProcesses(env.stack.workDir)) {
            process.kill(pid, "SIGKILL");
            killed++;
          }
        },
      }),
    );
    expect(killed).toBeGreaterThan(0);
    expect((await env.stack.stateResources()).filter((r) => r.type === TUNED_MODEL_TYPE)).toEqual([]);
    const [training] = env.emulator.control.models();
    expect(training.model).toEqual(expect.objectContaining({ name: "tunedModels/chosen-and-killed", state: "CREATING" }));
    expect(training.model.description).toMatch(/^kept as declared\n\n\[pulumi-gemini-tuning create [0-9a-f]{32}\]$/);

    env.emulator.control.setStepMs(10);
    const resumed = await env.stack.up();
    expect(plannedOps(resumed).chosen).toEqual(["create"]);
    expect(resumed.outputLines.join("\n")).toMatch(/found the job an earlier attempt started \((CREATING|ACTIVE)\); waiting for it/);
    const [model] = (await env.stack.stateResources()).filter((r) => r.type === TUNED_MODEL_TYPE);
    expect(model?.outputs).toEqual(expect.objectContaining({ state: "ACTIVE", name: "tunedModels/chosen-and-killed", description: "kept as declared" }));
    expect(env.emulator.control.jobsCreated()).toBe(1);
    expect(env.emulator.control.models()[0].model.description).toBe("kept as declared");
    expect((await env.stack.preview()).changes).toEqual({ same: 2 });
    await env.stack.destroy();
  });
});
