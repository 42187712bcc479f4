import { connectionConfigProblems } from "../gemini/connection";
import { datasetFingerprint } from "../dataset";
import { checkFailuresFromZod, type CheckFailure } from "../runtime/checkFailures";
import { containsUnknown, unknownPaths } from "../runtime/unknowns";
import { autoTunedModelId } from "./autoname";
import { tunedModelInputsSchema, type CheckedTunedModelInputs } from "./inputs";

/** What `check` returns to the engine. */
export interface TunedModelCheckResult {
  /** Normalized inputs (with the id and dataset fingerprint filled in), or the news as given on failure. */
  inputs: Record<string, unknown>;
  /** Property paths with reasons; empty when the inputs are valid. */
  failures: CheckFailure[];
}

/**
 * Validates a `TunedModel`'s inputs locally, so invalid arguments fail at `pulumi preview` with the
 * property path and reason and nothing reaches the service. Fills in the id (when autonamed) and the
 * inline dataset's fingerprint and count.
 */
export async function checkTunedModel(news: Record<string, unknown>): Promise<TunedModelCheckResult> {
  const { __provider: _ignored, ...given } = news;
  const parsed = tunedModelInputsSchema.safeParse(given);
  if (!parsed.success) return { inputs: news, failures: checkFailuresFromZod(parsed.error, unknownPaths(given)) };
  const inputs = parsed.data;
  const connectionProblems = connectionConfigProblems(inputs);
  if (connectionProblems.length > 0) return { inputs: news, failures: connectionProblems };

  let trainingData = inputs.trainingData;
  if (trainingData?.kind === "inline" && !containsUnknown(trainingData.examples)) {
    trainingData = { ...trainingData, fingerprint: datasetFingerprint(trainingData.examples), exampleCount: trainingData.examples.length };
  }
  const autonamed = inputs.tunedModelId === undefined;
  const checked = {
    ...inputs,
    trainingData,
    tunedModelId: inputs.tunedModelId ?? autoTunedModelId(inputs, trainingData?.fingerprint),
    autonamed,
  } as CheckedTunedModelInputs;
  return { inputs: dropUndefined(checked), failures: [] };
}

/** Pulumi's property maps cannot hold `undefined`; absent keys are how "not set" travels. */
function dropUndefined<T extends object>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
