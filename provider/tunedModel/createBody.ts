import { scanDatasetFile, type TuningExample } from "../dataset";
import type { CreateTunedModelBody } from "../gemini/wire";
import type { CheckedTunedModelInputs } from "./inputs";

/**
 * The CreateTunedModel request for the inputs. A file dataset is read again here (its examples are not in
 * state) and must still have the fingerprint the preview showed: training on data nobody reviewed is
 * refused.
 */
export async function createTunedModelBody(inputs: CheckedTunedModelInputs): Promise<CreateTunedModelBody> {
  const examples = await trainingExamples(inputs);
  return {
    displayName: inputs.displayName,
    description: inputs.description,
    ...(inputs.sourceModel !== undefined ? { tunedModelSource: { tunedModel: inputs.sourceModel } } : { baseModel: inputs.baseModel }),
    temperature: inputs.temperature,
    topP: inputs.topP,
    topK: inputs.topK,
    readerProjectNumbers: inputs.readerProjectNumbers,
    tuningTask: {
      hyperparameters: inputs.hyperparameters,
      trainingData: { examples: { examples } },
    },
  };
}

async function trainingExamples(inputs: CheckedTunedModelInputs): Promise<TuningExample[]> {
  const dataset = inputs.trainingData;
  if (dataset === undefined) throw new Error("trainingData is required to create a tuned model");
  if (dataset.kind === "inline") return dataset.examples;
  const scanned = await scanDatasetFile(dataset, { collect: true });
  if (scanned.fingerprint !== dataset.fingerprint) {
    throw new Error(
      `dataset file ${dataset.path} changed since the program read it (fingerprint ${dataset.fingerprint} -> ${scanned.fingerprint}); ` +
        "run `pulumi preview` again to review the new data, then `pulumi up`",
    );
  }
  return scanned.examples ?? [];
}
