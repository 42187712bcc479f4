// Step 15 of the lifecycle: invalid arguments fail at `pulumi preview` with the property path in the
// engine's output, and nothing is sent to the service.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { expectStepFailure, shownText } from "../reliability/support/stacks";
import { checkFailure } from "./checkFailure";
import { createGeminiStack, type GeminiStack } from "./geminiStack";

jest.setTimeout(120_000);

const valid: gemini.TunedModelArgs = {
  baseModel: "models/gemini-1.5-flash-001-tuning",
  hyperparameters: { epochCount: 1, batchSize: 5 },
  trainingData: NUMBER_EXAMPLES,
};

describe("invalid arguments fail at preview", () => {
  let env: GeminiStack;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-invalid-"));
    fs.writeFileSync(path.join(dir, "broken.jsonl"), '{"textInput":"1","output":"2"}\n{"textInput": oops}\n');
    env = await createGeminiStack(async () => ({}));
  });
  afterAll(async () => {
    await env?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases: Array<[string, () => gemini.TunedModelArgs, RegExp]> = [
    ["an id that breaks the API's rule", () => ({ ...valid, tunedModelId: "Not_Valid" }), checkFailure("tunedModelId", "must be 1-40 characters")],
    ["a display name over 40 characters", () => ({ ...valid, displayName: "x".repeat(41) }), checkFailure("displayName", "must be at most 40 characters")],
    ["a temperature out of range", () => ({ ...valid, temperature: 3 }), checkFailure("temperature", "must be between 0 and 1")],
    ["both learning-rate fields", () => ({ ...valid, hyperparameters: { learningRate: 0.001, learningRateMultiplier: 2 } }), checkFailure("hyperparameters", "set learningRate or learningRateMultiplier, not both")],
    ["a negative epoch count", () => ({ ...valid, hyperparameters: { epochCount: -1 } }), checkFailure("hyperparameters.epochCount", "must be greater than 0")],
    ["an example output over 5,000 characters", () => ({ ...valid, trainingData: [{ textInput: "a", output: "b".repeat(5001) }] }), checkFailure("trainingData.examples[0]", "the output has 5001 characters")],
    ["an unparsable dataset line", () => ({ ...valid, trainingData: gemini.Dataset.fromJsonl(path.join(dir, "broken.jsonl")) }), checkFailure("trainingData", ".*broken\\.jsonl:2: not valid JSON")],
    ["a missing dataset file", () => ({ ...valid, trainingData: gemini.Dataset.fromCsv(path.join(dir, "nope.csv")) }), checkFailure("trainingData", ".*nope\\.csv: file not found")],
    ["no base model", () => ({ ...valid, baseModel: undefined }), checkFailure("baseModel", "set exactly one of baseModel and sourceModel")],
  ];

  it.each(cases)("%s", async (_what, args, message) => {
    env.stack.setProgram(async () => {
      new gemini.TunedModel("invalid", args());
      return {};
    });
    env.emulator.control.clearRequests();
    const shown = shownText((await expectStepFailure(env.stack.preview())).trace);
    expect(shown).toMatch(message);
    expect(env.emulator.control.requests()).toEqual([]);
  });
});
