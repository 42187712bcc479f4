/* eslint-disable @typescript-eslint/no-explicit-any -- the driver's report is inspected loosely */
/**
 * Google's GenAI SDK for Python, `google-genai` (pinned in requirements.txt), in Vertex AI mode on its default
 * API version (v1beta1), against a strict-auth emulator, with a service-account key whose token URI is the
 * emulator's: tuning jobs and generate_content on the tuned endpoint (driver: drivers/genai_vertex.py).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EmulatorHandle, startEmulator } from "../../../../emulator";
import { vertexProjectNumber } from "../../../../emulator/vertex/projects";
import { exampleLine, writeDataset } from "../../vertexHelpers";
import { ensurePythonVenv } from "./ensurePythonVenv";
import { runPythonDriver } from "./runPythonDriver";

const PROJECT = "python-genai-vertex";
const PARENT = `projects/${vertexProjectNumber(PROJECT)}/locations/us-central1`;

let emu: EmulatorHandle;
let bucketDir: string;
let out: any;

beforeAll(async () => {
  await ensurePythonVenv();
  bucketDir = mkdtempSync(path.join(tmpdir(), "python-genai-bucket-"));
  writeDataset(bucketDir, "numbers.jsonl", Array.from({ length: 12 }, (_, i) => exampleLine(String(i + 1), String(i + 2))));
  emu = await startEmulator({ stepMs: 5, strictAuth: true, vertex: { gcsBuckets: { "python-data": bucketDir } } });
  out = await runPythonDriver("genai_vertex.py", {
    emulatorUrl: emu.url,
    project: PROJECT,
    input: { trainingDatasetUri: "gs://python-data/numbers.jsonl" },
  });
}, 600_000);
afterAll(async () => {
  await emu?.close();
  rmSync(bucketDir, { recursive: true, force: true });
});

test("the SDK speaks v1beta1 with a token from the emulator's token endpoint (strict auth)", () => {
  const calls = emu.control.requests().filter((r) => r.route.startsWith("vertex."));
  expect(calls.length).toBeGreaterThan(5);
  expect(calls.every((r) => r.path.startsWith("/v1beta1/") && r.authKind === "bearer")).toBe(true);
  expect(emu.control.tokenRequests()).toEqual([
    { grantType: "urn:ietf:params:oauth:grant-type:jwt-bearer", scopes: ["https://www.googleapis.com/auth/cloud-platform"] },
  ]);
});

test("tunings.tune creates a job named with the project number; tunings.get polls it to SUCCEEDED", () => {
  expect(out.created).toEqual({ name: expect.stringMatching(new RegExp(`^${PARENT}/tuningJobs/\\d+$`)), state: "JOB_STATE_PENDING" });
  expect(out.job).toEqual({
    state: "JOB_STATE_SUCCEEDED",
    model: expect.stringMatching(new RegExp(`^${PARENT}/models/\\d+@1$`)),
    endpoint: expect.stringMatching(new RegExp(`^${PARENT}/endpoints/\\d+$`)),
  });
});

test("tunings.cancel ends a job as CANCELLED; tunings.list pages one job at a time, newest first", () => {
  expect(out.cancelled).toEqual({ name: expect.any(String), state: "JOB_STATE_CANCELLED", errorCode: 1 });
  expect(out.list.firstPage).toEqual([out.cancelled.name]);
  expect(out.list.all).toEqual([out.cancelled.name, out.created.name]);
  const pages = emu.control.requests().filter((r) => r.route === "vertex.tuningJobs.list");
  expect(pages.map((r) => r.query.pageSize)).toEqual(["1", "1"]);
});

test("models.generate_content and generate_content_stream on the tuned endpoint answer from the dataset; a missing job is NOT_FOUND", () => {
  expect(out.answer).toBe("4");
  expect(out.streamed).toEqual(["6"]);
  expect(out.notFound).toEqual({ code: 404, status: "NOT_FOUND" });
});
