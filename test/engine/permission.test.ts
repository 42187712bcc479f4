// Step 12 of the lifecycle: TunedModelPermission create, role update in place, delete.
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { createGeminiStack, PERMISSION_TYPE, plannedOps, type GeminiStack } from "./geminiStack";

jest.setTimeout(120_000);

describe("TunedModelPermission on the real engine", () => {
  let env: GeminiStack;
  const program = (role: "READER" | "WRITER", withPermission = true) => async () => {
    const model = new gemini.TunedModel("shared", {
      baseModel: "models/gemini-1.5-flash-001-tuning",
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
    const up = await env.stack.up();
    const model = String(up.result.outputs.model?.value);
    expect(await permissionsOf(model)).toEqual(expect.arrayContaining([expect.objectContaining({ emailAddress: "analyst@example.com", role: "READER" })]));
    const [granted] = (await env.stack.stateResources()).filter((r) => r.type === PERMISSION_TYPE);

    env.stack.setProgram(program("WRITER"));
    env.emulator.control.clearRequests();
    const update = await env.stack.up();
    expect(plannedOps(update, PERMISSION_TYPE)).toEqual({ analyst: ["update"] });
    expect(env.emulator.control.requests().filter((r) => r.method === "PATCH").map((r) => r.updateMask)).toEqual([["role"]]);
    expect((await env.stack.stateResources()).find((r) => r.type === PERMISSION_TYPE)?.id).toBe(granted?.id);
    expect(await permissionsOf(model)).toEqual(expect.arrayContaining([expect.objectContaining({ emailAddress: "analyst@example.com", role: "WRITER" })]));

    env.stack.setProgram(program("WRITER", false));
    await env.stack.up();
    expect((await permissionsOf(model)).filter((p) => p.emailAddress === "analyst@example.com")).toEqual([]);
    await env.stack.destroy();
  });
});
