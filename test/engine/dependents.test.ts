// Resources wired to a model, on the real engine: a model tuned further from it (`sourceModel`, and a
// description made from the first model's creation time and state), a permission on that one, and stack
// outputs of outputs only the service reports (creation time, state, snapshots, an unset sampling
// default). Changing only the first model's display name is an in-place update, and the preview must say
// so for every dependent and show those outputs with their recorded values, as up then does: nothing else
// changes.
import * as pulumi from "@pulumi/pulumi";
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { previewThenUp, type StepTrace } from "../harness";
import { createGeminiStack, mutatingRequests, PERMISSION_TYPE, plannedOps, type GeminiStack } from "./geminiStack";

jest.setTimeout(180_000);

describe("dependents of a model updated in place", () => {
  let env: GeminiStack;
  const program = (displayName: string) => async () => {
    // gemini-1.0-pro-001: the tuning base whose tuned models can be tuned further.
    const base = new gemini.TunedModel("base", {
      baseModel: "models/gemini-1.0-pro-001",
      displayName,
      hyperparameters: { epochCount: 1, batchSize: 5 },
      trainingData: NUMBER_EXAMPLES,
    });
    const refined = new gemini.TunedModel("refined", {
      sourceModel: base.name,
      description: pulumi.interpolate`tuned from a model created ${base.createTime} (${base.state})`,
      hyperparameters: { epochCount: 1, batchSize: 5 },
      trainingData: NUMBER_EXAMPLES,
    });
    new gemini.TunedModelPermission("analyst", { tunedModel: refined.name, granteeType: "USER", emailAddress: "analyst@example.com", role: "READER" });
    return { createTime: base.createTime, state: base.state, snapshots: base.snapshots, temperature: base.temperature, refinedBase: refined.baseModel };
  };
  /** The stack outputs as the preview announced them (an unknown one as the engine's unknown sentinel). */
  const previewedOutputs = (preview: StepTrace): Record<string, unknown> | undefined => {
    const stack = preview.operations.filter((o) => o.phase === "outputs" && o.type === "pulumi:pulumi:Stack").at(-1);
    return stack?.metadata.new?.outputs as Record<string, unknown> | undefined;
  };
  const recordedOutputs = async () => Object.fromEntries(Object.entries(await env.stack.outputs()).map(([key, output]) => [key, output.value]));

  beforeAll(async () => (env = await createGeminiStack(program("base"))));
  afterAll(async () => env?.dispose());

  it("previews the model tuned from it and the permission on that one as unchanged", async () => {
    await previewThenUp(env.stack);
    const before = await recordedOutputs();
    expect(before).toEqual(expect.objectContaining({ state: "ACTIVE", createTime: expect.any(String), temperature: expect.any(Number), refinedBase: "models/gemini-1.0-pro-001" }));
    expect(before.snapshots).toEqual(expect.arrayContaining([expect.objectContaining({ step: expect.any(Number) })]));
    env.stack.setProgram(program("base v2"));
    const { preview, up } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(previewedOutputs(preview)).toEqual(before);
    expect(preview.changes).toEqual({ same: 3, update: 1 });
    expect(plannedOps(preview)).toEqual({ base: ["update"], refined: ["same"] });
    expect(plannedOps(preview, PERMISSION_TYPE)).toEqual({ analyst: ["same"] });
    expect(up.changes).toEqual({ same: 3, update: 1 });
    expect(mutatingRequests(env.emulator).map((r) => r.method)).toEqual(["PATCH"]);
    expect(await recordedOutputs()).toEqual(before);

    // The next in-place change finds the outputs in the recorded inputs: the preview reads nothing.
    env.stack.setProgram(program("base v3"));
    const again = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(previewedOutputs(again.preview)).toEqual(before);
    expect(plannedOps(again.preview)).toEqual({ base: ["update"], refined: ["same"] });
    await env.stack.destroy();
  });
});
