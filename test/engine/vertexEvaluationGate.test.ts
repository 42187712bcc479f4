// The quality gate of a VertexTunedModel on the real engine against the emulator: invalid settings fail
// at preview with nothing sent; a passing first create records its scores; a replacement whose candidate
// fails leaves the serving model and endpoint in the stack and in the service (the candidate's model and
// endpoint deleted, or kept on request); a threshold change re-evaluates the serving endpoint in place
// without a new tuning job.
import * as gemini from "../../sdk";
import { expectStepFailure, shownText } from "../reliability/support/stacks";
import { checkFailure } from "./checkFailure";
import { mutatingRequests, plannedOps } from "./geminiStack";
import { createVertexStack, VERTEX_MODEL_TYPE, type VertexStack } from "./vertexStack";

jest.setTimeout(240_000);

const CAPITALS: ReadonlyArray<readonly [string, string]> = [
  ["France", "Paris"],
  ["Japan", "Tokyo"],
  ["Peru", "Lima"],
  ["Kenya", "Nairobi"],
];

interface Settings {
  epochCount: number;
  thresholds: Record<string, number>;
  keepFailedCandidate?: boolean;
}

describe("the evaluation gate of a VertexTunedModel", () => {
  let env: VertexStack;
  let dataset: { uri: string; fingerprint: string };
  let settings: Settings = { epochCount: 2, thresholds: { normalizedMatch: -0.5 } };
  const program = async () => {
    new gemini.VertexTunedModel("capitals", {
      baseModel: "gemini-2.5-flash",
      trainingDataset: dataset,
      hyperparameters: { epochCount: settings.epochCount },
      evaluation: {
        dataset: CAPITALS.map(([textInput, output]) => ({ textInput, output })),
        thresholds: settings.thresholds,
        keepFailedCandidate: settings.keepFailedCandidate,
      },
    });
    return {};
  };
  const models = async () => (await env.stack.stateResources()).filter((r) => r.type === VERTEX_MODEL_TYPE);
  /** Endpoints the emulator still has, with the model each serves. */
  const liveEndpoints = () => env.emulator.control.vertexJobs().flatMap((j) => (j.endpoint ? [String(j.endpoint.name)] : []));

  beforeAll(async () => {
    env = await createVertexStack(program);
    dataset = env.writeDataset("capitals.jsonl", CAPITALS);
  });
  afterAll(async () => env?.dispose());

  it("1. refuses invalid settings at preview with the property path, sending nothing", async () => {
    const failure = await expectStepFailure(env.stack.preview());
    expect(shownText(failure.trace)).toMatch(checkFailure("evaluation.thresholds.normalizedMatch", "must be between 0 and 1"));
    settings = { ...settings, thresholds: {} };
    const empty = await expectStepFailure(env.stack.preview());
    expect(shownText(empty.trace)).toMatch(/evaluation\.thresholds.*set at least one threshold/);
    expect(mutatingRequests(env.emulator)).toEqual([]);
  });

  it("2. a passing first create records each metric's score", async () => {
    settings = { epochCount: 2, thresholds: { normalizedMatch: 0.75 } };
    const up = await env.stack.up();
    expect(shownText(up)).toMatch(/endpoints\/\S+: evaluated 4\/4, normalizedMatch 1\.00 so far/);
    const [model] = await models();
    expect(model.outputs?.evaluation).toMatchObject({ exampleCount: 4, passed: true, scores: { exactMatch: 1, normalizedMatch: 1, contains: 1, jsonValid: 0 } });
  });

  it("3. a failing candidate never replaces the serving endpoint, and its model and endpoint are deleted", async () => {
    const [serving] = await models();
    env.emulator.control.setAnswerAccuracy({ accuracy: 0 });
    settings = { ...settings, epochCount: 3 };
    const preview = await env.stack.preview();
    expect(plannedOps(preview, VERTEX_MODEL_TYPE).capitals).toContain("create-replacement");
    expect(shownText(preview)).toMatch(/the replacement will run an evaluation gate \(4 examples, normalizedMatch >= 0\.75\)/);
    const failure = await expectStepFailure(env.stack.up());
    const shown = shownText(failure.trace);
    expect(shown).toMatch(/failed its evaluation gate: normalizedMatch 0\.00 < threshold 0\.75 over 4 examples; worst examples:/);
    expect(shown).toMatch(/prompt "France": expected "Paris", replied "[^"]*"/);
    const [still, ...others] = await models();
    expect(others).toEqual([]);
    expect(still.id).toBe(serving.id);
    expect(still.outputs?.endpoint).toBe(serving.outputs?.endpoint);
    expect(liveEndpoints()).toEqual([serving.outputs?.endpoint]);
    expect(env.emulator.control.vertexJobsCreated()).toBe(2);
  });

  it("4. with keepFailedCandidate the candidate's endpoint stays in the service, named in the error", async () => {
    const [serving] = await models();
    settings = { ...settings, keepFailedCandidate: true };
    const failure = await expectStepFailure(env.stack.up());
    const candidate = /The candidate (\S+) was kept \(keepFailedCandidate\)/.exec(shownText(failure.trace))?.[1];
    expect(candidate).toMatch(/endpoints\//);
    expect((await models()).map((m) => m.id)).toEqual([serving.id]);
    expect(liveEndpoints().sort()).toEqual([serving.outputs?.endpoint, candidate].sort());
  });

  it("5. a threshold change re-evaluates the serving endpoint in place, never training again", async () => {
    env.emulator.control.setAnswerAccuracy({ accuracy: null });
    const [serving] = await models();
    const jobs = env.emulator.control.vertexJobsCreated();
    settings = { epochCount: 2, thresholds: { exactMatch: 0.5, contains: 0.75 } };
    const up = await env.stack.up();
    expect(plannedOps(up, VERTEX_MODEL_TYPE).capitals).toEqual(["update"]);
    expect(env.emulator.control.vertexJobsCreated()).toBe(jobs);
    const [after] = await models();
    expect(after.id).toBe(serving.id);
    expect(after.outputs?.evaluation).toMatchObject({ passed: true, thresholds: { exactMatch: 0.5, contains: 0.75 } });

    env.emulator.control.setAnswerAccuracy({ model: String(serving.outputs?.endpoint), accuracy: 0 });
    settings = { ...settings, thresholds: { exactMatch: 0.6 } };
    const failure = await expectStepFailure(env.stack.up());
    expect(shownText(failure.trace)).toMatch(/failed its new evaluation gate: exactMatch 0\.00 < threshold 0\.60/);
    const [unchanged] = await models();
    expect(unchanged.outputs?.evaluation).toMatchObject({ thresholds: { exactMatch: 0.5, contains: 0.75 } });
    expect(env.emulator.control.vertexJobsCreated()).toBe(jobs);
    await env.stack.destroy();
  });
});
