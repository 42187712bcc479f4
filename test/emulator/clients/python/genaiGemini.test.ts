/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect the driver's loosely typed JSON report */
/**
 * Google's Python GenAI SDK, google-genai (pinned in requirements.txt), in Gemini API mode with its default API
 * version, unchanged but for its base URL and API key: generate_content on a tuned model, plain and streamed
 * (server-sent events), and the error it raises for an unknown model. The tuned model is created over HTTP
 * first; the driver is drivers/genai_gemini.py.
 */
import { EmulatorHandle } from "../../../../emulator";
import { createBody, createModel, start, waitForModel } from "../../helpers";
import { ensurePythonVenv } from "./ensurePythonVenv";
import { runPythonDriver } from "./runPythonDriver";

let emu: EmulatorHandle;
let report: any;

beforeAll(async () => {
  await ensurePythonVenv();
  const started = await start({ stepMs: 1, strictAuth: true, apiKeys: ["client-test-key"] });
  emu = started.emu;
  const api = {
    ...started.api,
    post: (p: string, b?: unknown) => started.api.post(p, b, { "x-goog-api-key": "client-test-key" }),
    get: (p: string) => started.api.get(p, { "x-goog-api-key": "client-test-key" }),
  };
  await createModel(api, createBody(), "py-genai");
  await waitForModel(api, "tunedModels/py-genai");
  emu.control.clearRequests();
  report = await runPythonDriver("genai_gemini.py", { emulatorUrl: emu.url, input: { model: "tunedModels/py-genai" } });
}, 600_000);
afterAll(() => emu?.close());

test("the SDK speaks its default version, v1, on which the tuned model's generateContent is bound", () => {
  expect(report.apiVersion).toBe("v1");
  expect(emu.control.requests().every((r) => r.path.startsWith("/v1/tunedModels/"))).toBe(true);
});

test("models.generate_content on the tuned model answers from its examples", () => {
  expect(report.generate).toEqual({ text: "4", finishReason: "STOP" });
});

test("models.generate_content_stream reads the server-sent events", () => {
  expect(report.stream).toEqual({ chunks: 1, text: "6" });
  const streamed = emu.control.requests().find((r) => r.route === "tunedModels.streamGenerateContent");
  expect(streamed?.query.alt).toBe("sse");
});

test("an unknown tuned model is a ClientError 404 NOT_FOUND", () => {
  expect(report.notFound).toEqual({ code: 404, status: "NOT_FOUND" });
});
