/* eslint-disable @typescript-eslint/no-explicit-any -- the driver's report is inspected loosely */
/**
 * Google's generated Node client for Vertex AI, `@google-cloud/aiplatform` (its v1 and its v1beta1 clients,
 * REST transport), against a strict-auth emulator: a tuning job's whole life and the errors the client maps
 * (driver: node/drivers/aiplatformLifecycle.mts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EmulatorHandle, startEmulator } from "../../../emulator";
import { exampleLine, writeDataset } from "../vertexHelpers";
import { runNodeDriver } from "./node/runNodeDriver";

const PROJECT = "aiplatform-client";
const NUMBERED = /^projects\/\d+\/locations\/us-central1\//;

describe.each(["v1", "v1beta1"] as const)("%s clients", (version) => {
  let emu: EmulatorHandle;
  let bucketDir: string;
  let out: any;

  beforeAll(async () => {
    bucketDir = mkdtempSync(path.join(tmpdir(), "aiplatform-bucket-"));
    writeDataset(bucketDir, "numbers.jsonl", Array.from({ length: 12 }, (_, i) => exampleLine(String(i + 1), String(i + 2))));
    emu = await startEmulator({ stepMs: 5, strictAuth: true, vertex: { gcsBuckets: { "client-data": bucketDir } } });
    out = await runNodeDriver("aiplatformLifecycle.mts", {
      emulatorUrl: emu.url,
      project: PROJECT,
      input: { trainingDatasetUri: "gs://client-data/numbers.jsonl", version },
    });
  }, 120_000);
  afterAll(async () => {
    await emu?.close();
    rmSync(bucketDir, { recursive: true, force: true });
  });

  test("createTuningJob answers the job, named with the project number, and echoes the enum it was sent", () => {
    expect(out.created).toEqual({
      name: expect.stringMatching(/^projects\/\d+\/locations\/us-central1\/tuningJobs\/\d+$/),
      state: "JOB_STATE_PENDING",
      adapterSize: "ADAPTER_SIZE_FOUR",
    });
  });

  test("listTuningJobs pages one job at a time, newest first, and auto-pagination joins the pages", () => {
    expect(out.pages).toEqual([[out.second], [out.created.name]]);
    expect(out.all).toEqual([out.second, out.created.name]);
  });

  test("cancelTuningJob ends a job as JOB_STATE_CANCELLED with error code 1", () => {
    expect(out.cancelled).toEqual({ state: "JOB_STATE_CANCELLED", errorCode: 1 });
  });

  test("a succeeded job names its model version (@1) and its endpoint; getModel and listModels find the model", () => {
    expect(out.job.state).toBe("JOB_STATE_SUCCEEDED");
    expect(out.job.model).toMatch(/^projects\/\d+\/locations\/us-central1\/models\/\d+@1$/);
    expect(out.job.endpoint).toMatch(/^projects\/\d+\/locations\/us-central1\/endpoints\/\d+$/);
    expect(out.model).toEqual({ name: out.job.model.replace(/@1$/, ""), versionId: "1" });
    expect(out.listedModels).toEqual([out.model.name]);
  });

  test("getEndpoint shows the model deployed; generateContent and its REST stream on the endpoint answer from the dataset", () => {
    expect(out.endpoint.name).toBe(out.job.endpoint);
    expect(out.endpoint.deployed).toEqual([{ id: expect.any(String), model: out.model.name }]);
    // Two epochs: the first checkpoint is served on an endpoint of its own, which the driver retires too.
    expect(out.checkpointEndpoints).toBe(1);
    expect(out.answer).toEqual({ text: "4", finishReason: "STOP" });
    expect(out.streamed).toEqual(["6"]);
  });

  test("undeployModel, deleteEndpoint and deleteModel return operations named under their resource; op.promise() resolves", () => {
    expect(out.undeploy).toEqual({ operation: expect.stringMatching(new RegExp(`^${out.job.endpoint}/operations/\\d+$`)), done: true, deployedAfter: 0 });
    expect(out.deleteEndpoint).toEqual({ operation: expect.stringMatching(new RegExp(`^${out.job.endpoint}/operations/\\d+$`)), done: true, getAfter: 5 });
    expect(out.deleteModel).toEqual({ operation: expect.stringMatching(new RegExp(`^${out.model.name}/operations/\\d+$`)), done: true, getAfter: 5 });
  });

  test("the client maps the emulator's errors: NOT_FOUND (5), INVALID_ARGUMENT (3), UNAUTHENTICATED (16)", () => {
    expect(out.errors).toEqual({ notFound: 5, invalidArgument: 3, unauthenticated: 16 });
  });

  test("every name the client was given carries a project number, never the project id", () => {
    for (const name of [out.created.name, out.second, out.job.model, out.job.endpoint, out.undeploy.operation]) {
      expect(name).toMatch(NUMBERED);
      expect(name).not.toContain(PROJECT);
    }
  });

  test("the client asks for numeric enums on every service call, and reads the numbers back as enum names", () => {
    // Its operations client (polling GetOperation) sends no $alt.
    const calls = emu.control.requests().filter((r) => r.route.startsWith("vertex.") && r.route !== "vertex.operations.get");
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.filter((r) => r.query["$alt"] !== "json;enum-encoding=int").map((r) => [r.route, r.query])).toEqual([]);
    expect(out.created.state).toBe("JOB_STATE_PENDING");
    expect(out.cancelled.state).toBe("JOB_STATE_CANCELLED");
    expect(out.answer.finishReason).toBe("STOP");
  });

  test(`every service call goes to /${version}/`, () => {
    const calls = emu.control.requests().filter((r) => r.route.startsWith("vertex.") && r.route !== "vertex.operations.get");
    expect(calls.filter((r) => !r.path.startsWith(`/${version}/`)).map((r) => r.path)).toEqual([]);
  });

  test("op.promise() polls GetOperation under its first binding, /ui/, by the name the operation was returned with", () => {
    const polls = emu.control.requests().filter((r) => r.route === "vertex.operations.get");
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((r) => r.path.startsWith("/ui/projects/") && r.status === 200)).toBe(true);
  });

  test("strict auth accepts the client's self-signed service-account JWT: no token request is made", () => {
    const calls = emu.control.requests().filter((r) => r.route.startsWith("vertex."));
    expect(calls.filter((r) => r.status === 401)).toHaveLength(1);
    expect(calls.filter((r) => r.status !== 401).every((r) => r.authKind === "bearer")).toBe(true);
    expect(emu.control.tokenRequests()).toEqual([]);
  });
});
