/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * The Vertex routes inside the emulator's machinery: OAuth-only strict auth, faults by route name, request
 * recording, injected job failures (in-process and over HTTP), and the state file (round trip, and files
 * written before Vertex support).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { apiFor, start } from "../helpers";
import { createJob, jobBody, V, v1, waitForJob } from "../vertexHelpers";

test("strict auth: API keys are refused (401), tokens need cloud-platform (403), a good token passes", async () => {
  const { emu, api } = await start({ strictAuth: true, apiKeys: ["k"], bearerTokens: ["good"] });
  try {
    const keyed = await api.get(`${V}/tuningJobs`, { "x-goog-api-key": "k" });
    expect(keyed.status).toBe(401);
    expect(keyed.json.error.status).toBe("UNAUTHENTICATED");
    expect(keyed.json.error.message).toMatch(/API keys are not supported by this API/);
    expect(keyed.json.error.details[0].metadata.service).toBe("aiplatform.googleapis.com");
    expect((await api.get(`${V}/tuningJobs`)).status).toBe(401);
    expect((await api.get(`${V}/tuningJobs`, { authorization: "Bearer good", "x-goog-api-key": "k" })).status).toBe(200);
    const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString("base64url");
    const claims = {
      iss: "sa@test-project.iam.gserviceaccount.com",
      scope: "https://www.googleapis.com/auth/generative-language.tuning",
      exp: Math.floor(Date.now() / 1000) + 3600,
    };
    const assertion = `${part({ alg: "RS256" })}.${part(claims)}.c2ln`;
    const token = await fetch(`${emu.url}/emulator/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `grant_type=${encodeURIComponent("urn:ietf:params:oauth:grant-type:jwt-bearer")}&assertion=${assertion}`,
    }).then((r) => r.json() as Promise<any>);
    const scoped = await api.get(`${V}/tuningJobs`, { authorization: `Bearer ${token.access_token}` });
    expect(scoped.status).toBe(403);
    expect(scoped.json.error.message).toBe("Request had insufficient authentication scopes.");
    // The Gemini API routes keep accepting keys.
    expect((await api.get("/v1beta/tunedModels", { "x-goog-api-key": "k" })).status).toBe(200);
  } finally {
    await emu.close();
  }
});

test("strict auth: a self-signed service-account JWT is a bearer token, by scope or by audience, until it expires", async () => {
  const { emu, api } = await start({ strictAuth: true });
  try {
    const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString("base64url");
    const jwt = (claims: object) => `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}.c2ln`;
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const account = { iss: "sa@test-project.iam.gserviceaccount.com", sub: "sa@test-project.iam.gserviceaccount.com" };
    const status = async (token: string) => (await api.get(`${V}/tuningJobs`, { authorization: `Bearer ${token}` })).status;
    expect(await status(jwt({ ...account, scope: "https://www.googleapis.com/auth/cloud-platform", exp }))).toBe(200);
    expect(await status(jwt({ ...account, aud: "https://aiplatform.googleapis.com/", exp }))).toBe(200);
    expect(await status(jwt({ ...account, scope: "https://www.googleapis.com/auth/generative-language.tuning", exp }))).toBe(403);
    expect(await status(jwt({ ...account, scope: "https://www.googleapis.com/auth/cloud-platform", exp: exp - 7200 }))).toBe(401);
    expect(emu.control.tokenRequests()).toEqual([]);
  } finally {
    await emu.close();
  }
});

test("faults apply by Vertex route name; requests are recorded under those names", async () => {
  const { emu, api } = await start({ stepMs: 5 });
  try {
    emu.control.addFault({ route: "vertex.tuningJobs.create", status: 503, count: 1 });
    expect((await api.post(`${V}/tuningJobs`, jobBody())).status).toBe(503);
    const job = await createJob(api);
    await api.get(v1(job.name));
    emu.control.addFault({ route: "vertex.tuningJobs.get", status: 429, count: 1 });
    const limited = await api.get(v1(job.name));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("1");
    const routes = emu.control.requests().map((r) => `${r.route} ${r.status}`);
    expect(routes).toEqual([
      "vertex.tuningJobs.create 503",
      "vertex.tuningJobs.create 200",
      "vertex.tuningJobs.get 200",
      "vertex.tuningJobs.get 429",
    ]);
    expect(emu.control.vertexJobsCreated()).toBe(1);
    expect(emu.control.counters().requestsByRoute["vertex.tuningJobs.get"]).toBe(2);
    expect((await api.call("PUT", `${V}/tuningJobs`)).json.error.message).toBe("Method not found.");
  } finally {
    await emu.close();
  }
});

test("injected failures: the next job, or a running one; also over the HTTP control API", async () => {
  const { emu, api } = await start({ stepMs: 5 });
  try {
    emu.control.failVertexJob({ atStep: 2, code: 8, message: "quota" });
    const failed = await waitForJob(api, (await createJob(api)).name);
    expect(failed).toMatchObject({ state: "JOB_STATE_FAILED", error: { code: 8, message: "quota" } });
    expect(failed.tuningDataStats).toBeDefined();

    emu.control.pauseTraining();
    const running = await createJob(api);
    emu.control.failVertexJob({ tuningJob: running.name });
    emu.control.resumeTraining();
    const second = await waitForJob(api, running.name);
    expect(second.state).toBe("JOB_STATE_FAILED");
    expect(second.error).toEqual({ code: 13, message: "Tuning job failed at step 1: injected failure." });
    expect(() => emu.control.failVertexJob({ tuningJob: "123" })).toThrow(RangeError);

    const posted = await fetch(`${emu.url}/emulator/vertex/jobs/fail`, { method: "POST", body: JSON.stringify({ code: 3 }) });
    expect(posted.status).toBe(200);
    expect((await waitForJob(api, (await createJob(api)).name)).error.code).toBe(3);
    const listed = (await fetch(`${emu.url}/emulator/vertex/jobs`).then((r) => r.json())) as any;
    expect(listed.jobsCreated).toBe(3);
    expect(listed.jobs.map((j: any) => j.job.state)).toEqual(["JOB_STATE_FAILED", "JOB_STATE_FAILED", "JOB_STATE_FAILED"]);
    emu.control.reset();
    expect(emu.control.vertexJobs()).toEqual([]);
  } finally {
    await emu.close();
  }
});

describe("the state file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "vertex-state-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("jobs, models, endpoints and operations survive a restart; running jobs continue", async () => {
    const stateFile = path.join(dir, "state.json");
    const first = await start({ stateFile, stepMs: 5 });
    const done = await waitForJob(first.api, (await createJob(first.api)).name);
    const endpoint = (await first.api.get(v1(done.tunedModel.endpoint))).json;
    const op = (await first.api.post(`${v1(done.tunedModel.endpoint)}:undeployModel`, { deployedModelId: endpoint.deployedModels[0].id })).json;
    first.emu.control.pauseTraining();
    const pending = await createJob(first.api);
    const saved = JSON.parse(readFileSync(stateFile, "utf8"));
    expect(saved.version).toBe(1);
    expect(saved.vertex.jobs).toHaveLength(2);
    expect(saved.vertex.models).toHaveLength(1);
    // The job's endpoint and its first checkpoint's.
    expect(saved.vertex.endpoints).toHaveLength(2);
    expect(saved.vertex.operations).toHaveLength(1);
    await first.emu.close();

    const second = await start({ stateFile, stepMs: 5 });
    try {
      expect((await second.api.get(v1(done.name))).json).toEqual(done);
      expect((await second.api.get(v1(done.tunedModel.model))).json.name).toBe(done.tunedModel.model.replace(/@1$/, ""));
      expect((await second.api.get(v1(op.name))).json.done).toBe(true);
      second.emu.control.resumeTraining();
      expect((await waitForJob(second.api, pending.name)).state).toBe("JOB_STATE_SUCCEEDED");
      expect(second.emu.control.vertexJobsCreated()).toBe(2);
    } finally {
      await second.emu.close();
    }
  });

  test("a state file written before Vertex support still loads, and gains the Vertex collections", async () => {
    const stateFile = path.join(dir, "old.json");
    const old = { version: 1, models: [], jobsCreated: 0, jobsById: {}, pendingFailures: { byId: {}, next: [] }, tokens: [] };
    writeFileSync(stateFile, JSON.stringify(old));
    const { emu, api } = await start({ stateFile, stepMs: 5 });
    try {
      expect((await api.get(`${V}/tuningJobs`)).json).toEqual({});
      expect(emu.control.models()).toEqual([]);
      await createJob(apiFor(emu.url));
      expect(JSON.parse(readFileSync(stateFile, "utf8")).vertex.jobs).toHaveLength(1);
    } finally {
      await emu.close();
    }
  });
});
