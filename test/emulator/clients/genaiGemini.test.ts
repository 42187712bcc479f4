/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * Google's own client library, @google/genai (from the npm registry, unchanged), against the emulator with only
 * its base URL (and the API version, see the driver) configured: list base models, create a tuned model, poll
 * it to done, get, list (paged), update, generate, delete.
 *
 * The client runs in a child Node process (genaiDriver.js): its Node transport dispatches through
 * Node's real global undici dispatcher, which jest's sandboxed globals do not expose.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { EmulatorHandle } from "../../../emulator";
import { start } from "../helpers";

let emu: EmulatorHandle;
let out: any;

beforeAll(async () => {
  ({ emu } = await start({ stepMs: 5, strictAuth: true, apiKeys: ["sdk-key"] }));
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [path.join(__dirname, "genaiDriver.js"), emu.url, "sdk-key"],
      { timeout: 30000, cwd: path.join(__dirname, "../../..") },
      (err, so, se) => (err ? reject(new Error(`${err.message}\n${se}`)) : resolve(so)),
    ),
  );
  out = JSON.parse(stdout);
}, 40000);
afterAll(() => emu.close());

test("models.list finds the tunable base models", () => {
  const tunable = out.baseModels.filter((m: any) => m.methods.includes("createTunedModel")).map((m: any) => m.name);
  expect(tunable).toEqual(["models/gemini-1.0-pro-001", "models/gemini-1.5-flash-001-tuning"]);
});

test("tunings.tune as shipped sends no training data (SDK 3.1.0 drops it for the Gemini API): a 400 like the service's", () => {
  expect(out.plainTune.ok).toBe(false);
  expect(out.plainTune.status).toBe(400);
  expect(out.plainTune.message).toContain("tuned_model.tuning_task.training_data");
});

test("tunings.tune (examples via the SDK's extraBody option) creates a model; tunings.get polls it to SUCCEEDED", () => {
  expect(out.tune).toEqual({ name: expect.stringMatching(/^tunedModels\/sdk-model-[a-z0-9]{12}$/), state: "JOB_STATE_QUEUED" });
  expect(out.states.at(-1)).toBe("JOB_STATE_SUCCEEDED");
  expect(out.job).toMatchObject({
    name: out.tune.name,
    baseModel: "models/gemini-1.0-pro-001",
    tunedModel: { model: out.tune.name, endpoint: out.tune.name },
  });
  expect(Date.parse(out.job.endTime)).toBeGreaterThan(Date.parse(out.job.startTime));
});

test("models.get, paged models.list (queryBase: false), models.update and generateContent", () => {
  expect(out.get).toMatchObject({ name: out.tune.name, displayName: "sdk model", tunedModelInfo: { baseModel: "models/gemini-1.0-pro-001" } });
  expect(out.list).toEqual(out.created);
  expect(out.update).toEqual({ description: "updated by the sdk" });
  expect(out.generate).toBe("4");
});

test("models.delete removes it; a later get is a 404", () => {
  expect(out.delete.ok).toBe(true);
  expect(out.getAfterDelete).toMatchObject({ ok: false, status: 404 });
});

test("every SDK call authenticated with its API key header and hit a known route", () => {
  const requests = emu.control.requests();
  expect(requests.length).toBeGreaterThan(10);
  for (const r of requests) {
    expect(r.authKind).toBe("apiKey");
    expect(r.route).not.toBe("unknown");
  }
  const routes = new Set(requests.map((r) => r.route));
  for (const route of ["models.list", "tunedModels.create", "tunedModels.get", "tunedModels.list", "tunedModels.patch", "tunedModels.generateContent", "tunedModels.delete"]) {
    expect(routes).toContain(route);
  }
  expect(requests.filter((r) => r.route === "tunedModels.list")).toHaveLength(2);
});
