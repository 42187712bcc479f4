// Continuous tuning on the real Pulumi engine against the emulator's Vertex AI routes: a VertexTunedModel
// continues another one of the same stack (sourceModel = the other's `model` output) from one of its
// checkpoints. Preview plans both creates and sends nothing; up trains the source, then the continuation as
// the next version of the source's model; a new checkpoint replaces only the continuation, and removes only
// its version; destroy leaves no model, endpoint or running job.
import * as gemini from "../../sdk";
import type { StateResource } from "../harness";
import { mutatingRequests, operationOf, plannedOps } from "./geminiStack";
import { COLOURS } from "../fixtures/colours";
import { createVertexStack, VERTEX_MODEL_TYPE, type VertexStack } from "./vertexStack";

jest.setTimeout(180_000);

describe("VertexTunedModel continuous tuning on the real engine", () => {
  let env: VertexStack;
  let dataset: { uri: string; fingerprint: string };
  let checkpointId = "1";

  const program = () => async () => {
    const base = new gemini.VertexTunedModel("colours", {
      baseModel: "gemini-2.5-flash",
      tunedModelDisplayName: "colours",
      trainingDataset: dataset,
      hyperparameters: { epochCount: 2 },
    });
    const continued = new gemini.VertexTunedModel("colours-more", {
      sourceModel: base.model,
      checkpointId,
      trainingDataset: dataset,
      hyperparameters: { epochCount: 1 },
    });
    return { baseModel: base.model, continuedModel: continued.model, origin: continued.originalBaseModel };
  };

  const recorded = async (name: string): Promise<StateResource | undefined> =>
    (await env.stack.stateResources()).find((r) => r.type === VERTEX_MODEL_TYPE && r.urn.endsWith(`::${name}`));

  beforeAll(async () => {
    env = await createVertexStack(program());
    dataset = env.writeDataset("colours.jsonl", COLOURS);
  });
  afterAll(async () => env?.dispose());

  it("1. preview plans both creates and sends nothing", async () => {
    const preview = await env.stack.preview();
    expect(plannedOps(preview, VERTEX_MODEL_TYPE)).toEqual({ colours: ["create"], "colours-more": ["create"] });
    expect(mutatingRequests(env.emulator)).toEqual([]);
  });

  it("2. up trains the source, then the continuation as the next version of the source's model", async () => {
    const up = await env.stack.up();
    expect(up.changes).toEqual({ create: 3 });
    const source = String(up.result.outputs.baseModel?.value);
    expect(source).toMatch(/\/models\/\d+@1$/);
    expect(up.result.outputs.continuedModel?.value).toBe(source.replace(/@1$/, "@2"));
    expect(up.result.outputs.origin?.value).toBe("gemini-2.5-flash");
    expect(up.outputLines.join("\n")).toContain(`tuning job submitted (continuing ${source} from checkpoint 1)`);
    const [continuedJob] = env.emulator.control.vertexJobs();
    expect(continuedJob.job.preTunedModel).toEqual({ tunedModelName: source, checkpointId: "1", baseModel: "gemini-2.5-flash" });
    // Every checkpoint of the source is in its outputs, each on an endpoint of its own (the last on the model's).
    const sourceOutputs = (await recorded("colours"))?.outputs;
    expect(sourceOutputs?.checkpoints).toEqual([
      { checkpointId: "1", epoch: 1, step: 1, endpoint: expect.stringMatching(/\/endpoints\/\d+$/) },
      { checkpointId: "2", epoch: 2, step: 2, endpoint: sourceOutputs?.endpoint },
    ]);
    expect((sourceOutputs?.checkpoints as Array<{ endpoint: string }>)[0].endpoint).not.toBe(sourceOutputs?.endpoint);
    expect((await recorded("colours-more"))?.outputs).toEqual(expect.objectContaining({ sourceModel: source, checkpointId: "1", state: "JOB_STATE_SUCCEEDED" }));
  });

  it("3. a new checkpoint replaces only the continuation, removing only its model version", async () => {
    const before = await recorded("colours-more");
    const source = await recorded("colours");
    checkpointId = "2";
    env.stack.setProgram(program());
    const preview = await env.stack.preview();
    expect(plannedOps(preview, VERTEX_MODEL_TYPE)).toEqual({ colours: ["same"], "colours-more": ["create-replacement", "replace", "delete-replaced"] });
    expect(operationOf(preview, "colours-more", "replace")?.replaces).toEqual(["checkpointId"]);

    env.emulator.control.clearRequests();
    const up = await env.stack.up();
    expect(up.changes).toEqual({ same: 2, replace: 1 });
    const after = await recorded("colours-more");
    expect(after?.id).not.toBe(before?.id);
    expect(after?.outputs?.model).toBe(String(source?.outputs?.model).replace(/@1$/, "@3"));
    const deletes = mutatingRequests(env.emulator).filter((r) => r.method === "DELETE").map((r) => r.path);
    expect(deletes).toEqual([expect.stringMatching(/\/endpoints\/\d+$/), `/v1/${String(before?.outputs?.model)}:deleteVersion`]);
    // The source model (version 1) and the new version are still served.
    const served = env.emulator.control.vertexJobs().filter((j) => j.model !== undefined).map((j) => j.model?.versionId);
    expect(served.sort()).toEqual(["1", "3"]);
  });

  it("4. destroy leaves no model, no endpoint and no running job", async () => {
    const destroy = await env.stack.destroy();
    expect(destroy.changes).toEqual({ delete: 3 });
    const jobs = env.emulator.control.vertexJobs();
    expect(jobs.filter((j) => j.model !== undefined || j.endpoint !== undefined)).toEqual([]);
    expect(jobs.every((j) => j.job.state === "JOB_STATE_SUCCEEDED")).toBe(true);
    expect(jobs).toHaveLength(3);
    // The source trained two epochs: its first checkpoint's endpoint went too.
    expect(env.emulator.control.vertexResources()).toEqual({ models: 0, endpoints: 0, activeJobs: 0 });
  });
});
