/**
 * Datasets in a bucket mapped to a local directory: read to count examples and answer generateContent; an
 * unusable mapped dataset is accepted at create and fails the job (error code 3) when it would start running.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EmulatorHandle } from "../../../emulator";
import { Api, start } from "../helpers";
import { createJob, exampleLine, jobBody, v1, waitForJob, writeDataset } from "../vertexHelpers";

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

const uri = (object: string): string => `gs://my-bucket/${object}`;

test("a readable dataset drives the stats and the endpoint's answers (exact, then nearest)", async () => {
  const lines = Array.from({ length: 12 }, (_, i) => exampleLine(String(i + 1), String(i + 2)));
  writeDataset(dir, "data/numbers.jsonl", ["", ...lines, ""]);
  const job = await waitForJob(api, (await createJob(api, jobBody({}, uri("data/numbers.jsonl")))).name);
  expect(job.state).toBe("JOB_STATE_SUCCEEDED");
  // 12 examples × 2 epochs / 8 = 3 steps.
  expect(job.tuningDataStats.supervisedTuningDataStats).toMatchObject({ tuningDatasetExampleCount: "12", tuningStepCount: "3" });
  expect(emu.control.vertexJobs()[0]).toMatchObject({ datasetRead: true, exampleCount: 12 });
  const ask = async (text: string): Promise<string> =>
    (await api.post(`${v1(job.tunedModel.endpoint)}:generateContent`, { contents: [{ role: "user", parts: [{ text }] }] })).json
      .candidates[0].content.parts[0].text;
  expect(await ask("7")).toBe("8");
  expect(await ask(" 11 ")).toBe("12");
  expect(await ask("12!")).toBe("13");
});

test.each([
  ["a missing object", null, /does not exist or is not readable/],
  ["invalid JSON", ["{not json"], /line 1 is not valid JSON/],
  ["no contents", [JSON.stringify({ messages: [] })], /line 1 has no "contents" list/],
  ["a bad role", [JSON.stringify({ contents: [{ role: "assistant", parts: [{ text: "x" }] }] })], /role must be "user" or "model"/],
  ["no model turn", [JSON.stringify({ contents: [{ role: "user", parts: [{ text: "x" }] }] })], /at least one "user" and one "model"/],
  ["empty parts", [JSON.stringify({ contents: [{ role: "user", parts: [] }, { role: "model", parts: [{ text: "y" }] }] })], /parts must be a non-empty list/],
  ["an empty file", [""], /holds no examples/],
])("%s: accepted, then JOB_STATE_FAILED with code 3 before running", async (_what, lines, message) => {
  if (lines) writeDataset(dir, "bad.jsonl", lines as string[]);
  const created = await createJob(api, jobBody({}, uri("bad.jsonl")));
  expect(created.state).toBe("JOB_STATE_PENDING");
  const job = await waitForJob(api, created.name);
  expect(job.state).toBe("JOB_STATE_FAILED");
  expect(job.error.code).toBe(3);
  expect(job.error.message).toMatch(message);
  expect(job.startTime).toBeUndefined();
  expect(job.tunedModel).toBeUndefined();
  expect(job.tuningDataStats).toBeUndefined();
});

test("a URI escaping its bucket directory fails the job instead of reading outside it", async () => {
  const job = await waitForJob(api, (await createJob(api, jobBody({}, uri("../outside.jsonl")))).name);
  expect(job.state).toBe("JOB_STATE_FAILED");
});

test("a bucket that is not mapped is accepted without being read", async () => {
  const job = await waitForJob(api, (await createJob(api, jobBody({}, "gs://other-bucket/x.jsonl"))).name);
  expect(job.state).toBe("JOB_STATE_SUCCEEDED");
  expect(emu.control.vertexJobs()[0]).toMatchObject({ datasetRead: false, exampleCount: 16 });
});
