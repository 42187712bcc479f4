/**
 * Continuous tuning (`preTunedModel`): a job that starts from a tuned model produces the next version of
 * that model (`@2`, `@3`), reports the chain's base model inside `preTunedModel`, checks the source model and
 * checkpoint, and the versions are removed one by one (`:deleteVersion`) or all together (DeleteModel).
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, start } from "../helpers";
import { createJob, jobBody, NUMBERED_PARENT, V, v1, waitForJob } from "../vertexHelpers";

let emu: EmulatorHandle;
let api: Api;
beforeEach(async () => {
  ({ emu, api } = await start({ stepMs: 5 }));
});
afterEach(() => emu.close());

function continued(tunedModelName: string, checkpointId?: string): Record<string, unknown> {
  const { baseModel: _base, ...rest } = jobBody();
  return { ...rest, preTunedModel: { tunedModelName, ...(checkpointId ? { checkpointId } : {}) } };
}

/** Undeploys a job's model from every endpoint the job reported: its own and each checkpoint's. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- job JSON is inspected loosely
async function undeployAll(job: any): Promise<void> {
  const endpoints = new Set<string>([job.tunedModel.endpoint, ...job.tunedModel.checkpoints.map((c: { endpoint: string }) => c.endpoint)]);
  expect(endpoints.size).toBe(job.tunedModel.checkpoints.length);
  for (const endpoint of endpoints) {
    const found = (await api.get(v1(endpoint))).json;
    for (const d of found.deployedModels ?? []) expect((await api.post(`${v1(endpoint)}:undeployModel`, { deployedModelId: d.id })).status).toBe(200);
  }
}

test("a job from a tuned model's checkpoint makes version 2 and then 3 of that model", async () => {
  const first = await waitForJob(api, (await createJob(api)).name);
  const source = first.tunedModel.model as string;
  expect(source).toMatch(/@1$/);

  const second = await waitForJob(api, (await createJob(api, continued(source, "1"))).name);
  expect(second.state).toBe("JOB_STATE_SUCCEEDED");
  expect(second.baseModel).toBeUndefined();
  expect(second.preTunedModel).toEqual({ tunedModelName: source, checkpointId: "1", baseModel: "gemini-2.5-flash" });
  expect(second.tunedModel.model).toBe(source.replace(/@1$/, "@2"));
  expect(second.tunedModel.endpoint).not.toBe(first.tunedModel.endpoint);

  const third = await waitForJob(api, (await createJob(api, continued(second.tunedModel.model))).name);
  expect(third.tunedModel.model).toBe(source.replace(/@1$/, "@3"));
  expect(third.preTunedModel.baseModel).toBe("gemini-2.5-flash");

  const version2 = (await api.get(v1(second.tunedModel.model))).json;
  expect(version2).toMatchObject({ name: source.replace(/@1$/, ""), versionId: "2" });
  expect(version2.versionAliases).toBeUndefined();
  expect((await api.get(v1(source.replace(/@1$/, "")))).json.versionId).toBe("1");
  const endpoint = (await api.get(v1(second.tunedModel.endpoint))).json;
  expect(endpoint.deployedModels[0]).toMatchObject({ model: source.replace(/@1$/, ""), modelVersionId: "2" });
  // ListModels shows the model once, whatever its versions.
  expect((await api.get(`${V}/models`)).json.models).toHaveLength(1);
});

test("deleteVersion removes one version; the default version and deployed versions are refused", async () => {
  const first = await waitForJob(api, (await createJob(api)).name);
  const second = await waitForJob(api, (await createJob(api, continued(first.tunedModel.model))).name);
  const version2 = second.tunedModel.model as string;

  expect((await api.del(`${v1(version2)}:deleteVersion`)).status).toBe(400);
  await undeployAll(second);
  const deleted = await api.del(`${v1(version2)}:deleteVersion`);
  expect(deleted.status).toBe(200);
  expect(deleted.json.name).toMatch(/\/operations\/\d+$/);
  expect((await api.get(v1(version2))).status).toBe(404);
  expect((await api.get(v1(first.tunedModel.model))).status).toBe(200);
  expect((await api.del(`${v1(first.tunedModel.model)}:deleteVersion`)).status).toBe(400);
});

test("DeleteModel removes every version of the model", async () => {
  const first = await waitForJob(api, (await createJob(api)).name);
  const second = await waitForJob(api, (await createJob(api, continued(first.tunedModel.model))).name);
  await undeployAll(first);
  expect((await api.del(v1(first.tunedModel.model.replace(/@1$/, "")))).status).toBe(400);
  await undeployAll(second);
  expect((await api.del(v1(first.tunedModel.model.replace(/@1$/, "")))).status).toBe(200);
  expect((await api.get(v1(second.tunedModel.model))).status).toBe(404);
  expect((await api.get(v1(first.tunedModel.model))).status).toBe(404);
});

test("a source that does not exist, an unknown checkpoint, or both sources at once are 400s naming the field", async () => {
  const first = await waitForJob(api, (await createJob(api)).name);
  const missing = await api.post(`${V}/tuningJobs`, continued(`${NUMBERED_PARENT}/models/123456`));
  expect(missing.status).toBe(400);
  expect(JSON.stringify(missing.json.error.details)).toContain("tuning_job.pre_tuned_model.tuned_model_name");
  const badCheckpoint = await api.post(`${V}/tuningJobs`, continued(first.tunedModel.model, "99"));
  expect(badCheckpoint.status).toBe(400);
  expect(JSON.stringify(badCheckpoint.json.error.details)).toContain("tuning_job.pre_tuned_model.checkpoint_id");
  const both = await api.post(`${V}/tuningJobs`, { ...continued(first.tunedModel.model), baseModel: "gemini-2.5-flash" });
  expect(both.status).toBe(400);
  expect(JSON.stringify(both.json.error.details)).toContain("tuning_job.base_model");
  expect(emu.control.vertexJobs()).toHaveLength(1);
});
