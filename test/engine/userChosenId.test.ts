// Step 7 of the lifecycle: with a user-set tunedModelId, a replacement must delete the old model first,
// since the new one takes the same id. A permission on it must go first and come back with it; the
// preview must plan exactly what up then does for both.
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { previewThenUp } from "../harness";
import { createGeminiStack, mutatingRequests, operationOf, PERMISSION_TYPE, plannedOps, type GeminiStack } from "./geminiStack";

jest.setTimeout(120_000);

describe("a TunedModel with a user-chosen id", () => {
  let env: GeminiStack;
  const program = (epochCount: number) => async () => {
    const model = new gemini.TunedModel("fixed", {
      tunedModelId: "fixed-id-model",
      baseModel: "models/gemini-1.5-flash-001-tuning",
      hyperparameters: { epochCount, batchSize: 5 },
      trainingData: NUMBER_EXAMPLES,
    });
    new gemini.TunedModelPermission("analyst", { tunedModel: model.name, granteeType: "USER", emailAddress: "analyst@example.com", role: "READER" });
    return { name: model.name };
  };

  beforeAll(async () => (env = await createGeminiStack(program(1))));
  afterAll(async () => env?.dispose());

  it("is replaced delete-before-create when a hyperparameter changes", async () => {
    expect((await previewThenUp(env.stack)).up.result.outputs.name?.value).toBe("tunedModels/fixed-id-model");
    env.stack.setProgram(program(2));
    const { preview } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(plannedOps(preview).fixed).toEqual(["delete-replaced", "replace", "create-replacement"]);
    expect(operationOf(preview, "fixed", "replace")?.replaces).toEqual(["hyperparameters.epochCount"]);
    // The model keeps its name, but it is deleted first, and its permissions with it: the engine replaces them too.
    expect(plannedOps(preview, PERMISSION_TYPE)).toEqual({ analyst: ["delete-replaced", "replace", "create-replacement"] });

    const modelRequests = mutatingRequests(env.emulator).filter((r) => !r.path.includes("/permissions"));
    expect(modelRequests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "DELETE /v1beta/tunedModels/fixed-id-model",
      "POST /v1beta/tunedModels",
      // Once ACTIVE, the creation marker a chosen id carries while training is removed from the description.
      "PATCH /v1beta/tunedModels/fixed-id-model",
    ]);
    expect(env.emulator.control.requests().find((r) => r.method === "PATCH")?.query).toEqual(expect.objectContaining({ updateMask: "description" }));
    const [model] = env.emulator.control.models();
    expect(model.model).toEqual(expect.objectContaining({ name: "tunedModels/fixed-id-model", state: "ACTIVE" }));
    expect((model.model.tuningTask as { hyperparameters: { epochCount: number } }).hyperparameters.epochCount).toBe(2);
    await env.stack.destroy();
  });
});
