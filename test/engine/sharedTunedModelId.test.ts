// Two stacks of different projects declare a TunedModel with the same user-chosen tunedModelId and the
// same spec. The second `up` must not take the first stack's model over: it fails, naming the model and
// adoptExisting; its destroy leaves the first stack's model alone; with adoptExisting it adopts it, and
// only then does its destroy delete it.
import { randomBytes } from "node:crypto";
import * as gemini from "../../sdk";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { createTestStack, StackStepError, type TestStack } from "../harness";
import { mutatingRequests, TUNED_MODEL_TYPE } from "./geminiStack";

jest.setTimeout(240_000);

describe("two stacks with one user-chosen tunedModelId", () => {
  const apiKey = `test-${randomBytes(16).toString("hex")}`;
  let emulator: EmulatorHandle;
  const stacks: TestStack[] = [];
  const program = (options: { adoptExisting?: boolean } = {}) => async () => {
    new gemini.TunedModel("shared", {
      tunedModelId: "shared-model",
      baseModel: "models/gemini-1.5-flash-001-tuning",
      hyperparameters: { epochCount: 1, batchSize: 5 },
      ...(options.adoptExisting ? { adoptExisting: true } : { trainingData: NUMBER_EXAMPLES }),
    });
    return {};
  };
  const stackOf = async (projectName: string) => {
    const stack = await createTestStack({ program: program(), projectName, config: { "gemini:baseUrl": emulator.url }, secrets: { "gemini:apiKey": apiKey } });
    stacks.push(stack);
    return stack;
  };
  const recordedModels = async (stack: TestStack) => (await stack.stateResources()).filter((r) => r.type === TUNED_MODEL_TYPE);

  beforeAll(async () => {
    emulator = await startEmulator({ stepMs: 10, strictAuth: true, apiKeys: [apiKey] });
  });
  afterAll(async () => {
    for (const stack of stacks) await stack.dispose();
    await emulator?.close();
  });

  it("the second stack fails without touching the first stack's model, and adopts it only when told to", async () => {
    const first = await stackOf("team-a");
    await first.up();
    const [model] = emulator.control.models();
    expect(model.model).toEqual(expect.objectContaining({ name: "tunedModels/shared-model", state: "ACTIVE" }));
    // The marker the create wrote is gone once the model is ACTIVE.
    expect(model.model.description).toBeUndefined();

    const second = await stackOf("team-b");
    emulator.control.clearRequests();
    const failure = await second.up().then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(StackStepError);
    const shown = [...(failure as StackStepError).trace.outputLines, ...(failure as StackStepError).trace.errorLines].join("\n");
    expect(shown).toMatch(/tunedModels\/shared-model already exists \(ACTIVE\) and this stack did not create it/);
    expect(shown).toMatch(/adoptExisting: true/);
    expect(await recordedModels(second)).toEqual([]);
    // It tried to create (the 409) and read the model; it deleted and patched nothing.
    expect(mutatingRequests(emulator).map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1beta/tunedModels"]);

    await second.destroy();
    expect(emulator.control.models().map((m) => m.model.state)).toEqual(["ACTIVE"]);
    expect(emulator.control.jobsCreated()).toBe(1);

    // Explicit adoption: the second stack now manages the model, and its destroy deletes it.
    second.setProgram(program({ adoptExisting: true }));
    await second.up();
    const [adopted] = await recordedModels(second);
    expect(adopted.outputs).toEqual(expect.objectContaining({ name: "tunedModels/shared-model", state: "ACTIVE" }));
    expect(emulator.control.jobsCreated()).toBe(1);
    await second.destroy();
    expect(emulator.control.models()).toEqual([]);

    // The first stack sees its model gone at refresh, as with any model deleted outside it.
    await first.refresh();
    expect(await recordedModels(first)).toEqual([]);
  });
});
