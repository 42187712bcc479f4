// Resources wired to a model's name, on the real engine: a model tuned further from it (`sourceModel`)
// and a permission on that one. Changing only the first model's display name is an in-place update, and
// the preview must say so for every dependent, as up then does: nothing else changes.
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { previewThenUp } from "../harness";
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
      hyperparameters: { epochCount: 1, batchSize: 5 },
      trainingData: NUMBER_EXAMPLES,
    });
    new gemini.TunedModelPermission("analyst", { tunedModel: refined.name, granteeType: "USER", emailAddress: "analyst@example.com", role: "READER" });
    return {};
  };

  beforeAll(async () => (env = await createGeminiStack(program("base"))));
  afterAll(async () => env?.dispose());

  it("previews the model tuned from it and the permission on that one as unchanged", async () => {
    await previewThenUp(env.stack);
    env.stack.setProgram(program("base v2"));
    const { preview, up } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(preview.changes).toEqual({ same: 3, update: 1 });
    expect(plannedOps(preview)).toEqual({ base: ["update"], refined: ["same"] });
    expect(plannedOps(preview, PERMISSION_TYPE)).toEqual({ analyst: ["same"] });
    expect(up.changes).toEqual({ same: 3, update: 1 });
    expect(mutatingRequests(env.emulator).map((r) => r.method)).toEqual(["PATCH"]);
    await env.stack.destroy();
  });
});
