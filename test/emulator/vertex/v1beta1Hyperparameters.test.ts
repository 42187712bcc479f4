/**
 * v1beta1's supervised additions: `learningRate`, `batchSize` (which sets the step count) and `tuningMode`.
 * Under v1 they are unknown fields; `learningRate` with `learningRateMultiplier` is a 400 naming the field.
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, start } from "../helpers";
import { jobBody, waitForJob } from "../vertexHelpers";

const V1BETA1 = "/v1beta1/projects/test-project/locations/us-central1";

let emu: EmulatorHandle;
let api: Api;
beforeEach(async () => {
  ({ emu, api } = await start({ stepMs: 2 }));
});
afterEach(() => emu.close());

const spec = (extra: Record<string, unknown>, hyperParameters: Record<string, unknown>) =>
  jobBody({ supervisedTuningSpec: { trainingDatasetUri: "gs://unmapped-bucket/t.jsonl", hyperParameters, ...extra } });

test("batchSize sets the step count; learningRate and tuningMode are echoed", async () => {
  const created = await api.post(`${V1BETA1}/tuningJobs`, spec({ tuningMode: "TUNING_MODE_PEFT_ADAPTER" }, { epochCount: "2", learningRate: 0.0002, batchSize: "2" }));
  expect(created.status).toBe(200);
  expect(created.json.supervisedTuningSpec).toMatchObject({ tuningMode: "TUNING_MODE_PEFT_ADAPTER", hyperParameters: { learningRate: 0.0002, batchSize: "2" } });
  const job = await waitForJob(api, created.json.name);
  // 16 assumed examples × 2 epochs / batch 2 = 16 steps (batch 8 would make 4).
  expect(job.tuningDataStats.supervisedTuningDataStats.tuningStepCount).toBe("16");
});

test("under v1 the v1beta1 fields are unknown; learningRate with the multiplier is refused", async () => {
  const v1 = await api.post("/v1/projects/test-project/locations/us-central1/tuningJobs", spec({}, { learningRate: 0.001 }));
  expect(v1.status).toBe(400);
  expect(v1.text).toContain("learningRate");
  const both = await api.post(`${V1BETA1}/tuningJobs`, spec({}, { learningRate: 0.001, learningRateMultiplier: 2 }));
  expect(both.status).toBe(400);
  expect(JSON.stringify(both.json.error.details)).toContain("supervised_tuning_spec.hyper_parameters.learning_rate");
  expect(emu.control.vertexJobsCreated()).toBe(0);
});
