/**
 * The seed example: Google's "number generator" tuning tutorial as a Pulumi stack. The model learns to
 * answer with the next number, whatever way the number is written.
 *
 * Every new model must pass a quality gate before it serves: it answers a few of the tutorial's prompts
 * and replaces the serving model only when at least `minExactMatch` (default 0.9) of its answers are exact.
 *
 * Stack settings (all optional): `displayName`, `epochCount`, `minExactMatch`, and the connection settings
 * `gemini:apiKey` (secret), `gemini:project`, `gemini:baseUrl` (an emulator's URL to run offline).
 */
import * as pulumi from "@pulumi/pulumi";
import * as gemini from "pulumi-gemini-tuning";

const config = new pulumi.Config();

const model = new gemini.TunedModel("number-generator", {
  baseModel: "models/gemini-1.5-flash-001-tuning",
  displayName: config.get("displayName") ?? "number generator",
  hyperparameters: { epochCount: config.getNumber("epochCount") ?? 5, batchSize: 2, learningRate: 0.001 },
  trainingData: gemini.Dataset.inline([
    { textInput: "1", output: "2" },
    { textInput: "3", output: "4" },
    { textInput: "-3", output: "-2" },
    { textInput: "twenty two", output: "twenty three" },
    { textInput: "two hundred", output: "two hundred one" },
    { textInput: "ninety nine", output: "one hundred" },
    { textInput: "8", output: "9" },
    { textInput: "-98", output: "-97" },
    { textInput: "1,000", output: "1,001" },
    { textInput: "10,100,000", output: "10,100,001" },
    { textInput: "thirteen", output: "fourteen" },
    { textInput: "eighty", output: "eighty one" },
    { textInput: "one", output: "two" },
    { textInput: "three", output: "four" },
    { textInput: "seven", output: "eight" },
  ]),
  evaluation: {
    dataset: [
      { textInput: "1", output: "2" },
      { textInput: "twenty two", output: "twenty three" },
      { textInput: "ninety nine", output: "one hundred" },
      { textInput: "-98", output: "-97" },
      { textInput: "1,000", output: "1,001" },
      { textInput: "thirteen", output: "fourteen" },
      { textInput: "eighty", output: "eighty one" },
      { textInput: "seven", output: "eight" },
    ],
    thresholds: { exactMatch: config.getNumber("minExactMatch") ?? 0.9 },
  },
});

/** `tunedModels/<id>`: use it as the model name in generateContent calls. */
export const modelName = model.name;
/** ACTIVE once training finished. */
export const state = model.state;
/** Mean loss of the last training step. */
export const finalMeanLoss = model.finalMeanLoss;
/** How the serving model scored in its evaluation gate. */
export const evaluationScores = model.evaluation.apply((evaluation) => evaluation?.scores);
