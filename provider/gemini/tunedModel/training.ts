import { isAlreadyExists } from "../../client/apiErrors";
import type { TrainingBackend } from "../../lifecycle/backend";
import type { GeminiApi } from "../api";
import { createTunedModelBody } from "../converters";
import { classifyTuningOperation, operationProgress, progressReporter } from "../operationPoller";
import type { TunedModel, TuningOperation } from "../wire";
import { carriesOwnMarker, describedWithMarker, hasMarker } from "./creationMarker";
import type { CheckedTunedModelInputs } from "./inputs";
import { retiredTuningError } from "./retiredTuning";
import { tunedModelOutputs } from "./state";

/**
 * A Gemini tuning job as the lifecycle sees it: the model it trains (by name, and as last read) and its
 * long-running operation. A model that is ACTIVE already has nothing to wait for and no operation.
 */
export interface GeminiTrainingJob {
  /** `tunedModels/{id}`: the resource id. */
  name: string;
  /** The tuning operation, while there is one to wait for. */
  operation?: TuningOperation;
  /** The model as last read. */
  model?: TunedModel;
}

/**
 * The Gemini API behind the training lifecycle. Its id is always explicit, so the job is submitted first.
 * A 409 is resumed only when the model is provably this resource's own (see {@link ownedOrThrow}): then
 * it is an earlier attempt of this very create (same spec: wait for it) or one left FAILED (removed, then
 * submitted again). A job that fails during create is deleted, because the failed model would hold the
 * id the next attempt needs.
 */
export function geminiTraining(api: GeminiApi): TrainingBackend<CheckedTunedModelInputs, GeminiTrainingJob> {
  return {
    async submitOrResume(inputs) {
      const name = `tunedModels/${inputs.tunedModelId}`;
      if (inputs.adoptExisting) return adopt(api, name, inputs);
      const body = await createTunedModelBody(inputs);
      // An autonamed id is proof enough of ownership (see ownedOrThrow); a chosen one carries a marker.
      if (!inputs.autonamed) body.description = describedWithMarker(inputs);
      try {
        const operation = await api.createTunedModel(body, inputs.tunedModelId);
        console.log(`${name}: tuning job submitted (${operation.metadata?.totalSteps ?? "?"} steps)`);
        return { name, operation };
      } catch (error) {
        if (!isAlreadyExists(error)) throw retiredTuningError(error, inputs.baseModel) ?? error;
      }
      const existing = await api.getTunedModel(name);
      if (existing !== undefined && existing.state !== "FAILED") adoptableOrThrow(existing, inputs);
      if (existing !== undefined) ownedOrThrow(existing, inputs);
      if (existing?.state === "FAILED" || existing === undefined) {
        if (existing !== undefined) await api.deleteTunedModel(name);
        console.log(`${name}: replacing a failed earlier attempt`);
        return { name, operation: await api.createTunedModel(body, inputs.tunedModelId) };
      }
      console.log(`${name}: found the job an earlier attempt started (${existing.state}); waiting for it`);
      return { name, model: existing, operation: await findTrainingOperation(api, existing) };
    },

    async lookUp(id, recorded) {
      const model = await api.getTunedModel(id);
      if (model === undefined) return undefined;
      const operationName = recorded.operationName;
      const operation = typeof operationName === "string" && model.state !== "ACTIVE" ? { name: operationName } : await findTrainingOperation(api, model);
      return { name: id, model, operation };
    },

    resumeLine: (job) => `${job.name}: resuming the wait for its tuning job (${job.model?.state ?? "state unknown"})`,
    idOf: (job) => job.name,
    nameOf: (job) => job.name,
    poll: async (job, signal) => ({ ...job, operation: job.operation && (await api.getOperation(job.operation.name, signal)) }),
    reporter(job) {
      const report = progressReporter(job.name, (line) => console.log(line));
      return (answer) => {
        if (answer.operation !== undefined) report(operationProgress(answer.operation));
      };
    },
    classify: (job) => (job.operation === undefined ? { state: "succeeded" } : classifyTuningOperation(job.operation)),

    async finish(inputs, job) {
      const model = await api.getTunedModel(job.name);
      if (model === undefined) return { failure: `${job.name} disappeared while its tuning job finished` };
      if (model.state === "FAILED") return { failure: `${job.name} ended in state FAILED` };
      return { outs: tunedModelOutputs(inputs, await withoutCreationMarker(api, model, inputs), job.operation) };
    },

    async record(inputs, job, { failed, interrupted }) {
      // When interrupted there is no time for another request: record what is known.
      const fresh = interrupted ? undefined : await api.getTunedModel(job.name).catch(() => undefined);
      const model: TunedModel = fresh ?? job.model ?? { name: job.name, state: failed ? "FAILED" : "CREATING" };
      const operationName = job.operation?.name;
      const outs = tunedModelOutputs(inputs, failed ? { ...model, state: "FAILED" } : model, job.operation);
      if (operationName !== undefined) outs.operationName = operationName;
      return outs;
    },

    failureMessage: (job, reason) => `tuning job ${job.operation?.name ?? job.name} failed: ${reason}`,

    onFailedCreate: {
      action: "delete",
      discard: async (job) => void (await api.deleteTunedModel(job.name)),
      advice: "the failed model was deleted, fix the cause and run `pulumi up` again",
    },

    generate: (outs, prompt, settings, signal) => api.generateText(servedModel(outs), prompt, signal, settings),
    servingName: servedModel,
    discardCandidate: async (job) => void (await api.deleteTunedModel(job.name)),
  };
}

/** The tuned model the outputs describe: it serves generateContent itself. */
function servedModel(outs: Record<string, unknown>): string {
  if (typeof outs.name !== "string") throw new Error("the outputs name no tuned model to evaluate; run `pulumi refresh`");
  return outs.name;
}

/** Takes over a model that already exists (explicit adoption); never creates one. */
async function adopt(api: GeminiApi, name: string, inputs: CheckedTunedModelInputs): Promise<GeminiTrainingJob> {
  const existing = await api.getTunedModel(name);
  if (existing === undefined) {
    throw new Error(`cannot adopt ${name}: it does not exist (adoptExisting never creates a model; remove it to train a new one)`);
  }
  adoptableOrThrow(existing, inputs);
  return { name, model: existing, operation: await findTrainingOperation(api, existing) };
}

/**
 * Refuses to take over a model whose source or hyperparameters differ from the inputs: adopting it
 * would make state claim a spec the model was not trained with. (Training data cannot be compared: the
 * API never returns it.) Numbers are compared at the service's float32 precision, as diff does.
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
    if (wanted !== undefined && found !== undefined && Math.fround(Number(found)) !== Math.fround(wanted)) {
      mismatches.push(`hyperparameters.${key} is ${String(found)}, not ${String(wanted)}`);
    }
  }
  if (mismatches.length > 0) {
    throw new Error(`${existing.name} already exists with a different spec (${mismatches.join("; ")}); choose another tunedModelId, or delete that model first if it is this stack's to replace`);
  }
}

/**
 * Refuses to resume a model this resource cannot show it created: one without this resource's creation
 * marker (see `creationMarker.ts`) may belong to another stack or project that chose the same id, and
 * taking it over would make this stack's `destroy` delete it. An autonamed id is derived from the
 * stack-qualified name, so no other stack computes it; a 0.1.0 create wrote no marker, so its model
 * with an autonamed id is still found.
 */
export function ownedOrThrow(existing: TunedModel, inputs: CheckedTunedModelInputs): void {
  if (inputs.autonamed || carriesOwnMarker(existing, inputs)) return;
  throw new Error(
    `${existing.name} already exists (${existing.state ?? "state unknown"}) and this stack did not create it: it may belong to another stack or ` +
      "project that chose the same tunedModelId. Choose another tunedModelId, or, to manage that model from this stack, set " +
      "`adoptExisting: true` (this stack's `pulumi destroy` then deletes it)",
  );
}

/**
 * Removes the creation marker once the model is ACTIVE by setting the declared description back. Best
 * effort: the model is trained and must be recorded even if this call fails (the marker is stripped from
 * everything read back, so a leftover one shows nowhere in Pulumi).
 */
async function withoutCreationMarker(api: GeminiApi, model: TunedModel, inputs: CheckedTunedModelInputs): Promise<TunedModel> {
  if (!hasMarker(model.description)) return model;
  try {
    return await api.updateTunedModel(model.name, { description: inputs.description ?? "" }, ["description"]);
  } catch (error) {
    console.log(`${model.name}: could not remove the creation marker from its description (${(error as Error).message}); it is harmless`);
    return model;
  }
}

/**
 * The operation of a model's tuning job, or undefined when there is nothing to wait for (the model is
 * ACTIVE, whether or not the service still lists its finished operation).
 */
async function findTrainingOperation(api: GeminiApi, model: TunedModel): Promise<TuningOperation | undefined> {
  if (model.state === "ACTIVE") return undefined;
  const operations = await api.listOperations(model.name);
  const running = operations.find((operation) => !operation.done) ?? operations.at(-1);
  if (running === undefined) throw new Error(`${model.name} is ${model.state ?? "in an unknown state"} but lists no operation to wait for`);
  return running;
}
