/**
 * Helpers for the Vertex AI emulator tests: paths under one project and location, a valid create body,
 * JSONL datasets in a temporary bucket directory, and waiting for a job to finish.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { vertexProjectNumber } from "../../emulator/vertex/projects";
import { Api, pollUntil } from "./helpers";

/** The number the emulator reports for the tests' project id, `test-project`. */
export const PROJECT_NUMBER = vertexProjectNumber("test-project");

/** `projects/{number}/locations/us-central1`: how returned names begin. */
export const NUMBERED_PARENT = `projects/${PROJECT_NUMBER}/locations/us-central1`;

/** `/v1/projects/p/locations/l` of the tests. */
export const V = "/v1/projects/test-project/locations/us-central1";

/** A valid CreateTuningJob body. */
export function jobBody(overrides: Record<string, unknown> = {}, uri = "gs://unmapped-bucket/train.jsonl"): Record<string, unknown> {
  return {
    baseModel: "gemini-2.5-flash",
    tunedModelDisplayName: "number generator",
    supervisedTuningSpec: { trainingDatasetUri: uri, hyperParameters: { epochCount: 2 } },
    ...overrides,
  };
}

/** One Vertex JSONL line: a user turn answered by a model turn. */
export function exampleLine(input: string, output: string): string {
  return JSON.stringify({
    contents: [
      { role: "user", parts: [{ text: input }] },
      { role: "model", parts: [{ text: output }] },
    ],
  });
}

/** Writes `lines` as `dir/object` (creating folders). */
export function writeDataset(dir: string, object: string, lines: string[]): void {
  const file = path.join(dir, object);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/** Creates a job and returns its JSON (fails the test on a non-200). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- job JSON is inspected loosely
export async function createJob(api: Api, body: Record<string, unknown> = jobBody()): Promise<any> {
  const reply = await api.post(`${V}/tuningJobs`, body);
  if (reply.status !== 200) throw new Error(`create failed: ${reply.status} ${reply.text}`);
  return reply.json;
}

/** Polls a job until it is no longer PENDING or RUNNING; returns its JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- job JSON is inspected loosely
export async function waitForJob(api: Api, name: string): Promise<any> {
  const reply = await pollUntil(
    () => api.get(`/v1/${name}`),
    (r) => r.status !== 200 || !["JOB_STATE_PENDING", "JOB_STATE_RUNNING"].includes(r.json.state),
  );
  return reply.json;
}

/** Path of a resource name (`projects/...`) under `/v1/`. */
export function v1(name: string): string {
  return `/v1/${name}`;
}
