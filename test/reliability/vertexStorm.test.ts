// Throttling storm for Vertex AI: for 20 s, about half of all requests fail (429 with Retry-After, 503 on
// reads, and 503 *after* a tuning job was made: the lost answer a careless retry turns into a second
// job). `pulumi up` of 5 VertexTunedModels must succeed with each model trained by exactly one job.
import * as gemini from "../../sdk";
import { createVertexStack, VERTEX_MODEL_TYPE, type VertexStack } from "../engine/vertexStack";

jest.setTimeout(300_000);

const STORM_MS = 20_000;
const NAMES = Array.from({ length: 5 }, (_, i) => `storm-${i}`);

describe("a throttling storm against Vertex AI", () => {
  let env: VertexStack;
  let datasets: Array<{ uri: string; fingerprint: string }> = [];

  beforeAll(async () => {
    env = await createVertexStack(async () => {
      NAMES.forEach((name, i) => new gemini.VertexTunedModel(name, { baseModel: "gemini-2.5-flash", trainingDataset: datasets[i], hyperparameters: { epochCount: 2 } }));
      return {};
    }, { stepMs: 1000 });
    datasets = NAMES.map((name, i) => env.writeDataset(`${name}.jsonl`, Array.from({ length: 16 }, (_, j) => [`${i}:${j}`, `${j + 1}`] as const)));
  });
  afterAll(async () => env?.dispose());

  it("up succeeds and every model is trained by exactly one job", async () => {
    const lostCreates = env.emulator.control.addFault({ status: 503, route: "vertex.tuningJobs.create", phase: "after", probability: 0.5, seed: 3, durationMs: STORM_MS });
    env.emulator.control.addFault({ status: 429, retryAfterSeconds: 1, probability: 0.25, seed: 11, durationMs: STORM_MS });
    env.emulator.control.addFault({ status: 503, method: "GET", probability: 1 / 3, seed: 12, durationMs: STORM_MS });

    const up = await env.stack.up();

    expect(up.changes).toEqual({ create: 6 });
    const inState = (await env.stack.stateResources()).filter((r) => r.type === VERTEX_MODEL_TYPE);
    expect(inState.map((r) => r.outputs?.state)).toEqual(Array(5).fill("JOB_STATE_SUCCEEDED"));
    const jobs = env.emulator.control.vertexJobs();
    expect(jobs.map((j) => j.job.name).sort()).toEqual(inState.map((r) => r.id).sort());
    expect(env.emulator.control.vertexJobsCreated()).toBe(5);
    // The storm really happened, to reads and writes.
    const statuses = env.emulator.control.requests().map((r) => `${r.method} ${r.status}`);
    expect(statuses.filter((s) => s.endsWith(" 429")).length).toBeGreaterThanOrEqual(3);
    expect(statuses.filter((s) => s === "GET 503").length).toBeGreaterThanOrEqual(3);
    // The storm hit creates after they acted, and the provider found those jobs instead of sending again.
    const hits = env.emulator.control.requests().filter((r) => r.faults?.includes(lostCreates));
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(up.outputLines.join("\n")).toMatch(/the create's answer was lost, but the job exists; using it/);
    await env.stack.destroy();
    expect(env.emulator.control.vertexJobs().filter((j) => j.model !== undefined || j.endpoint !== undefined)).toEqual([]);
  });
});
