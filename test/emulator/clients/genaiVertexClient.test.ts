/* eslint-disable @typescript-eslint/no-explicit-any -- the driver's report is inspected loosely */
/**
 * Google's GenAI SDK for Node, `@google/genai`, in Vertex AI mode on its default API version (v1beta1), against
 * a strict-auth emulator: tuning jobs and generateContent on the tuned endpoint (driver:
 * node/drivers/genaiVertex.mts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EmulatorHandle, startEmulator } from "../../../emulator";
import { exampleLine, writeDataset } from "../vertexHelpers";
import { runNodeDriver } from "./node/runNodeDriver";

const TOKEN = "ya29.genai-vertex-test-token";
let emu: EmulatorHandle;
let bucketDir: string;
let out: any;

beforeAll(async () => {
  bucketDir = mkdtempSync(path.join(tmpdir(), "genai-vertex-bucket-"));
  writeDataset(bucketDir, "numbers.jsonl", Array.from({ length: 12 }, (_, i) => exampleLine(String(i + 1), String(i + 2))));
  emu = await startEmulator({ stepMs: 5, strictAuth: true, bearerTokens: [TOKEN], vertex: { gcsBuckets: { "genai-data": bucketDir } } });
  out = await runNodeDriver("genaiVertex.mts", {
    emulatorUrl: emu.url,
    project: "genai-vertex",
    input: { trainingDatasetUri: "gs://genai-data/numbers.jsonl" },
    env: { EMULATOR_BEARER_TOKEN: TOKEN },
  });
}, 120_000);
afterAll(async () => {
  await emu?.close();
  rmSync(bucketDir, { recursive: true, force: true });
});

test("the SDK speaks v1beta1 to Vertex AI, and strict auth accepts its bearer token", () => {
  const calls = emu.control.requests().filter((r) => r.route.startsWith("vertex."));
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((r) => r.path.startsWith("/v1beta1/"))).toBe(true);
});

test("tunings.tune creates a job named with the project number; tunings.get polls it to SUCCEEDED", () => {
  expect(out.created).toEqual({
    name: expect.stringMatching(/^projects\/\d+\/locations\/us-central1\/tuningJobs\/\d+$/),
    state: "JOB_STATE_PENDING",
  });
  expect(out.job).toEqual({
    state: "JOB_STATE_SUCCEEDED",
    model: expect.stringMatching(/^projects\/\d+\/locations\/us-central1\/models\/\d+@1$/),
    endpoint: expect.stringMatching(/^projects\/\d+\/locations\/us-central1\/endpoints\/\d+$/),
  });
});

test("tunings.cancel ends a job as CANCELLED; tunings.list pages one job at a time, newest first", () => {
  expect(out.cancelled).toEqual({ name: expect.any(String), state: "JOB_STATE_CANCELLED", errorCode: 1 });
  expect(out.list.firstPage).toEqual([out.cancelled.name]);
  expect(out.list.all).toEqual([out.cancelled.name, out.created.name]);
});

test("models.generateContent and generateContentStream (SSE) on the tuned endpoint answer from the dataset; a missing job is a 404", () => {
  expect(out.answer).toBe("4");
  expect(out.streamed).toEqual(["6"]);
  const stream = emu.control.requests().find((r) => r.route === "vertex.endpoints.streamGenerateContent");
  expect(stream?.query.alt).toBe("sse");
  expect(out.errors).toEqual({ notFound: 404 });
});
