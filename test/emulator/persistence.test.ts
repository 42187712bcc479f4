/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * The state file: atomic writes on every change, and a restarted emulator serving the same models and
 * operations with training continuing where it was.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { apiFor, createBody, createModel, pollUntil, start, waitForModel } from "./helpers";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "emulator-state-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("every answered change is already in the file, written without leaving temporary files", async () => {
  const stateFile = path.join(dir, "nested", "state.json");
  const { emu, api } = await start({ stateFile, stepMs: 1000 });
  try {
    await createModel(api, createBody(), "persisted");
    const saved = JSON.parse(readFileSync(stateFile, "utf8"));
    expect(saved.version).toBe(1);
    expect(saved.models.map((m: any) => m.id)).toEqual(["persisted"]);
    expect(saved.jobsCreated).toBe(1);
    await api.patch("/v1beta/tunedModels/persisted?updateMask=description", { description: "saved" });
    expect(JSON.parse(readFileSync(stateFile, "utf8")).models[0].description).toBe("saved");
    expect(readdirSync(path.dirname(stateFile))).toEqual(["state.json"]);
  } finally {
    await emu.close();
  }
});

test("a restarted emulator serves the same models, operations and grants; training continues", async () => {
  const stateFile = path.join(dir, "state.json");
  const first = await start({ stateFile, stepMs: 30 });
  const op = await createModel(first.api, createBody(), "survivor");
  await first.api.post("/v1beta/tunedModels/survivor/permissions", { granteeType: "USER", emailAddress: "r@example.com", role: "READER" });
  const before = await pollUntil(
    () => first.api.get(`/v1beta/${op.name}`),
    (r) => (r.json.metadata.completedSteps ?? 0) >= 3,
  );
  const modelBefore = (await first.api.get("/v1beta/tunedModels/survivor")).json;
  await first.emu.close();

  const second = await startEmulator({ stateFile, stepMs: 5 });
  const api = apiFor(second.url);
  try {
    const resumed = (await api.get(`/v1beta/${op.name}`)).json;
    expect(resumed.name).toBe(op.name);
    expect(resumed.metadata.completedSteps).toBeGreaterThanOrEqual(before.json.metadata.completedSteps);
    expect(resumed.metadata.snapshots.slice(0, 3)).toEqual(before.json.metadata.snapshots.slice(0, 3));
    const model = await waitForModel(api, "tunedModels/survivor");
    expect(model.state).toBe("ACTIVE");
    expect(model.createTime).toBe(modelBefore.createTime);
    expect(model.tuningTask.startTime).toBe(modelBefore.tuningTask.startTime);
    expect(model.tuningTask.snapshots).toHaveLength(19);
    expect((await api.get(`/v1beta/${op.name}`)).json.done).toBe(true);
    expect((await api.get("/v1beta/tunedModels/survivor/permissions")).json.permissions).toHaveLength(2);
    expect(second.control.jobsCreated()).toBe(1);
    expect((await api.post("/v1beta/tunedModels?tunedModelId=survivor", createBody())).status).toBe(409);
    const answer = await api.post("/v1beta/tunedModels/survivor:generateContent", { contents: [{ parts: [{ text: "7" }] }] });
    expect(answer.json.candidates[0].content.parts[0].text).toBe("8");
  } finally {
    await second.close();
  }
});

test("progress made while the emulator was down counts (it is derived from stored timestamps)", async () => {
  const stateFile = path.join(dir, "state.json");
  const first = await start({ stateFile, stepMs: 10 });
  await createModel(first.api, createBody(), "offline-progress");
  await first.emu.close();
  await new Promise((r) => setTimeout(r, 250));
  const second = await startEmulator({ stateFile, stepMs: 10 });
  try {
    const model = (await apiFor(second.url).get("/v1beta/tunedModels/offline-progress")).json;
    expect(model.state).toBe("ACTIVE");
  } finally {
    await second.close();
  }
});

test("planned failures and issued tokens survive a restart", async () => {
  const stateFile = path.join(dir, "state.json");
  const first = await start({ stateFile, strictAuth: true, stepMs: 5 });
  first.emu.control.failJob({ tunedModelId: "fails-later" });
  const tokenReply = await fetch(`${first.emu.url}/emulator/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=refresh_token&refresh_token=r&client_id=c",
  });
  const { access_token: token } = (await tokenReply.json()) as { access_token: string };
  await first.emu.close();
  const second = await startEmulator({ stateFile, strictAuth: true, stepMs: 5 });
  try {
    const api = apiFor(second.url);
    const auth = { authorization: `Bearer ${token}` };
    expect((await api.post("/v1beta/tunedModels?tunedModelId=fails-later", createBody(), auth)).status).toBe(200);
    expect((await waitForModelWith(api, "tunedModels/fails-later", auth)).state).toBe("FAILED");
  } finally {
    await second.close();
  }
});

test("a state file that is not the emulator's is refused, not overwritten", async () => {
  const stateFile = path.join(dir, "state.json");
  writeFileSync(stateFile, "{ not json");
  await expect(startEmulator({ stateFile })).rejects.toThrow(/not valid JSON/);
  writeFileSync(stateFile, JSON.stringify({ something: "else" }));
  await expect(startEmulator({ stateFile })).rejects.toThrow(/not written by this emulator/);
  expect(readFileSync(stateFile, "utf8")).toBe(JSON.stringify({ something: "else" }));
});

async function waitForModelWith(api: ReturnType<typeof apiFor>, name: string, headers: Record<string, string>): Promise<any> {
  return (await pollUntil(() => api.get(`/v1beta/${name}`, headers), (r) => r.status !== 200 || r.json.state !== "CREATING")).json;
}
