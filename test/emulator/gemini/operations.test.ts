/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * The create operation's lifecycle: progress, success, injected failures, cancel (v1 only), the v1 aliases,
 * pause/resume, and what happens to the operation when its model is deleted.
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, createBody, createModel, pollUntil, start, waitForModel } from "../helpers";

const TUNED_MODEL_TYPE = "type.googleapis.com/google.ai.generativelanguage.v1beta.TunedModel";

let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => ({ emu, api } = await start({ stepMs: 5 })));
afterAll(() => emu.close());
beforeEach(() => {
  emu.control.reset();
  emu.control.setStepMs(5);
});

test("progress: completedSteps, completedPercent and one snapshot per step with decreasing loss", async () => {
  emu.control.setStepMs(100);
  const op = await createModel(api, createBody(), "progress");
  const running = await pollUntil(
    () => api.get(`/v1beta/${op.name}`),
    (r) => (r.json.metadata.completedSteps ?? 0) >= 2,
  );
  const meta = running.json.metadata;
  expect(running.json.done).toBeUndefined();
  expect(running.json.response).toBeUndefined();
  expect(meta.completedSteps).toBeLessThan(19);
  expect(meta.completedPercent).toBeCloseTo((100 * meta.completedSteps) / 19, 4);
  expect(meta.snapshots).toHaveLength(meta.completedSteps);
  meta.snapshots.forEach((s: any, i: number) => {
    expect(s.step).toBe(i + 1);
    expect(s.epoch).toBe(Math.floor((i * 4) / 15) + 1);
    if (i > 0) expect(s.meanLoss).toBeLessThan(meta.snapshots[i - 1].meanLoss);
    expect(s.computeTime).toMatch(/Z$/);
  });
  expect(Object.keys(meta)).toEqual(["@type", "totalSteps", "completedSteps", "completedPercent", "snapshots", "tunedModel"]);
});

test("success: done, the typed TunedModel response, ACTIVE model with start/complete times", async () => {
  const op = await createModel(api, createBody(), "succeeds");
  const model = await waitForModel(api, "tunedModels/succeeds");
  expect(model.state).toBe("ACTIVE");
  expect(model.tuningTask.snapshots).toHaveLength(19);
  expect(model.tuningTask.snapshots[18]).toMatchObject({ step: 19, epoch: 5 });
  expect(Date.parse(model.tuningTask.completeTime)).toBeGreaterThan(Date.parse(model.tuningTask.startTime));
  expect(Date.parse(model.tuningTask.startTime)).toBeGreaterThanOrEqual(Date.parse(model.createTime));
  expect(model.updateTime).toBe(model.tuningTask.completeTime);
  const done = (await api.get(`/v1beta/${op.name}`)).json;
  expect(done.done).toBe(true);
  expect(done.error).toBeUndefined();
  expect(done.metadata).toMatchObject({ totalSteps: 19, completedSteps: 19, completedPercent: 100 });
  expect(done.response["@type"]).toBe(TUNED_MODEL_TYPE);
  expect(done.response).toMatchObject({ name: "tunedModels/succeeds", state: "ACTIVE" });
  expect(Object.keys(done)).toEqual(["name", "metadata", "done", "response"]);
  expect(emu.control.counters().modelsByState).toEqual({ CREATING: 0, ACTIVE: 1, FAILED: 0 });
});

test("operations are served on /v1beta and /v1 (get and list)", async () => {
  const op = await createModel(api, createBody(), "aliases");
  const v1beta = await api.get(`/v1beta/${op.name}`);
  const v1 = await api.get(`/v1/${op.name}`);
  expect(v1beta.status).toBe(200);
  expect(v1.status).toBe(200);
  expect(v1.json.name).toBe(op.name);
  for (const version of ["v1beta", "v1"]) {
    const list = await api.get(`/${version}/tunedModels/aliases/operations`);
    expect(list.status).toBe(200);
    expect(list.json.operations.map((o: any) => o.name)).toEqual([op.name]);
  }
  const routes = emu.control.requests().map((r) => r.route);
  expect(routes.filter((r) => r === "operations.get")).toHaveLength(2);
  expect(routes.filter((r) => r === "operations.list")).toHaveLength(2);
});

test("GET /v1/operations (v1's first ListOperations binding) lists every model's operation, paged", async () => {
  const first = await createModel(api, createBody(), "listed-a");
  const second = await createModel(api, createBody(), "listed-b");
  const all = await api.get("/v1/operations");
  expect(all.status).toBe(200);
  expect(all.json.operations.map((o: any) => o.name)).toEqual([first.name, second.name]);
  const page1 = await api.get("/v1/operations?pageSize=1");
  expect(page1.json.operations.map((o: any) => o.name)).toEqual([first.name]);
  const page2 = await api.get(`/v1/operations?pageSize=1&pageToken=${encodeURIComponent(page1.json.nextPageToken)}`);
  expect(page2.json.operations.map((o: any) => o.name)).toEqual([second.name]);
  expect(page2.json.nextPageToken).toBeUndefined();
  expect((await api.get("/v1beta/operations")).status).toBe(404);
});

test("failJob by model id at step k: FAILED model, operation error with the gRPC code, k-1 snapshots", async () => {
  emu.control.failJob({ tunedModelId: "doomed", atStep: 3 });
  const op = await createModel(api, createBody(), "doomed");
  const model = await waitForModel(api, "tunedModels/doomed");
  expect(model.state).toBe("FAILED");
  expect(model.tuningTask.snapshots).toHaveLength(2);
  const failed = (await api.get(`/v1beta/${op.name}`)).json;
  expect(failed.done).toBe(true);
  expect(failed.response).toBeUndefined();
  expect(failed.error).toEqual({ code: 13, message: expect.stringContaining("step 3") });
  expect(failed.metadata.completedSteps).toBe(2);
  expect(emu.control.counters().modelsByState.FAILED).toBe(1);
});

test("failJob for the next job, with a code and message; clearJobFailures disarms it", async () => {
  emu.control.failJob({ next: true, code: 3, message: "bad training data" });
  const first = await createModel(api, createBody(), "first-fails");
  await waitForModel(api, "tunedModels/first-fails");
  expect((await api.get(`/v1beta/${first.name}`)).json.error).toEqual({ code: 3, message: "bad training data" });
  expect((await api.get("/v1beta/tunedModels/first-fails")).json.tuningTask.snapshots).toBeUndefined();

  const second = await createModel(api, createBody(), "second-ok");
  await waitForModel(api, "tunedModels/second-ok");
  expect((await api.get(`/v1beta/${second.name}`)).json.done).toBe(true);
  expect((await api.get("/v1beta/tunedModels/second-ok")).json.state).toBe("ACTIVE");

  emu.control.failJob({});
  emu.control.clearJobFailures();
  await createModel(api, createBody(), "third-ok");
  expect((await waitForModel(api, "tunedModels/third-ok")).state).toBe("ACTIVE");
});

test("failJob on a running job fails it at the next step at the earliest", async () => {
  emu.control.pauseTraining();
  await createModel(api, createBody(), "running");
  emu.control.failJob({ tunedModelId: "tunedModels/running", atStep: 1, code: 14, message: "backend lost" });
  emu.control.resumeTraining();
  const model = await waitForModel(api, "tunedModels/running");
  expect(model.state).toBe("FAILED");
  const op = emu.control.models()[0].operation as any;
  expect(op.error).toEqual({ code: 14, message: "backend lost" });
});

test("pauseTraining holds progress; resumeTraining continues from there", async () => {
  emu.control.setStepMs(10);
  const op = await createModel(api, createBody(), "paused");
  await pollUntil(() => api.get(`/v1beta/${op.name}`), (r) => (r.json.metadata.completedSteps ?? 0) >= 1);
  emu.control.pauseTraining();
  const held = (await api.get(`/v1beta/${op.name}`)).json.metadata.completedSteps ?? 0;
  await new Promise((r) => setTimeout(r, 60));
  expect((await api.get(`/v1beta/${op.name}`)).json.metadata.completedSteps ?? 0).toBe(held);
  expect(emu.control.counters().modelsByState.CREATING).toBe(1);
  emu.control.resumeTraining();
  expect((await waitForModel(api, "tunedModels/paused")).state).toBe("ACTIVE");
});

test("cancel exists on /v1 only: the job stops with CANCELLED (code 1) and the model is FAILED", async () => {
  emu.control.pauseTraining();
  const op = await createModel(api, createBody(), "cancelled");
  const beta = await api.post(`/v1beta/${op.name}:cancel`, {});
  expect(beta.status).toBe(404);
  expect(beta.json.error).toEqual({ code: 404, message: "Method not found.", status: "NOT_FOUND" });
  const v1 = await api.post(`/v1/${op.name}:cancel`, {});
  expect(v1.status).toBe(200);
  expect(v1.json).toEqual({});
  const after = (await api.get(`/v1/${op.name}`)).json;
  expect(after.done).toBe(true);
  expect(after.error.code).toBe(1);
  expect((await api.get("/v1beta/tunedModels/cancelled")).json.state).toBe("FAILED");
  expect((await api.post(`/v1/${op.name}:cancel`, {})).status).toBe(200);
});

test("deleting a CREATING model stops its job and removes its operation", async () => {
  emu.control.pauseTraining();
  const op = await createModel(api, createBody(), "short-lived");
  expect((await api.del("/v1beta/tunedModels/short-lived")).json).toEqual({});
  expect((await api.get(`/v1beta/${op.name}`)).status).toBe(404);
  expect((await api.get("/v1beta/tunedModels/short-lived")).status).toBe(404);
  expect(emu.control.counters().modelsByState.CREATING).toBe(0);
  expect(emu.control.jobsCreated()).toBe(1);
});

test("an unknown operation id under an existing model is a 404", async () => {
  await createModel(api, createBody(), "has-op");
  const reply = await api.get("/v1beta/tunedModels/has-op/operations/notanopid01");
  expect(reply.status).toBe(404);
  expect(reply.json.error.status).toBe("NOT_FOUND");
});

test("stepMs 0 completes jobs at once", async () => {
  emu.control.setStepMs(0);
  const op = await createModel(api, createBody(), "instant");
  expect((await api.get(`/v1beta/${op.name}`)).json.done).toBe(true);
});
