// What depends on the names Vertex AI picked for a VertexTunedModel, on the real engine: a model continued
// from it (`sourceModel: base.model`) and a stack output of its endpoint. Changing only the base's display
// name is an in-place update: the preview must show the continuation unchanged and the endpoint as it is, as
// up then does. New training data replaces the base, and the preview must show the continuation replaced
// too (its source is a new model). Every step is a preview followed by the up it announced.
import * as gemini from "../../sdk";
import { UNKNOWN } from "../../provider/runtime/unknowns";
import { previewThenUp, type StepTrace } from "../harness";
import { mutatingRequests, plannedOps } from "./geminiStack";
import { COLOURS as ALL_COLOURS } from "../fixtures/colours";
import { createVertexStack, VERTEX_MODEL_TYPE, type VertexStack } from "./vertexStack";

jest.setTimeout(180_000);

const COLOURS = ALL_COLOURS.slice(0, 4);

describe("dependents of a VertexTunedModel updated in place", () => {
  let env: VertexStack;
  let dataset: { uri: string; fingerprint: string };
  let continuedDataset: { uri: string; fingerprint: string };
  let displayName = "colours";

  const program = () => async () => {
    const base = new gemini.VertexTunedModel("base", {
      baseModel: "gemini-2.5-flash",
      tunedModelDisplayName: displayName,
      trainingDataset: dataset,
      hyperparameters: { epochCount: 1 },
    });
    new gemini.VertexTunedModel("continued", {
      sourceModel: base.model,
      trainingDataset: continuedDataset,
      hyperparameters: { epochCount: 1 },
    });
    return { endpoint: base.endpoint };
  };
  const change = (update: () => void) => {
    update();
    env.stack.setProgram(program());
  };
  /** The stack output `endpoint` as the preview announced it (the engine's unknown sentinel when unknown). */
  const previewedEndpoint = (preview: StepTrace): unknown => {
    const stack = preview.operations.filter((o) => o.phase === "outputs" && o.type === "pulumi:pulumi:Stack").at(-1);
    return (stack?.metadata.new?.outputs as Record<string, unknown> | undefined)?.endpoint;
  };

  beforeAll(async () => {
    env = await createVertexStack(program());
    dataset = env.writeDataset("colours.jsonl", COLOURS);
    continuedDataset = env.writeDataset("more-colours.jsonl", [["blood", "red"], ["sun", "yellow"]]);
  });
  afterAll(async () => {
    await env?.stack.destroy();
    await env?.dispose();
  });

  it("1. up trains the base and the continuation", async () => {
    const { up } = await previewThenUp(env.stack);
    expect(up.changes).toEqual({ create: 3 });
  });

  it("2. a display-name change updates the base in place: the continuation and the endpoint preview unchanged", async () => {
    const before = (await env.stack.outputs()).endpoint?.value;
    change(() => (displayName = "colours v2"));
    const { preview, up } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    // The README quotes this preview.
    const shown = preview.outputLines.filter((line) => /gemini:|^ {4}[~+-]/.test(line)).map((line) => line.trimEnd());
    console.log(`preview of a display-name change of base:\n${shown.join("\n")}`);
    expect(shown).toEqual(expect.arrayContaining([expect.stringMatching(/~ +pulumi-nodejs:dynamic\/gemini:VertexTunedModel +base +update +\[diff: ~tunedModelDisplayName\]$/)]));
    expect(preview.changes).toEqual({ same: 2, update: 1 });
    expect(plannedOps(preview, VERTEX_MODEL_TYPE)).toEqual({ base: ["update"], continued: ["same"] });
    expect(previewedEndpoint(preview)).toBe(before);
    expect(up.changes).toEqual({ same: 2, update: 1 });
    expect(mutatingRequests(env.emulator).map((r) => r.method)).toEqual(["PATCH"]);
    expect((await env.stack.outputs()).endpoint?.value).toBe(before);

    // The next in-place change finds the names in the recorded inputs.
    change(() => (displayName = "colours v3"));
    const again = await previewThenUp(env.stack);
    expect(plannedOps(again.preview, VERTEX_MODEL_TYPE)).toEqual({ base: ["update"], continued: ["same"] });
  });

  it("3. new training data of the base replaces it, and the continuation of it with it", async () => {
    change(() => (dataset = env.writeDataset("colours-2.jsonl", [...COLOURS, ["leaf", "green"]])));
    const { preview, up } = await previewThenUp(env.stack);
    expect(plannedOps(preview, VERTEX_MODEL_TYPE)).toEqual({
      base: ["create-replacement", "replace", "delete-replaced"],
      continued: ["create-replacement", "replace", "delete-replaced"],
    });
    expect(previewedEndpoint(preview)).toBe(UNKNOWN);
    expect(up.changes).toEqual({ same: 1, replace: 2 });
  });
});
