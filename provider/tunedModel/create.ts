import { isAlreadyExists } from "../client/httpClient";
import type { GeminiApi } from "../gemini/api";
import { PartialStateError } from "../runtime/partialStateError";
import { shutdownSignal } from "../runtime/shutdownSignal";
import type { TuningOperation as Operation, TunedModel } from "../gemini/wire";
import { awaitTraining, type TrainingOutcome } from "./awaitTraining";
import { createTunedModelBody } from "./createBody";
import type { CheckedTunedModelInputs } from "./inputs";
import { tunedModelOutputs } from "./outputs";
import { adoptableOrThrow, findTrainingOperation } from "./existingModel";
import { geminiApiFor } from "../gemini/clientFor";
import { timeoutMs } from "../lifecycle/timeouts";

/** What `create` returns to the engine. */
export interface TunedModelCreateResult {
  /** `tunedModels/{id}`. */
  id: string;
  /** The resource's outputs. */
  outs: Record<string, unknown>;
}

/**
 * Submits the tuning job and waits until the model is ACTIVE. Idempotent: the id is always explicit, so a
 * create retried after an interruption finds the job it started (HTTP 409) and waits for it instead of
 * training twice. A failed job is deleted and reported; a job still training at the deadline or at an
 * interruption is recorded in state (partial state) so the next `up` resumes waiting.
 */
export async function createTunedModel(inputs: CheckedTunedModelInputs): Promise<TunedModelCreateResult> {
  // From here on an interruption must be reported as partial state, not end the process mid-create.
  shutdownSignal();
  const api = geminiApiFor(inputs);
  const name = `tunedModels/${inputs.tunedModelId}`;
  if (inputs.adoptExisting) return adoptTunedModel(api, name, inputs);

  const body = await createTunedModelBody(inputs);
  let operation: Operation | undefined;
  try {
    operation = await api.createTunedModel(body, inputs.tunedModelId);
    console.log(`${name}: tuning job submitted (${operation.metadata?.totalSteps ?? "?"} steps)`);
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    operation = await resumeExisting(api, name, inputs, body);
  }
  return waitAndFinish(api, name, inputs, operation);
}

/**
 * The id is taken. A model left FAILED by an earlier attempt is removed and the job submitted again; one
 * with the same spec (an earlier attempt of this very create) is waited for; anything else is an error.
 */
async function resumeExisting(
  api: GeminiApi,
  name: string,
  inputs: CheckedTunedModelInputs,
  body: Awaited<ReturnType<typeof createTunedModelBody>>,
): Promise<Operation | undefined> {
  const existing = await api.getTunedModel(name);
  if (existing?.state === "FAILED" || existing === undefined) {
    if (existing !== undefined) await api.deleteTunedModel(name);
    console.log(`${name}: replacing a failed earlier attempt`);
    return api.createTunedModel(body, inputs.tunedModelId);
  }
  adoptableOrThrow(existing, inputs);
  console.log(`${name}: found the job an earlier attempt started (${existing.state}); waiting for it`);
  return findTrainingOperation(api, existing);
}

/** Takes over a model that already exists (explicit adoption); never creates one. */
async function adoptTunedModel(api: GeminiApi, name: string, inputs: CheckedTunedModelInputs): Promise<TunedModelCreateResult> {
  const existing = await api.getTunedModel(name);
  if (existing === undefined) {
    throw new Error(`cannot adopt ${name}: it does not exist (adoptExisting never creates a model; remove it to train a new one)`);
  }
  adoptableOrThrow(existing, inputs);
  return waitAndFinish(api, name, inputs, await findTrainingOperation(api, existing));
}

/** Waits for the job (when there is one) and maps the outcome. Also used by `update` when resuming. */
export async function waitAndFinish(
  api: GeminiApi,
  name: string,
  inputs: CheckedTunedModelInputs,
  operation: Operation | undefined,
): Promise<TunedModelCreateResult> {
  if (operation === undefined) {
    const model = await api.getTunedModel(name);
    if (model === undefined) throw new Error(`${name} disappeared`);
    return { id: name, outs: tunedModelOutputs(inputs, model) };
  }
  return finish(api, name, inputs, operation.name, await awaitTraining(api, operation.name, name, timeoutMs(inputs, "create")));
}

/** Maps how the wait ended onto what the engine should record. */
async function finish(
  api: GeminiApi,
  name: string,
  inputs: CheckedTunedModelInputs,
  operationName: string,
  outcome: TrainingOutcome,
): Promise<TunedModelCreateResult> {
  switch (outcome.kind) {
    case "active":
      return { id: name, outs: tunedModelOutputs(inputs, outcome.model, outcome.operation) };
    case "failed": {
      // Nothing half-made stays behind: the failed model is removed, so state and service agree.
      await api.deleteTunedModel(name).catch(() => undefined);
      throw new Error(`${outcome.message}; the failed model was deleted, fix the cause and run \`pulumi up\` again`);
    }
    case "unfinished": {
      // When interrupted there is no time for another request: record what is known.
      const fresh = shutdownSignal().aborted ? undefined : await api.getTunedModel(name).catch(() => undefined);
      const model: TunedModel = fresh ?? { name, state: "CREATING" };
      const outs = tunedModelOutputs(inputs, model, outcome.operation ?? { name: operationName });
      outs.operationName = operationName;
      throw new PartialStateError(`${outcome.message}; the job keeps training and the next \`pulumi up\` resumes waiting for it`, name, outs);
    }
  }
}
