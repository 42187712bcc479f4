import type { GeminiApi } from "../gemini/api";
import type { TuningOperation as Operation, TunedModel } from "../gemini/wire";
import type { CheckedTunedModelInputs } from "./inputs";

/**
 * Refuses to take over a model whose source or hyperparameters differ from the inputs: adopting it
 * would make state claim a spec the model was not trained with. (Training data cannot be compared: the
 * API never returns it.)
 */
export function adoptableOrThrow(existing: TunedModel, inputs: CheckedTunedModelInputs): void {
  const mismatches: string[] = [];
  if (inputs.baseModel !== undefined && existing.baseModel !== undefined && existing.baseModel !== inputs.baseModel) {
    mismatches.push(`baseModel is ${existing.baseModel}, not ${inputs.baseModel}`);
  }
  const source = existing.tunedModelSource?.tunedModel;
  if (inputs.sourceModel !== undefined && source !== inputs.sourceModel) {
    mismatches.push(`sourceModel is ${source ?? "unset"}, not ${inputs.sourceModel}`);
  }
  const actual = existing.tuningTask?.hyperparameters ?? {};
  for (const [key, wanted] of Object.entries(inputs.hyperparameters ?? {})) {
    const found = (actual as Record<string, unknown>)[key];
    if (wanted !== undefined && found !== undefined && Number(found) !== wanted) {
      mismatches.push(`hyperparameters.${key} is ${String(found)}, not ${String(wanted)}`);
    }
  }
  if (mismatches.length > 0) {
    throw new Error(
      `${existing.name} already exists with a different spec (${mismatches.join("; ")}); ` +
        "choose another tunedModelId, or delete that model first",
    );
  }
}

/**
 * The operation of a model's tuning job, or undefined when there is nothing to wait for (the model is
 * ACTIVE, whether or not the service still lists its finished operation).
 */
export async function findTrainingOperation(api: GeminiApi, model: TunedModel): Promise<Operation | undefined> {
  if (model.state === "ACTIVE") return undefined;
  const operations = await api.listOperations(model.name);
  const running = operations.find((operation) => !operation.done) ?? operations.at(-1);
  if (running === undefined) throw new Error(`${model.name} is ${model.state ?? "in an unknown state"} but lists no operation to wait for`);
  return running;
}
