// Step 12 of the lifecycle: TunedModelPermission create, role update in place, the model it shares
// updated in place under it, delete. Every preview is checked against the up that follows it.
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { previewThenUp } from "../harness";
import { createGeminiStack, PERMISSION_TYPE, plannedOps, TUNED_MODEL_TYPE, type GeminiStack } from "./geminiStack";

jest.setTimeout(120_000);

describe("TunedModelPermission on the real engine", () => {
  let env: GeminiStack;
  const program = (role: "READER" | "WRITER", withPermission = true, displayName = "shared") => async () => {
    const model = new gemini.TunedModel("shared", {
      baseModel: "models/gemini-1.5-flash-001-tuning",
      displayName,
      hyperparameters: { epochCount: 1, batchSize: 5 },
      trainingData: NUMBER_EXAMPLES,
    });
    if (withPermission) {
      new gemini.TunedModelPermission("analyst", { tunedModel: model.name, granteeType: "USER", emailAddress: "analyst@example.com", role });
    }
    return { model: model.name };
  };
  const permissionsOf = async (model: string) => {
    const response = await fetch(`${env.emulator.url}/v1beta/${model}/permissions`, { headers: { "x-goog-api-key": env.apiKey } });
    return ((await response.json()) as { permissions?: Array<{ emailAddress?: string; role: string }> }).permissions ?? [];
  };

  beforeAll(async () => (env = await createGeminiStack(program("READER"))));
  afterAll(async () => env?.dispose());

  it("grants, changes the role in place, and revokes", async () => {
    const { up } = await previewThenUp(env.stack);
    const model = String(up.result.outputs.model?.value);
    expect(await permissionsOf(model)).toEqual(expect.arrayContaining([expect.objectContaining({ emailAddress: "analyst@example.com", role: "READER" })]));
    const [granted] = (await env.stack.stateResources()).filter((r) => r.type === PERMISSION_TYPE);

    env.stack.setProgram(program("WRITER"));
    const { up: update } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(plannedOps(update, PERMISSION_TYPE)).toEqual({ analyst: ["update"] });
    expect(env.emulator.control.requests().filter((r) => r.method === "PATCH").map((r) => r.updateMask)).toEqual([["role"]]);
    expect((await env.stack.stateResources()).find((r) => r.type === PERMISSION_TYPE)?.id).toBe(granted?.id);
    expect(await permissionsOf(model)).toEqual(expect.arrayContaining([expect.objectContaining({ emailAddress: "analyst@example.com", role: "WRITER" })]));

    env.stack.setProgram(program("WRITER", false));
    await previewThenUp(env.stack);
    expect((await permissionsOf(model)).filter((p) => p.emailAddress === "analyst@example.com")).toEqual([]);
    await env.stack.destroy();
  });

  it("previews the permission as unchanged when only the model's display name changes", async () => {
    env.stack.setProgram(program("READER"));
    await env.stack.up();
    const [granted] = (await env.stack.stateResources()).filter((r) => r.type === PERMISSION_TYPE);

    env.stack.setProgram(program("READER", true, "shared v2"));
    const { preview, up } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(preview.changes).toEqual({ same: 2, update: 1 });
    expect(plannedOps(preview, PERMISSION_TYPE)).toEqual({ analyst: ["same"] });
    expect(plannedOps(preview, TUNED_MODEL_TYPE)).toEqual({ shared: ["update"] });
    expect(up.changes).toEqual({ same: 2, update: 1 });
    expect(env.emulator.control.requests().filter((r) => r.method !== "GET").map((r) => r.updateMask)).toEqual([["displayName"]]);
    expect((await env.stack.stateResources()).find((r) => r.type === PERMISSION_TYPE)?.id).toBe(granted?.id);
    await env.stack.destroy();
  });
});
