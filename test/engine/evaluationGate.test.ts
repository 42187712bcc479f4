// The quality gate on the real engine against the emulator (Gemini API): invalid settings fail at preview
// with nothing sent; a passing first create records its scores; a replacement whose candidate fails
// leaves the serving model in the stack and in the service (the candidate deleted, or kept on request);
// a threshold change re-evaluates the serving model in place without training again.
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { expectStepFailure, shownText } from "../reliability/support/stacks";
import { checkFailure } from "./checkFailure";
import { createGeminiStack, mutatingRequests, plannedOps, TUNED_MODEL_TYPE, type GeminiStack } from "./geminiStack";

jest.setTimeout(240_000);

interface Settings {
  epochCount: number;
  thresholds: Record<string, number>;
  keepFailedCandidate?: boolean;
}

describe("the evaluation gate of a TunedModel", () => {
  let env: GeminiStack;
  let settings: Settings = { epochCount: 2, thresholds: { exactMatch: 2 } };
  const program = async () => {
    new gemini.TunedModel("gated", {
      baseModel: "models/gemini-1.5-flash-001-tuning",
      hyperparameters: { epochCount: settings.epochCount, batchSize: 5 },
      trainingData: NUMBER_EXAMPLES,
      evaluation: { dataset: NUMBER_EXAMPLES, thresholds: settings.thresholds, concurrency: 4, keepFailedCandidate: settings.keepFailedCandidate },
    });
    return {};
  };
  const models = async () => (await env.stack.stateResources()).filter((r) => r.type === TUNED_MODEL_TYPE);

  beforeAll(async () => (env = await createGeminiStack(program)));
  afterAll(async () => env?.dispose());

  it("1. refuses invalid settings at preview with the property path, sending nothing", async () => {
    const failure = await expectStepFailure(env.stack.preview());
    expect(shownText(failure.trace)).toMatch(checkFailure("evaluation.thresholds.exactMatch", "must be between 0 and 1"));
    settings = { ...settings, thresholds: { exactMatsh: 0.9 } };
    const unknown = await expectStepFailure(env.stack.preview());
    expect(shownText(unknown.trace)).toMatch(/evaluation\.thresholds.*unknown metric; the metrics are exactMatch, normalizedMatch, contains, jsonValid/);
    expect(mutatingRequests(env.emulator)).toEqual([]);
  });

  it("2. a passing first create records each metric's score", async () => {
    settings = { epochCount: 2, thresholds: { exactMatch: 0.9 } };
    const up = await env.stack.up();
    expect(shownText(up)).toMatch(/evaluated 15\/15, exactMatch 1\.00 so far/);
    const [model] = await models();
    expect(model.outputs?.evaluation).toMatchObject({ exampleCount: 15, passed: true, thresholds: { exactMatch: 0.9 }, scores: { exactMatch: 1, normalizedMatch: 1, contains: 1, jsonValid: expect.any(Number) } });
    expect(model.outputs?.evaluation).toMatchObject({ failingExamples: [] });
  });

  it("3. a failing candidate never replaces the serving model, and is deleted", async () => {
    const [serving] = await models();
    env.emulator.control.setAnswerAccuracy({ accuracy: 0 });
    settings = { ...settings, epochCount: 3 };
    const preview = await env.stack.preview();
    expect(plannedOps(preview).gated).toContain("create-replacement");
    expect(shownText(preview)).toMatch(/the replacement will run an evaluation gate \(15 examples, exactMatch >= 0\.9\)/);
    const failure = await expectStepFailure(env.stack.up());
    const shown = shownText(failure.trace);
    expect(shown).toMatch(/failed its evaluation gate: exactMatch 0\.00 < threshold 0\.90 over 15 examples; worst examples:/);
    expect(shown).toMatch(/prompt "1": expected "2", replied "[^"]*"/);
    expect(shown).toMatch(/was deleted; the serving model \(if any\) is unchanged/);
    const [still, ...others] = await models();
    expect(others).toEqual([]);
    expect(still.id).toBe(serving.id);
    expect(still.outputs?.name).toBe(serving.outputs?.name);
    expect(env.emulator.control.models().map((m) => m.model.name)).toEqual([serving.id]);
    expect(env.emulator.control.models()[0].model.state).toBe("ACTIVE");
  });

  it("4. with keepFailedCandidate the candidate stays in the service, named in the error", async () => {
    const [serving] = await models();
    settings = { ...settings, keepFailedCandidate: true };
    const failure = await expectStepFailure(env.stack.up());
    const shown = shownText(failure.trace);
    const candidate = /The candidate (tunedModels\/\S+) was kept \(keepFailedCandidate\)/.exec(shown)?.[1];
    expect(candidate).toBeDefined();
    expect(candidate).not.toBe(serving.id);
    expect((await models()).map((m) => m.id)).toEqual([serving.id]);
    expect(env.emulator.control.models().map((m) => m.model.name).sort()).toEqual([serving.id, candidate].sort());
  });

  it("5. a threshold change re-evaluates the serving model in place, never training again", async () => {
    env.emulator.control.setAnswerAccuracy({ accuracy: null });
    const [serving] = await models();
    const jobs = env.emulator.control.jobsCreated();
    settings = { epochCount: 2, thresholds: { exactMatch: 0.8, contains: 0.9 } };
    const up = await env.stack.up();
    expect(plannedOps(up).gated).toEqual(["update"]);
    expect(env.emulator.control.jobsCreated()).toBe(jobs);
    const [after] = await models();
    expect(after.id).toBe(serving.id);
    expect(after.outputs?.evaluation).toMatchObject({ passed: true, thresholds: { exactMatch: 0.8, contains: 0.9 } });

    // The serving model now answers half its prompts wrongly: a stricter gate fails the update, state stays.
    env.emulator.control.setAnswerAccuracy({ model: serving.id, accuracy: 0.3 });
    settings = { ...settings, thresholds: { exactMatch: 0.95 } };
    const failure = await expectStepFailure(env.stack.up());
    expect(shownText(failure.trace)).toMatch(/failed its new evaluation gate: exactMatch 0\.\d\d < threshold 0\.95/);
    const [unchanged] = await models();
    expect(unchanged.outputs?.evaluation).toMatchObject({ thresholds: { exactMatch: 0.8, contains: 0.9 } });
    expect(env.emulator.control.jobsCreated()).toBe(jobs);
    await env.stack.destroy();
  });
});
