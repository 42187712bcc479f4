/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect the driver's loosely typed JSON report */
/**
 * @google/genai in Gemini API mode with its default API version, unchanged but for its base URL and API key.
 * In 3.x that default is v1, whose service config (generativelanguage_v1.yaml and the v1 protos) binds models
 * get/list, generateContent and streamGenerateContent (also on `tunedModels/*`) and the operations, but no
 * tuned-model CRUD: on v1 the SDK can serve a tuned model, not create or read one, and the emulator answers
 * those calls as the service does, with 404. Tuning with this SDK takes `apiVersion: "v1beta"`
 * (genaiGemini.test.ts).
 */
import { EmulatorHandle } from "../../../emulator";
import { createBody, createModel, start, waitForModel } from "../helpers";
import { runNodeDriver } from "./node/runNodeDriver";

let emu: EmulatorHandle;
let report: any;

beforeAll(async () => {
  const started = await start({ stepMs: 1 });
  emu = started.emu;
  await createModel(started.api, createBody(), "genai-default");
  await waitForModel(started.api, "tunedModels/genai-default");
  emu.control.clearRequests();
  report = await runNodeDriver("genaiDefaultVersion.mts", { emulatorUrl: emu.url, input: { model: "tunedModels/genai-default" } });
}, 120_000);
afterAll(() => emu?.close());

test("every call went to /v1/", () => {
  const requests = emu.control.requests();
  expect(requests.length).toBeGreaterThanOrEqual(5);
  expect(requests.every((r) => r.path.startsWith("/v1/"))).toBe(true);
});

test("models.list finds the tunable base models on v1", () => {
  expect(report.baseModels).toEqual(["models/gemini-1.0-pro-001", "models/gemini-1.5-flash-001-tuning"]);
});

test("generateContent and generateContentStream (server-sent events) on the tuned model", () => {
  expect(report.generate).toBe("4");
  expect(report.stream).toEqual({ chunks: 1, text: "6" });
});

test("tuned-model reads and tuning are not bound on v1: 404, as the service answers", () => {
  expect(report.getTunedModel.error.status).toBe(404);
  expect(report.tune.error.status).toBe(404);
  const unbound = emu.control.requests().filter((r) => r.route === "unknown");
  expect(unbound.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v1/tunedModels/genai-default", "POST /v1/tunedModels"]);
});
