// Continuous tuning through VertexTunedModel's provider against the emulator over HTTP: check accepts a
// tuned model as the source (exactly one of baseModel and sourceModel), create sends preTunedModel and
// records the chain's base model, diff replaces on a new source or checkpoint, and delete removes only the
// version it produced, leaving the source model. The engine lifecycle is in test/engine/vertexContinuous.test.ts.
import { vertexTunedModel } from "../../../../provider";
import { checkedVertexInputs, useVertexEmulator, vertexInputs } from "../vertexFixture";

jest.setTimeout(60_000);

const provider = vertexTunedModel;

const checked = checkedVertexInputs;

describe("VertexTunedModel continuous tuning", () => {
  const env = useVertexEmulator();

  test("check requires exactly one source and a checkpoint only with a source model", async () => {
    const source = "projects/p-123456/locations/us-central1/models/42@1";
    const both = await provider.check({}, vertexInputs({ sourceModel: source }));
    expect(both.failures).toEqual([{ property: "sourceModel", reason: expect.stringMatching(/cannot be set together with baseModel/) }]);
    const neither = await provider.check({}, vertexInputs({ baseModel: undefined }));
    expect(neither.failures).toEqual([{ property: "baseModel", reason: expect.stringMatching(/is required \(or sourceModel/) }]);
    const lonelyCheckpoint = await provider.check({}, vertexInputs({ checkpointId: "2" }));
    expect(lonelyCheckpoint.failures).toEqual([{ property: "checkpointId", reason: expect.stringMatching(/needs sourceModel/) }]);
    const notAModel = await provider.check({}, vertexInputs({ baseModel: undefined, sourceModel: "tunedModels/abc" }));
    expect(notAModel.failures).toEqual([{ property: "sourceModel", reason: expect.stringMatching(/projects\/\{p\}\/locations\/\{l\}\/models\/\{m\}/) }]);
    expect(await checked({ baseModel: undefined, sourceModel: source, checkpointId: "2" })).toMatchObject({ sourceModel: source, checkpointId: "2" });
  });

  test("create continues a tuned model as its next version; diff replaces on the checkpoint; delete leaves the source", async () => {
    const first = await provider.create(await checked());
    const sourceModel = first.outs.model as string;
    const inputs = await checked({ baseModel: undefined, sourceModel, checkpointId: "1" });
    const second = await provider.create(inputs);
    expect(second.outs).toMatchObject({ sourceModel, checkpointId: "1", originalBaseModel: "gemini-2.5-flash", model: sourceModel.replace(/@1$/, "@2") });
    expect(second.outs.baseModel).toBeUndefined();
    // The job the emulator accepted starts from the tuned model (preTunedModel), not from a base model.
    expect(env().jobs()[0].job).toMatchObject({ preTunedModel: { tunedModelName: sourceModel, checkpointId: "1", baseModel: "gemini-2.5-flash" } });
    expect(env().jobs()[0].job.baseModel).toBeUndefined();

    expect((await provider.diff(second.id, second.outs, inputs)).replaces).toEqual([]);
    expect((await provider.diff(second.id, second.outs, { ...inputs, checkpointId: "2" })).replaces).toEqual(["checkpointId"]);
    expect((await provider.diff(second.id, second.outs, { ...inputs, sourceModel: undefined, checkpointId: undefined, baseModel: "gemini-2.5-flash" })).replaces).toEqual(["baseModel", "sourceModel", "checkpointId"]);

    await provider.delete(second.id, second.outs);
    const routes = env().emulator.control.requests().filter((r) => r.method === "DELETE").map((r) => r.route);
    // The continuation's endpoint and its first checkpoint's (two epochs), then its version.
    expect(routes).toEqual(["vertex.endpoints.delete", "vertex.endpoints.delete", "vertex.models.deleteVersion"]);
    const [, firstJob] = env().jobs();
    expect(firstJob.model).toMatchObject({ versionId: "1" });
    expect(env().jobs()[0].model).toBeUndefined();
  });
});

describe("VertexTunedModel v1beta1 hyperparameters", () => {
  const env = useVertexEmulator();

  test("learningRate, batchSize and tuningMode go to v1beta1 and come back as effective hyperparameters", async () => {
    const inputs = await checked({ hyperparameters: { epochCount: 1, learningRate: 0.0005, batchSize: 4, tuningMode: "TUNING_MODE_FULL" } });
    const { outs } = await provider.create(inputs);
    const create = env().emulator.control.requests().find((r) => r.route === "vertex.tuningJobs.create");
    expect(create?.path).toMatch(/^\/v1beta1\//);
    expect(env().jobs()[0].job.supervisedTuningSpec).toMatchObject({ tuningMode: "TUNING_MODE_FULL" });
    expect(outs.effectiveHyperparameters).toEqual({ epochCount: 1, learningRate: 0.0005, batchSize: 4 });
    // 16 examples × 1 epoch / batch 4.
    expect(outs.tuningDataStats).toMatchObject({ stepCount: 4 });
  });
});
