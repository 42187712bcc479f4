/**
 * A tuned model trained from a JSON Lines file whose keys are not Google's: the mapping says which key
 * is the input and which the output. Append a line to `data/capitals.jsonl` and `pulumi preview` shows a
 * replacement whose reason is the dataset fingerprint.
 */
import * as gemini from "pulumi-gemini-tuning";

const model = new gemini.TunedModel("capitals", {
  baseModel: "models/gemini-1.5-flash-001-tuning",
  displayName: "capital cities",
  description: "Answers with the capital of a country.",
  temperature: 0.2,
  hyperparameters: { epochCount: 4 },
  trainingData: gemini.Dataset.fromJsonl(`${__dirname}/data/capitals.jsonl`, { input: "question", output: "answer" }),
});

/** `tunedModels/<id>`. */
export const modelName = model.name;
/** Examples the model was trained on. */
export const exampleCount = model.exampleCount;
/** Fingerprint of the training data, the value a replacement preview compares. */
export const datasetFingerprint = model.datasetFingerprint;
