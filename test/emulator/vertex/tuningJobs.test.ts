/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * Vertex AI tuning jobs: create answers the job itself, the job runs PENDING -> RUNNING -> SUCCEEDED on the
 * training clock, list pages and filters, cancel ends a job as CANCELLED with code 1, and the create body is
 * validated per the aiplatform v1 protos.
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, start } from "../helpers";
import { createJob, jobBody, NUMBERED_PARENT, PROJECT_NUMBER, V, v1, waitForJob } from "../vertexHelpers";

let emu: EmulatorHandle;
let api: Api;
beforeEach(async () => {
  ({ emu, api } = await start({ stepMs: 5 }));
});
afterEach(() => emu.close());

test("create answers the TuningJob itself (not an operation), PENDING, echoing the request", async () => {
  const reply = await api.post(`${V}/tuningJobs`, {
    ...jobBody(),
    description: "d",
    labels: { team: "ml" },
    serviceAccount: "tuner@test-project.iam.gserviceaccount.com",
  });
  expect(reply.status).toBe(200);
  const job = reply.json;
  expect(job.name).toMatch(new RegExp(`^${NUMBERED_PARENT}/tuningJobs/[1-9]\\d{18}$`));
  expect(job).toMatchObject({
    baseModel: "gemini-2.5-flash",
    tunedModelDisplayName: "number generator",
    description: "d",
    state: "JOB_STATE_PENDING",
    labels: { team: "ml" },
    serviceAccount: "tuner@test-project.iam.gserviceaccount.com",
    supervisedTuningSpec: { trainingDatasetUri: "gs://unmapped-bucket/train.jsonl", hyperParameters: { epochCount: "2" } },
  });
  expect(job.createTime).toBe(job.updateTime);
  expect(job.done).toBeUndefined();
  expect(job.metadata).toBeUndefined();
  for (const absent of ["startTime", "endTime", "error", "tunedModel", "tuningDataStats"]) expect(job[absent]).toBeUndefined();
});

test("a job runs to SUCCEEDED and names its model, endpoint, checkpoints and data stats", async () => {
  const created = await createJob(api, jobBody({ supervisedTuningSpec: { trainingDatasetUri: "gs://bkt/t.jsonl", hyperParameters: { epochCount: "3" } } }));
  const job = await waitForJob(api, created.name);
  expect(job.state).toBe("JOB_STATE_SUCCEEDED");
  expect(Date.parse(job.startTime)).toBeGreaterThan(Date.parse(job.createTime));
  expect(Date.parse(job.endTime)).toBeGreaterThan(Date.parse(job.startTime));
  // Unread dataset: 16 assumed examples; steps = ceil(16 × 3 / 8) = 6; int64 values are strings.
  expect(job.tuningDataStats.supervisedTuningDataStats).toMatchObject({
    tuningDatasetExampleCount: "16",
    tuningStepCount: "6",
    totalBillableTokenCount: "1600",
  });
  expect(job.tunedModel.model).toMatch(new RegExp(`^${NUMBERED_PARENT}/models/\\d+@1$`));
  expect(job.tunedModel.endpoint).toMatch(new RegExp(`^${NUMBERED_PARENT}/endpoints/\\d+$`));
  // Every checkpoint is served: the last on the job's endpoint, each earlier one on an endpoint of its own.
  const endpointPattern = expect.stringMatching(new RegExp(`^${NUMBERED_PARENT}/endpoints/\\d+$`));
  expect(job.tunedModel.checkpoints).toEqual([
    { checkpointId: "1", epoch: "1", step: "2", endpoint: endpointPattern },
    { checkpointId: "2", epoch: "2", step: "4", endpoint: endpointPattern },
    { checkpointId: "3", epoch: "3", step: "6", endpoint: job.tunedModel.endpoint },
  ]);
  const endpoints = (job.tunedModel.checkpoints as Array<{ endpoint: string }>).map((c) => c.endpoint);
  expect(new Set(endpoints).size).toBe(3);
  for (const endpoint of endpoints) {
    const served = await api.get(v1(endpoint));
    expect(served.status).toBe(200);
    expect(served.json.deployedModels).toEqual([expect.objectContaining({ model: job.tunedModel.model.replace(/@1$/, ""), modelVersionId: "1" })]);
  }
  expect(emu.control.vertexResources()).toMatchObject({ models: 1, endpoints: 3, activeJobs: 0 });
  expect(job.error).toBeUndefined();
});

test("exportLastCheckpointOnly keeps one checkpoint; RUNNING is observable while paused", async () => {
  emu.control.pauseTraining();
  const created = await createJob(
    api,
    jobBody({ supervisedTuningSpec: { trainingDatasetUri: "gs://bkt/t.jsonl", exportLastCheckpointOnly: true } }),
  );
  expect((await api.get(v1(created.name))).json.state).toBe("JOB_STATE_PENDING");
  emu.control.resumeTraining();
  const job = await waitForJob(api, created.name);
  expect(job.supervisedTuningSpec.exportLastCheckpointOnly).toBe(true);
  expect(job.tunedModel.checkpoints).toEqual([{ checkpointId: "1", epoch: "5", step: "10", endpoint: job.tunedModel.endpoint }]);
});

test("list: newest first, paged with tokens, filtered by state and labels, scoped to project and location", async () => {
  emu.control.pauseTraining(); // so the job cancelled below is still running
  const names: string[] = [];
  for (let i = 0; i < 3; i++) names.push((await createJob(api, jobBody({ labels: { n: String(i) } }))).name);
  await createJob(api, jobBody());
  await api.post(`/v1/projects/other/locations/us-central1/tuningJobs`, jobBody());
  const first = await api.get(`${V}/tuningJobs?pageSize=2`);
  expect(first.json.tuningJobs).toHaveLength(2);
  const second = await api.get(`${V}/tuningJobs?pageSize=2&pageToken=${first.json.nextPageToken}`);
  expect(second.json.tuningJobs).toHaveLength(2);
  expect(second.json.nextPageToken).toBeUndefined();
  const all = [...first.json.tuningJobs, ...second.json.tuningJobs].map((j: any) => j.name);
  expect(all.slice(1)).toEqual([...names].reverse());
  const labelled = await api.get(`${V}/tuningJobs?filter=${encodeURIComponent('labels.n="1"')}`);
  expect(labelled.json.tuningJobs.map((j: any) => j.name)).toEqual([names[1]]);
  await api.post(`${v1(names[0])}:cancel`, {});
  const cancelled = await api.get(`${V}/tuningJobs?filter=${encodeURIComponent("state=JOB_STATE_CANCELLED")}`);
  expect(cancelled.json.tuningJobs.map((j: any) => j.name)).toEqual([names[0]]);
  expect((await api.get(`${V}/tuningJobs?filter=bogus`)).status).toBe(400);
  expect((await api.get(`/v1/projects/nobody/locations/us-central1/tuningJobs`)).json).toEqual({});
});

test("cancel: {} and CANCELLED with error.code 1; again is a no-op; a finished job is 400", async () => {
  emu.control.pauseTraining();
  const created = await createJob(api);
  const reply = await api.post(`${v1(created.name)}:cancel`, {});
  expect(reply.status).toBe(200);
  expect(reply.json).toEqual({});
  const job = (await api.get(v1(created.name))).json;
  expect(job.state).toBe("JOB_STATE_CANCELLED");
  expect(job.error).toEqual({ code: 1, message: "CANCELLED" });
  expect(job.endTime).toBeDefined();
  expect(job.tunedModel).toBeUndefined();
  expect((await api.post(`${v1(created.name)}:cancel`, {})).status).toBe(200);
  emu.control.resumeTraining();
  const done = await waitForJob(api, (await createJob(api)).name);
  const late = await api.post(`${v1(done.name)}:cancel`, {});
  expect(late.status).toBe(400);
  expect(late.json.error.status).toBe("FAILED_PRECONDITION");
});

test("get: 404 for an unknown job and for a job of another project or location", async () => {
  const created = await createJob(api);
  const id = created.name.split("/").pop();
  expect((await api.get(`${V}/tuningJobs/123`)).status).toBe(404);
  expect((await api.get(`/v1/projects/other/locations/us-central1/tuningJobs/${id}`)).status).toBe(404);
  expect((await api.get(`/v1/projects/test-project/locations/europe-west4/tuningJobs/${id}`)).json.error.status).toBe("NOT_FOUND");
});

test.each([
  ["display name over 128 characters", { tunedModelDisplayName: "x".repeat(129) }, "tuning_job.tuned_model_display_name"],
  ["missing base model", { baseModel: undefined }, "tuning_job.base_model"],
  ["base model outside the accepted list", { baseModel: "text-bison@002" }, "tuning_job.base_model"],
  ["missing spec", { supervisedTuningSpec: undefined }, "tuning_job.supervised_tuning_spec"],
  ["missing dataset", { supervisedTuningSpec: {} }, "tuning_job.supervised_tuning_spec.training_dataset_uri"],
  ["non-gs dataset", { supervisedTuningSpec: { trainingDatasetUri: "https://x/y.jsonl" } }, "tuning_job.supervised_tuning_spec.training_dataset_uri"],
  [
    "epochCount 0",
    { supervisedTuningSpec: { trainingDatasetUri: "gs://bkt/t.jsonl", hyperParameters: { epochCount: 0 } } },
    "tuning_job.supervised_tuning_spec.hyper_parameters.epoch_count",
  ],
  [
    "learningRateMultiplier negative",
    { supervisedTuningSpec: { trainingDatasetUri: "gs://bkt/t.jsonl", hyperParameters: { learningRateMultiplier: -1 } } },
    "tuning_job.supervised_tuning_spec.hyper_parameters.learning_rate_multiplier",
  ],
  ["bad label key", { labels: { Team: "ml" } }, "tuning_job.labels[Team]"],
  ["bad KMS key", { encryptionSpec: { kmsKeyName: "key" } }, "tuning_job.encryption_spec.kms_key_name"],
])("400 INVALID_ARGUMENT: %s", async (_what, overrides, field) => {
  const reply = await api.post(`${V}/tuningJobs`, jobBody(overrides));
  expect(reply.status).toBe(400);
  expect(reply.json.error.status).toBe("INVALID_ARGUMENT");
  expect(reply.json.error.details[0].fieldViolations.map((v: any) => v.field)).toContain(field);
  expect(emu.control.vertexJobsCreated()).toBe(0);
});

test("decoding: unknown fields and bad enums are 400; snake_case, int64 numbers and enum numbers are accepted", async () => {
  expect((await api.post(`${V}/tuningJobs`, jobBody({ bogus: 1 }))).status).toBe(400);
  const badEnum = jobBody({ supervisedTuningSpec: { trainingDatasetUri: "gs://bkt/t", hyperParameters: { adapterSize: "ADAPTER_SIZE_THREE" } } });
  expect((await api.post(`${V}/tuningJobs`, badEnum)).status).toBe(400);
  const reply = await api.post(`${V}/tuningJobs`, {
    base_model: "gemini-2.0-flash-001",
    supervised_tuning_spec: { training_dataset_uri: "gs://bkt/t.jsonl", hyper_parameters: { epoch_count: 4, adapter_size: 6, learning_rate_multiplier: 0.5 } },
  });
  expect(reply.status).toBe(200);
  expect(reply.json.supervisedTuningSpec.hyperParameters).toEqual({
    epochCount: "4",
    adapterSize: "ADAPTER_SIZE_TWO",
    learningRateMultiplier: 0.5,
  });
});

test("the accepted base models are configurable", async () => {
  const custom = await start({ stepMs: 5, vertex: { baseModels: ["gemini-2.5-flash", "gemini-3-*"] } });
  try {
    expect((await custom.api.post(`${V}/tuningJobs`, jobBody({ baseModel: "gemini-3-pro" }))).status).toBe(200);
    expect((await custom.api.post(`${V}/tuningJobs`, jobBody({ baseModel: "publishers/google/models/gemini-2.5-flash" }))).status).toBe(200);
    expect((await custom.api.post(`${V}/tuningJobs`, jobBody({ baseModel: "gemini-2.0-flash-001" }))).status).toBe(400);
  } finally {
    await custom.emu.close();
  }
});

test("names carry the project number; requests may name the project by id or number; v1beta1 serves the same jobs", async () => {
  const job = await createJob(api);
  const id = job.name.split("/").pop();
  expect(job.name).toBe(`${NUMBERED_PARENT}/tuningJobs/${id}`);
  expect(PROJECT_NUMBER).toMatch(/^[1-9]\d{11}$/);
  for (const path of [
    `/v1/projects/test-project/locations/us-central1/tuningJobs/${id}`,
    `/v1/projects/${PROJECT_NUMBER}/locations/us-central1/tuningJobs/${id}`,
    `/v1beta1/projects/test-project/locations/us-central1/tuningJobs/${id}`,
  ]) {
    const reply = await api.get(path);
    expect([path, reply.status, reply.json.name]).toEqual([path, 200, job.name]);
  }
  const listed = (await api.get(`/v1beta1/projects/${PROJECT_NUMBER}/locations/us-central1/tuningJobs`)).json;
  expect(listed.tuningJobs.map((j: { name: string }) => j.name)).toContain(job.name);
  expect((await api.get(`/v1/projects/other-project/locations/us-central1/tuningJobs/${id}`)).status).toBe(404);
});

test("$alt=json;enum-encoding=int answers JobState and AdapterSize as numbers; requests may send numbers", async () => {
  emu.control.pauseTraining(); // so the job is still JOB_STATE_PENDING (2) when it is read back
  const job = await createJob(api, jobBody({ supervisedTuningSpec: { trainingDatasetUri: "gs://unmapped-bucket/train.jsonl", hyperParameters: { adapterSize: 6 } } }));
  expect(job.supervisedTuningSpec.hyperParameters.adapterSize).toBe("ADAPTER_SIZE_TWO");
  const numeric = (await api.get(`${v1(job.name)}?%24alt=json%3Benum-encoding%3Dint`)).json;
  expect(numeric.state).toBe(2);
  expect(numeric.supervisedTuningSpec.hyperParameters.adapterSize).toBe(6);
  const listed = (await api.get(`${V}/tuningJobs?$alt=json;enum-encoding=int`)).json;
  expect(listed.tuningJobs.every((j: { state: unknown }) => typeof j.state === "number")).toBe(true);
  expect((await api.get(v1(job.name))).json.state).toBe("JOB_STATE_PENDING");
  emu.control.resumeTraining();
});
