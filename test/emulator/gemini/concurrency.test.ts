/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * 200 concurrent requests over loopback, each answered correctly (bounded in count and time).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EmulatorHandle } from "../../../emulator";
import { Api, createBody, createModel, numberExamples, start } from "../helpers";

let emu: EmulatorHandle;
let api: Api;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "emulator-concurrency-"));
  ({ emu, api } = await start({ stepMs: 5, stateFile: path.join(dir, "state.json") }));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

test("200 mixed concurrent requests (creates, gets, lists, patches, operations) all answer correctly", async () => {
  for (let i = 0; i < 25; i++) await createModel(api, createBody({ displayName: `seed ${i}` }), `seed-${i}`);
  const started = Date.now();
  const body = (i: number) => createBody({ tuningTask: { hyperparameters: { epochCount: 1 }, trainingData: { examples: { examples: numberExamples(4) } } }, displayName: `c ${i}` });
  const tasks: Promise<[string, number, any]>[] = [];
  for (let i = 0; i < 200; i++) {
    const seed = `seed-${i % 25}`;
    let request: Promise<{ status: number; json: any }>;
    let kind: string;
    switch (i % 5) {
      case 0:
        kind = "create";
        request = api.post(`/v1beta/tunedModels?tunedModelId=concurrent-${i}`, body(i));
        break;
      case 1:
        kind = "get";
        request = api.get(`/v1beta/tunedModels/${seed}`);
        break;
      case 2:
        kind = "list";
        request = api.get("/v1beta/tunedModels?pageSize=1000");
        break;
      case 3:
        kind = "patch";
        request = api.patch(`/v1beta/tunedModels/${seed}?updateMask=description`, { description: `patch ${i}` });
        break;
      default:
        kind = "operations";
        request = api.get(`/v1/tunedModels/${seed}/operations`);
    }
    tasks.push(request.then((r) => [kind, r.status, r.json]));
  }
  const results = await Promise.all(tasks);
  expect(Date.now() - started).toBeLessThan(15000);
  for (const [kind, status, json] of results) {
    expect([kind, status]).toEqual([kind, 200]);
    if (kind === "create") expect(json.metadata.totalSteps).toBe(1);
    if (kind === "get") expect(json.name).toMatch(/^tunedModels\/seed-\d+$/);
    if (kind === "list") expect(json.tunedModels.length).toBeGreaterThanOrEqual(25);
    if (kind === "patch") expect(json.description).toMatch(/^patch \d+$/);
    if (kind === "operations") expect(json.operations).toHaveLength(1);
  }
  expect(emu.control.jobsCreated()).toBe(65);
  const all = await api.get("/v1beta/tunedModels?pageSize=1000");
  expect(all.json.tunedModels).toHaveLength(65);
  expect(new Set(all.json.tunedModels.map((m: any) => m.name)).size).toBe(65);
});

test("200 concurrent creates of the same id: exactly one is accepted, the rest are 409", async () => {
  const statuses = await Promise.all(
    Array.from({ length: 200 }, () => api.post("/v1beta/tunedModels?tunedModelId=contended", createBody()).then((r) => r.status)),
  );
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(199);
  expect(emu.control.models().filter((m) => m.model.name === "tunedModels/contended")[0].jobCount).toBe(1);
});
