/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect the driver's loosely typed JSON report */
/**
 * Google's Python client for the Gemini API, google-generativeai 0.8.6 (pinned in requirements.txt), with
 * `transport="rest"`, unchanged but for its endpoint and credential, against an emulator in strict-auth mode:
 * once with an API key, once with Application Default Credentials (a service-account key). The driver is
 * drivers/generativeai.py; it reports what each library call returned.
 */
import { EmulatorHandle } from "../../../../emulator";
import { start } from "../../helpers";
import { ensurePythonVenv } from "./ensurePythonVenv";
import { runPythonDriver } from "./runPythonDriver";

describe.each(["apiKey", "bearer"] as const)("with %s credentials", (auth) => {
  let emu: EmulatorHandle;
  let report: any;
  beforeAll(async () => {
    await ensurePythonVenv();
    // Steps slow enough for wait_bar() to see the job running.
    ({ emu } = await start({ stepMs: 40, strictAuth: true, apiKeys: ["client-test-key"] }));
    report = await runPythonDriver("generativeai.py", { emulatorUrl: emu.url, input: { auth }, timeoutMs: 120_000 });
  }, 600_000);
  afterAll(() => emu?.close());

  test("list_models finds the tunable base models", () => {
    expect(report.baseModels).toEqual(["models/gemini-1.0-pro-001", "models/gemini-1.5-flash-001-tuning"]);
  });

  test("create_tuned_model with inline examples: the operation's metadata, result() and snapshots", () => {
    expect(report.inline).toEqual({
      first: { name: expect.stringMatching(/^tunedModels\/py-inline\/operations\//), totalSteps: 4, tunedModel: "tunedModels/py-inline" },
      done: true,
      model: { name: "tunedModels/py-inline", state: "ACTIVE", baseModel: "models/gemini-1.5-flash-001-tuning" },
      snapshots: [1, 2, 3, 4].map((step) => ({ step, epoch: 1 })),
      completedPercent: 100,
    });
  });

  test("create_tuned_model from a CSV file, followed with wait_bar()", () => {
    expect(report.csv).toEqual({ state: "ACTIVE", totalSteps: 2, sawProgress: true, lastCompleted: 2 });
  });

  test("create_tuned_model from a JSON file: two epochs in the snapshots", () => {
    expect(report.json).toEqual({
      state: "ACTIVE",
      totalSteps: 4,
      snapshots: [{ step: 1, epoch: 1 }, { step: 2, epoch: 1 }, { step: 3, epoch: 2 }, { step: 4, epoch: 2 }],
    });
  });

  test("get_tuned_model, list_tuned_models(page_size=1) over every page, update_tuned_model", () => {
    expect(report.get).toEqual({ name: "tunedModels/py-inline", state: "ACTIVE", displayName: "py inline", epochCount: 1 });
    expect(report.listPageSize1).toEqual(["tunedModels/py-csv", "tunedModels/py-inline", "tunedModels/py-json"]);
    expect(report.update).toEqual({ description: "updated from python", reread: "updated from python" });
  });

  test("permissions: create, update, get, list, delete", () => {
    expect(report.permissions).toEqual({
      updated: "WRITER",
      got: "WRITER",
      listed: ["USER:OWNER", "USER:WRITER"],
      afterDelete: ["USER:OWNER"],
    });
  });

  test("generate_content, plain and streamed (one JSON array over REST)", () => {
    expect(report.generate).toEqual({ text: "4", finishReason: "STOP" });
    expect(report.stream).toEqual({ chunks: 1, text: "6" });
  });

  test("errors arrive as the library's NotFound, Conflict (ALREADY_EXISTS) and BadRequest (INVALID_ARGUMENT)", () => {
    expect(report.notFound).toEqual({ type: "NotFound", code: 404, status: "NOT_FOUND" });
    expect(report.alreadyExists).toEqual({ type: "Conflict", code: 409, status: "ALREADY_EXISTS" });
    expect(report.invalidArgument).toEqual({ type: "BadRequest", code: 400, status: "INVALID_ARGUMENT" });
    expect(report.delete).toEqual({ gone: true });
  });

  test(`every call hit a known route with ${auth === "apiKey" ? "the API key" : "a bearer token"}`, () => {
    const requests = emu.control.requests();
    expect(requests.length).toBeGreaterThan(20);
    for (const r of requests) {
      expect(r.route).not.toBe("unknown");
      expect(r.authKind).toBe(auth);
    }
    expect(requests.filter((r) => r.query["$alt"] === "json;enum-encoding=int").length).toBeGreaterThan(15);
  });
});
