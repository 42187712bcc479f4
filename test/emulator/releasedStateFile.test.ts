/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * A state file written by the released emulator (0.1.0, commit 06ab214) still loads and serves its records:
 * the file format is a promise to users who keep a state file between CI runs.
 *
 * How test/fixtures/emulator-state-0.1.0.json was produced: `git archive 06ab214` into an empty folder, that
 * tree built with its own `tsc -p tsconfig.build.json` (its node_modules were this repository's, whose
 * TypeScript and @types/node are the versions 06ab214 locks), then a script against `dist/emulator` started
 * `startEmulator({ stateFile, stepMs: 1 })` and, over HTTP, created the tuned model `released-model` (2
 * examples "1"->"2", "3"->"4"; 1 epoch, batch size 2), shared it with EVERYONE as READER, created a Vertex
 * tuning job in demo-project/us-central1 on an unmapped bucket, waited until both had succeeded (the job
 * produced its model and endpoint), and closed the emulator. The file is committed as it was written.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EmulatorHandle, VERTEX_FIXED_ANSWER } from "../../emulator";
import { vertexProjectNumber } from "../../emulator/vertex/projects";
import { Api, start } from "./helpers";

const FIXTURE = path.join(__dirname, "..", "fixtures", "emulator-state-0.1.0.json");
const released = JSON.parse(readFileSync(FIXTURE, "utf8"));
const job = released.vertex.jobs[0];
const VERTEX = "/v1/projects/demo-project/locations/us-central1";

let dir: string;
let stateFile: string;
let emu: EmulatorHandle;
let api: Api;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "released-state-"));
  stateFile = path.join(dir, "state.json");
  copyFileSync(FIXTURE, stateFile);
  ({ emu, api } = await start({ stateFile }));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the Gemini tuned model is served as it was: ACTIVE, with its operation done and its grants", async () => {
  const model = await api.get("/v1beta/tunedModels/released-model");
  expect(model.status).toBe(200);
  expect(model.json).toMatchObject({
    name: "tunedModels/released-model",
    displayName: "released model",
    baseModel: "models/gemini-1.5-flash-001-tuning",
    state: "ACTIVE",
    tuningTask: { hyperparameters: { epochCount: 1, batchSize: 2 } },
  });
  expect(model.json.tuningTask.snapshots).toHaveLength(1);
  const op = await api.get(`/v1beta/tunedModels/released-model/operations/${released.models[0].job.operationId}`);
  expect(op.json).toMatchObject({ done: true, response: { name: "tunedModels/released-model", state: "ACTIVE" } });
  const grants = await api.get("/v1beta/tunedModels/released-model/permissions");
  expect(grants.json.permissions.map((p: any) => `${p.granteeType}:${p.role}`).sort()).toEqual(["EVERYONE:READER", "USER:OWNER"]);
});

test("the Gemini tuned model answers from its stored examples", async () => {
  const answer = await api.post("/v1beta/tunedModels/released-model:generateContent", {
    contents: [{ parts: [{ text: "3" }] }],
  });
  expect(answer.status).toBe(200);
  expect(answer.json.candidates[0].content.parts[0].text).toBe("4");
});

test("the Vertex job, its model and its endpoint are served, and the endpoint answers", async () => {
  const got = await api.get(`${VERTEX}/tuningJobs/${job.id}`);
  expect(got.status).toBe(200);
  expect(got.json.state).toBe("JOB_STATE_SUCCEEDED");
  // Served names follow today's emulator: the project number, and the model's version.
  const parent = `projects/${vertexProjectNumber("demo-project")}/locations/us-central1`;
  expect(got.json.tunedModel.model).toBe(`${parent}/models/${job.modelId}@1`);
  expect(got.json.tunedModel.endpoint).toBe(`${parent}/endpoints/${job.endpointId}`);
  const model = await api.get(`${VERTEX}/models/${job.modelId}`);
  expect(model.status).toBe(200);
  expect(model.json.displayName).toBe("released vertex model");
  const endpoint = await api.get(`${VERTEX}/endpoints/${job.endpointId}`);
  expect(endpoint.json.deployedModels).toHaveLength(1);
  const answer = await api.post(`${VERTEX}/endpoints/${job.endpointId}:generateContent`, {
    contents: [{ role: "user", parts: [{ text: "hello" }] }],
  });
  expect(answer.json.candidates[0].content.parts[0].text).toBe(VERTEX_FIXED_ANSWER);
});

test("the file written back keeps the released layout and every released record", async () => {
  await api.patch("/v1beta/tunedModels/released-model?updateMask=description", { description: "touched" });
  const saved = JSON.parse(readFileSync(stateFile, "utf8"));
  expect(Object.keys(saved).sort()).toEqual(Object.keys(released).sort());
  expect(Object.keys(saved.vertex).sort()).toEqual(Object.keys(released.vertex).sort());
  expect(saved.models.map((m: any) => m.id)).toEqual(["released-model"]);
  expect(saved.models[0].description).toBe("touched");
  expect(saved.vertex.jobs.map((j: any) => j.id)).toEqual([job.id]);
  expect(saved.vertex.models.map((m: any) => m.id)).toEqual(released.vertex.models.map((m: any) => m.id));
  expect(saved.vertex.endpoints.map((e: any) => e.id)).toEqual(released.vertex.endpoints.map((e: any) => e.id));
});
