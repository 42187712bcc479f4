/**
 * Preference tuning (`preferenceOptimizationSpec`, v1beta1 only): its own dataset rules (a prompt ending with
 * a user turn and two completions scored 1 and 0), hyperparameter rules (`beta`, adapter sizes 1 to 16) and
 * step accounting (batch 4), and its own stats key. Under v1 the spec is an unknown field.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EmulatorHandle } from "../../../emulator";
import { Api, start } from "../helpers";
import { v1, waitForJob, writeDataset } from "../vertexHelpers";

const V1BETA1 = "/v1beta1/projects/test-project/locations/us-central1";

let dir: string;
let emu: EmulatorHandle;
let api: Api;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "vertex-bucket-"));
  ({ emu, api } = await start({ stepMs: 2, vertex: { gcsBuckets: { "my-bucket": dir } } }));
});
afterEach(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

function preferenceLine(prompt: string, preferred: string, dispreferred: string): string {
  const completion = (text: string) => ({ role: "model", parts: [{ text }] });
  return JSON.stringify({
    contents: [{ role: "user", parts: [{ text: prompt }] }],
    completions: [
      { score: 0, completion: completion(dispreferred) },
      { score: 1, completion: completion(preferred) },
    ],
  });
}

function body(object: string, hyperParameters: Record<string, unknown> = { epochCount: "2", beta: 0.1 }): Record<string, unknown> {
  return { baseModel: "gemini-2.5-flash", preferenceOptimizationSpec: { trainingDatasetUri: `gs://my-bucket/${object}`, hyperParameters } };
}

test("a preference job counts its examples, steps at batch 4 and answers with the preferred completion", async () => {
  writeDataset(dir, "prefs.jsonl", Array.from({ length: 6 }, (_, i) => preferenceLine(`q${i}`, `good ${i}`, `bad ${i}`)));
  const created = await api.post(`${V1BETA1}/tuningJobs`, body("prefs.jsonl"));
  expect(created.status).toBe(200);
  expect(created.json.preferenceOptimizationSpec).toEqual({ trainingDatasetUri: "gs://my-bucket/prefs.jsonl", hyperParameters: { epochCount: "2", beta: 0.1 } });
  expect(created.json.supervisedTuningSpec).toBeUndefined();
  const job = await waitForJob(api, created.json.name);
  expect(job.state).toBe("JOB_STATE_SUCCEEDED");
  // 6 examples × 2 epochs / 4 = 3 steps.
  expect(job.tuningDataStats.preferenceOptimizationDataStats).toMatchObject({ tuningDatasetExampleCount: "6", tuningStepCount: "3" });
  const answer = await api.post(`${v1(job.tunedModel.endpoint)}:generateContent`, { contents: [{ role: "user", parts: [{ text: "q4" }] }] });
  expect(answer.json.candidates[0].content.parts[0].text).toBe("good 4");
});

test("under v1 the preference spec is an unknown field; beta <= 0 and adapter size 32 are 400s naming the field", async () => {
  writeDataset(dir, "prefs.jsonl", [preferenceLine("q", "good", "bad")]);
  const v1Create = await api.post("/v1/projects/test-project/locations/us-central1/tuningJobs", body("prefs.jsonl"));
  expect(v1Create.status).toBe(400);
  expect(v1Create.text).toContain("preferenceOptimizationSpec");
  const badBeta = await api.post(`${V1BETA1}/tuningJobs`, body("prefs.jsonl", { beta: -1 }));
  expect(badBeta.status).toBe(400);
  expect(JSON.stringify(badBeta.json.error.details)).toContain("preference_optimization_spec.hyper_parameters.beta");
  const bigAdapter = await api.post(`${V1BETA1}/tuningJobs`, body("prefs.jsonl", { adapterSize: "ADAPTER_SIZE_THIRTY_TWO" }));
  expect(bigAdapter.status).toBe(400);
  expect(JSON.stringify(bigAdapter.json.error.details)).toContain("preference_optimization_spec.hyper_parameters.adapter_size");
  expect(emu.control.vertexJobsCreated()).toBe(0);
});

test.each([
  ["a supervised line", JSON.stringify({ contents: [{ role: "user", parts: [{ text: "q" }] }, { role: "model", parts: [{ text: "a" }] }] }), /must end with a "user" turn/],
  ["one completion", JSON.stringify({ contents: [{ role: "user", parts: [{ text: "q" }] }], completions: [{ score: 1, completion: { role: "model", parts: [{ text: "a" }] } }] }), /exactly two completions/],
  ["two preferred completions", preferenceLine("q", "a", "b").replace('"score":0', '"score":1'), /one completion must be scored 1 and the other 0/],
])("%s fails the job with INVALID_ARGUMENT before it runs", async (_what, line, message) => {
  writeDataset(dir, "bad.jsonl", [line]);
  const created = await api.post(`${V1BETA1}/tuningJobs`, body("bad.jsonl"));
  expect(created.status).toBe(200);
  const job = await waitForJob(api, created.json.name);
  expect(job.state).toBe("JOB_STATE_FAILED");
  expect(job.error.code).toBe(3);
  expect(job.error.message).toMatch(message);
});
