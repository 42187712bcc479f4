/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * Fault injection (each kind, matching, counts, probability, expiry, the "after" phase) and the HTTP control
 * API under /emulator/.
 */
import { EmulatorHandle } from "../../emulator";
import { Api, createBody, createModel, start } from "./helpers";

let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => ({ emu, api } = await start({ stepMs: 1000 })));
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

test("429 carries Retry-After, RetryInfo and QuotaFailure, for the next `count` matching requests", async () => {
  const id = emu.control.addFault({ status: 429, count: 2, route: "tunedModels.list", retryAfterSeconds: 7 });
  const first = await api.get("/v1beta/tunedModels");
  expect(first.status).toBe(429);
  expect(first.headers.get("retry-after")).toBe("7");
  expect(first.json.error).toMatchObject({ code: 429, status: "RESOURCE_EXHAUSTED" });
  expect(first.json.error.details).toContainEqual({ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "7s" });
  expect(first.json.error.details.map((d: any) => d["@type"])).toContain("type.googleapis.com/google.rpc.QuotaFailure");
  expect((await api.get("/v1beta/models")).status).toBe(200);
  expect((await api.get("/v1beta/tunedModels")).status).toBe(429);
  expect((await api.get("/v1beta/tunedModels")).status).toBe(200);
  expect(emu.control.faults()).toEqual([]);
  expect(emu.control.requests().filter((r) => r.faults?.includes(id)).map((r) => r.status)).toEqual([429, 429]);
});

test.each([
  [500, "INTERNAL"],
  [503, "UNAVAILABLE"],
  [504, "DEADLINE_EXCEEDED"],
])("status %d answers %s in Google's envelope", async (status, name) => {
  emu.control.addFault({ status, count: 1 });
  const reply = await api.get("/v1beta/models");
  expect(reply.status).toBe(status);
  expect(reply.json.error).toMatchObject({ code: status, status: name });
  expect((await api.get("/v1beta/models")).status).toBe(200);
});

test("latency delays the answer", async () => {
  emu.control.addFault({ latencyMs: 150, count: 1 });
  const started = Date.now();
  expect((await api.get("/v1beta/models")).status).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(140);
});

test("drop closes the connection without an answer; the request is recorded with status 0", async () => {
  emu.control.addFault({ drop: true, count: 1, method: "GET", pathPattern: "^/v1beta/models$" });
  await expect(fetch(`${emu.url}/v1beta/models`)).rejects.toThrow();
  expect((await api.get("/v1beta/models")).status).toBe(200);
  expect(emu.control.requests()[0]).toMatchObject({ route: "models.list", status: 0 });
});

test("method, pathPattern and route narrow what a fault hits", async () => {
  emu.control.addFault({ status: 503, method: "POST" });
  emu.control.addFault({ status: 500, pathPattern: "/permissions$" });
  expect((await api.get("/v1beta/models")).status).toBe(200);
  expect((await api.post("/v1beta/tunedModels", createBody())).status).toBe(503);
  emu.control.clearFaults();
  await createModel(api, createBody(), "target");
  emu.control.addFault({ status: 500, pathPattern: "/permissions$" });
  expect((await api.get("/v1beta/tunedModels/target")).status).toBe(200);
  expect((await api.get("/v1beta/tunedModels/target/permissions")).status).toBe(500);
});

test("probability with a seed gives the same hit pattern every time; 0 never hits, 1 always does", async () => {
  const pattern = async () => {
    emu.control.clearFaults();
    emu.control.addFault({ status: 503, probability: 0.5, seed: 42 });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await api.get("/v1beta/models")).status);
    return statuses;
  };
  const a = await pattern();
  const b = await pattern();
  expect(a).toEqual(b);
  expect(a).toContain(503);
  expect(a).toContain(200);
  emu.control.clearFaults();
  emu.control.addFault({ status: 503, probability: 0 });
  expect((await api.get("/v1beta/models")).status).toBe(200);
  emu.control.clearFaults();
  emu.control.addFault({ status: 503, probability: 1 });
  expect((await api.get("/v1beta/models")).status).toBe(503);
});

test("durationMs expires a fault", async () => {
  emu.control.addFault({ status: 503, durationMs: 300 });
  expect((await api.get("/v1beta/models")).status).toBe(503);
  await new Promise((r) => setTimeout(r, 350));
  expect((await api.get("/v1beta/models")).status).toBe(200);
});

test('phase "after": the create happens, the client sees 503; a retry with the same id gets 409, no second job', async () => {
  emu.control.addFault({ status: 503, count: 1, route: "tunedModels.create", phase: "after" });
  const lost = await api.post("/v1beta/tunedModels?tunedModelId=lost-response", createBody());
  expect(lost.status).toBe(503);
  expect(emu.control.jobsCreated()).toBe(1);
  expect((await api.get("/v1beta/tunedModels/lost-response")).status).toBe(200);
  expect((await api.post("/v1beta/tunedModels?tunedModelId=lost-response", createBody())).status).toBe(409);
  expect(emu.control.jobsCreated()).toBe(1);
  emu.control.addFault({ drop: true, count: 1, route: "tunedModels.create", phase: "after" });
  await expect(fetch(`${emu.url}/v1beta/tunedModels?tunedModelId=dropped-response`, { method: "POST", body: JSON.stringify(createBody()) })).rejects.toThrow();
  expect(emu.control.jobsCreated()).toBe(2);
});

test("removeFault disarms one fault; impossible specs are refused", async () => {
  const id = emu.control.addFault({ status: 500 });
  const other = emu.control.addFault({ latencyMs: 1 });
  emu.control.removeFault(id);
  expect(emu.control.faults().map((f) => f.id)).toEqual([other]);
  expect(() => emu.control.addFault({})).toThrow(RangeError);
  expect(() => emu.control.addFault({ status: 200 })).toThrow(RangeError);
  expect(() => emu.control.addFault({ status: 500, probability: 2 })).toThrow(RangeError);
  expect(() => emu.control.addFault({ status: 500, pathPattern: "(" })).toThrow();
});

describe("the HTTP control API", () => {
  const control = (method: string, path: string, body?: unknown) => api.call(method, `/emulator/${path}`, body);

  test("faults over HTTP, never applied to control routes, which are not recorded", async () => {
    const added = await control("POST", "faults", { status: 503, pathPattern: ".*" });
    expect(added.status).toBe(200);
    expect(typeof added.json.id).toBe("string");
    expect((await control("GET", "faults")).json.faults).toHaveLength(1);
    expect((await control("GET", "health")).json).toEqual({ ok: true });
    expect((await api.get("/v1beta/models")).status).toBe(503);
    expect((await control("DELETE", `faults/${added.json.id}`)).status).toBe(200);
    expect((await api.get("/v1beta/models")).status).toBe(200);
    await control("POST", "faults", { latencyMs: 1 });
    await control("DELETE", "faults");
    expect((await control("GET", "faults")).json.faults).toEqual([]);
    const requests = (await control("GET", "requests")).json.requests;
    expect(requests.map((r: any) => r.path)).toEqual(["/v1beta/models", "/v1beta/models"]);
  });

  test("jobs, models, counters, training, step time, token requests, reset", async () => {
    expect((await control("POST", "jobs/fail", { tunedModelId: "http-failed", atStep: 1 })).status).toBe(200);
    expect((await control("POST", "step-ms", { stepMs: 0 })).status).toBe(200);
    await createModel(api, createBody(), "http-failed");
    const models = (await control("GET", "models")).json.models;
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ model: { name: "tunedModels/http-failed", state: "FAILED" }, exampleCount: 15, jobCount: 1 });
    expect((await control("GET", "counters")).json).toEqual({
      requestsByRoute: { "tunedModels.create": 1 },
      modelsByState: { CREATING: 0, ACTIVE: 0, FAILED: 1 },
    });
    expect((await control("GET", "jobs")).json).toEqual({ jobsCreated: 1 });
    await control("DELETE", "jobs/fail");
    await control("POST", "step-ms", { stepMs: 1000 });
    await control("POST", "training/pause");
    await control("POST", "training/resume");
    expect((await control("GET", "token-requests")).json).toEqual({ tokenRequests: [] });
    expect((await control("DELETE", "requests")).status).toBe(200);
    expect((await control("GET", "requests")).json.requests).toEqual([]);
    expect((await control("POST", "reset")).status).toBe(200);
    expect((await control("GET", "models")).json.models).toEqual([]);
    expect((await control("GET", "jobs")).json).toEqual({ jobsCreated: 0 });
  });

  test("bad control calls: 404 for an unknown route, 400 for a bad body", async () => {
    expect((await control("GET", "nothing-here")).status).toBe(404);
    expect((await control("POST", "faults", { status: 99 })).status).toBe(400);
    expect((await control("POST", "step-ms", { stepMs: "fast" })).status).toBe(400);
    expect((await control("POST", "jobs/fail", { atStep: 0 })).status).toBe(400);
    expect((await control("POST", "faults", "[1, 2]")).status).toBe(400);
  });
});
