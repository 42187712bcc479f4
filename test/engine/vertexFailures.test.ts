// VertexTunedModel when training does not simply succeed, on the real engine: a job that fails reports
// Vertex's error and leaves nothing in state or behind in the emulator; an `up` interrupted while the
// job trains (Ctrl-C) is resumed by the next `up` on the same job, never a second one. Whether the
// cancelling engine records the partial create is a race inside the engine, so both outcomes are checked.
import * as gemini from "../../sdk";
import { previewThenFailingUp, previewThenUp } from "../harness";
import { plannedOps } from "./geminiStack";
import { upInterruptedAt } from "./interruptUp";
import { createVertexStack, VERTEX_MODEL_TYPE, type VertexStack } from "./vertexStack";

jest.setTimeout(180_000);

/** No stack outputs: outputs depending on a failed step make the program's last call reject after the engine is gone. */
const program = (dataset: () => { uri: string; fingerprint: string }) => async () => {
  new gemini.VertexTunedModel("patient", { baseModel: "gemini-2.5-flash", trainingDataset: dataset(), hyperparameters: { epochCount: 4 } });
  return {};
};

const PAIRS: ReadonlyArray<readonly [string, string]> = Array.from({ length: 16 }, (_, i) => [String(i), String(i + 1)] as const);

describe("a Vertex tuning job that fails", () => {
  let env: VertexStack;
  let dataset = { uri: "", fingerprint: "" };
  beforeAll(async () => {
    env = await createVertexStack(program(() => dataset));
    dataset = env.writeDataset("numbers.jsonl", PAIRS);
  });
  afterAll(async () => env?.dispose());

  it("fails up with the job's error, records nothing, and the next up trains anew", async () => {
    env.emulator.control.failVertexJob({ atStep: 2, code: 3, message: "Example 7 exceeds the token limit." });
    const failure = (await previewThenFailingUp(env.stack)).failure.trace;
    const shown = [...failure.outputLines, ...failure.diagnostics.map((d) => d.message)].join("\n");
    expect(shown).toMatch(/tuning job projects\/.+\/tuningJobs\/\d+ ended JOB_STATE_FAILED: INVALID_ARGUMENT: Example 7 exceeds the token limit\./);
    expect((await env.stack.stateResources()).filter((r) => r.type === VERTEX_MODEL_TYPE)).toEqual([]);
    expect(env.emulator.control.vertexJobs().map((j) => [j.job.state, j.model])).toEqual([["JOB_STATE_FAILED", undefined]]);

    const { up: retried } = await previewThenUp(env.stack);
    expect(plannedOps(retried, VERTEX_MODEL_TYPE).patient).toEqual(["create"]);
    expect(env.emulator.control.vertexJobs().map((j) => j.job.state)).toEqual(["JOB_STATE_SUCCEEDED", "JOB_STATE_FAILED"]);
    await env.stack.destroy();
    expect(env.emulator.control.vertexJobs().filter((j) => j.model !== undefined || j.endpoint !== undefined)).toEqual([]);
  });
});

describe("an interrupted Vertex up", () => {
  let env: VertexStack;
  let dataset = { uri: "", fingerprint: "" };
  beforeAll(async () => {
    env = await createVertexStack(program(() => dataset), { stepMs: 1000 });
    dataset = env.writeDataset("numbers.jsonl", PAIRS);
  });
  afterAll(async () => env?.dispose());

  it("keeps the training job and the next up resumes it", async () => {
    const { interrupted, output: first } = await upInterruptedAt(env.stack, /tuning job submitted/);
    expect(interrupted).toBe(true);
    expect(first).toMatch(/the deploy was interrupted while projects\/.+\/tuningJobs\/\d+ was training/);
    const [training] = env.emulator.control.vertexJobs();
    expect(training?.job.state).toMatch(/JOB_STATE_(PENDING|RUNNING)/);

    const recorded = (await env.stack.stateResources()).filter((r) => r.type === VERTEX_MODEL_TYPE);
    const expected = recorded.length === 1
      ? { op: "update", line: /resuming the wait for the tuning job/ }
      : { op: "create", line: /found the job an earlier attempt of this deploy submitted/ };
    if (recorded.length === 1) expect(recorded[0]?.outputs).toEqual(expect.objectContaining({ state: expect.stringMatching(/JOB_STATE_(PENDING|RUNNING)/) }));

    env.emulator.control.setStepMs(10);
    const { up: resumed } = await previewThenUp(env.stack);
    expect(plannedOps(resumed, VERTEX_MODEL_TYPE).patient).toEqual([expected.op]);
    expect(resumed.outputLines.join("\n")).toMatch(expected.line);
    const [model] = (await env.stack.stateResources()).filter((r) => r.type === VERTEX_MODEL_TYPE);
    expect(model?.id).toBe(training?.job.name);
    expect(model?.outputs?.state).toBe("JOB_STATE_SUCCEEDED");
    expect(env.emulator.control.vertexJobsCreated()).toBe(1);
    await env.stack.destroy();
  });
});
