/**
 * `POST /v1beta/tunedModels[?tunedModelId=]`: validates, stores the model in CREATING, starts its simulated
 * job and answers the operation's first form (docs/gemini-api.md: Methods and HTTP bindings, Operations).
 *
 * Check order: body decoding (unknown fields, types, oneofs) -> field violations, all reported together ->
 * base model (unknown: 404 or 400 as configured; not tunable: 400) -> tuned source model -> duplicate id (409).
 */
import { fitFailure } from "../../jobs/failurePlan";
import { hasRole, effectiveRole } from "../access";
import { BaseModel, isTunable, knownBaseModel, maxTemperatureOf } from "../baseModels";
import { ApiError, alreadyExists, badRequestDetail, failedPrecondition, invalidArgument, notFound } from "../../errors";
import { generateModelId, newOperationId, newPermissionId } from "../../ids";
import { decodeMessage } from "../../json/schema";
import { nowMs } from "../../json/timestamps";
import { TUNED_MODEL, TunedModelInput } from "../messages";
import { renderOperation } from "../render";
import { StoredModel } from "../state";
import { planTraining } from "../training";
import { createViolations, tunedModelIdViolations } from "../validation";
import { tunedModelId } from "./lookup";
import { queryParam } from "../../routes/query";
import { GeminiCall, GeminiRoute } from "../half";

/** Largest job the emulator simulates (an emulator guard, not a Google limit): one snapshot per step is kept. */
export const MAX_TOTAL_STEPS = 100000;

/** Base models whose tuned models cannot be tuned further (observed 400 in Oct 2024 for 1.5 Flash). */
const NO_TUNING_ON_TUNED = new Set(["models/gemini-1.5-flash-001-tuning"]);

function qualify(baseModel: string): string {
  return baseModel.startsWith("models/") ? baseModel : `models/${baseModel}`;
}

function unknownBaseModel(call: GeminiCall, name: string): ApiError {
  const message = `Base model ${name} is not found for API version ${call.version}, or is not supported for createTunedModel.`;
  if (call.half.settings.unknownBaseModelStatus === 404) return notFound(message);
  return invalidArgument(message, [{ field: "tuned_model.base_model", description: message }]);
}

function notTunable(name: string): ApiError {
  const message = `Base model ${name} does not support tuning: it does not list createTunedModel in supportedGenerationMethods.`;
  return new ApiError("INVALID_ARGUMENT", message, [
    badRequestDetail([{ field: "tuned_model.base_model", description: message }]),
  ]);
}

interface ResolvedSource {
  baseModel?: string;
  tunedModelSource?: { tunedModel: string; baseModel: string };
  root: BaseModel;
}

function resolveSource(call: GeminiCall, input: TunedModelInput): ResolvedSource {
  const catalog = call.half.catalog();
  if (input.baseModel !== undefined) {
    const name = qualify(input.baseModel);
    const base = catalog.find((m) => m.name === name);
    if (!base) throw unknownBaseModel(call, name);
    if (!isTunable(base)) throw notTunable(name);
    return { baseModel: name, root: base };
  }
  const sourceName = `tunedModels/${tunedModelId(input.tunedModelSource?.tunedModel ?? "")}`;
  const source = call.half.store.model(tunedModelId(sourceName));
  if (!source || !hasRole(effectiveRole(source, call.caller.principal), "READER")) {
    throw notFound(`Source tuned model ${sourceName} does not exist.`);
  }
  if (source.state !== "ACTIVE") {
    throw failedPrecondition(`Source tuned model ${sourceName} is ${source.state}; only an ACTIVE model can be tuned further.`);
  }
  const root = catalog.find((m) => m.name === source.rootBaseModel);
  if (!root || !isTunable(root)) throw notTunable(source.rootBaseModel);
  if (NO_TUNING_ON_TUNED.has(root.name)) {
    throw invalidArgument(`Tuning a tuned model is not supported for base model ${root.name}.`, [
      { field: "tuned_model.tuned_model_source.tuned_model", description: "not supported for this base model" },
    ]);
  }
  return { tunedModelSource: { tunedModel: sourceName, baseModel: root.name }, root };
}

function chooseId(call: GeminiCall, requested: string | undefined, displayName: string | undefined): string {
  if (requested !== undefined) {
    if (call.half.store.model(requested)) throw alreadyExists(`Tuned model tunedModels/${requested} already exists.`);
    return requested;
  }
  for (let attempt = 0; attempt < 10; attempt++) {
    const id = generateModelId(displayName);
    if (!call.half.store.model(id)) return id;
  }
  throw new ApiError("INTERNAL", "Could not generate a unique tuned model id.");
}

/** CreateTunedModel. */
export const createTunedModel: GeminiRoute = {
  name: "tunedModels.create",
  rpc: "google.ai.generativelanguage.v1beta.ModelService.CreateTunedModel",
  method: "POST",
  versions: ["v1beta"],
  pattern: /^tunedModels$/,
  scopes: ["generative-language.tuning"],
  handler: (call) => {
    const input = decodeMessage(call.body(), TUNED_MODEL, "tuned_model") as TunedModelInput;
    const requestedId = queryParam(call.query, "tunedModelId");
    const guessBase = input.baseModel !== undefined ? knownBaseModel(qualify(input.baseModel)) : undefined;
    const violations = [
      ...tunedModelIdViolations(requestedId),
      ...createViolations(input, guessBase ? maxTemperatureOf(guessBase) : 2),
    ];
    if (violations.length > 0) throw invalidArgument(violations.map((v) => v.description).join(" "), violations);

    const source = resolveSource(call, input);
    const maxTemperature = maxTemperatureOf(source.root);
    if (input.temperature !== undefined && input.temperature > maxTemperature) {
      const description = `temperature must be between 0 and ${maxTemperature} for this base model (got ${input.temperature}).`;
      throw invalidArgument(description, [{ field: "tuned_model.temperature", description }]);
    }
    const id = chooseId(call, requestedId, input.displayName);
    const examples = (input.tuningTask?.trainingData?.examples?.examples ?? []).map((e) => ({
      textInput: e.textInput ?? "",
      output: e.output ?? "",
    }));
    const plan = planTraining(
      examples.length,
      input.tuningTask?.hyperparameters ?? {},
      call.half.settings.defaultBatchSizeThreshold,
    );
    if (plan.totalSteps > MAX_TOTAL_STEPS) {
      const description = `This job would take ${plan.totalSteps} steps; the emulator simulates at most ${MAX_TOTAL_STEPS}.`;
      throw invalidArgument(description, [{ field: "tuned_model.tuning_task.hyperparameters.epoch_count", description }]);
    }

    const now = nowMs();
    const failure = call.half.store.takePlannedFailure(id);
    if (failure) fitFailure(failure, 0, plan.totalSteps);
    const model: StoredModel = {
      id,
      ...(source.baseModel ? { baseModel: source.baseModel } : {}),
      ...(source.tunedModelSource ? { tunedModelSource: source.tunedModelSource } : {}),
      rootBaseModel: source.root.name,
      displayName: input.displayName || undefined,
      description: input.description || undefined,
      temperature: input.temperature ?? source.root.temperature,
      topP: input.topP ?? source.root.topP,
      topK: input.topK ?? source.root.topK,
      readerProjectNumbers: input.readerProjectNumbers ?? [],
      state: "CREATING",
      createTimeMs: now,
      updateTimeMs: now,
      // The service reports a start a moment after creation (1 µs here); steps count from the start.
      startTimeMs: now + 0.001,
      hyperparameters: plan.hyperparameters,
      examples,
      ...(call.half.store.newModelAccuracy !== undefined ? { answerAccuracy: call.half.store.newModelAccuracy } : {}),
      job: {
        operationId: newOperationId(),
        totalSteps: plan.totalSteps,
        completedSteps: 0,
        lastStepAtMs: now + 0.001,
        snapshots: [],
        ...(failure ? { failure } : {}),
      },
      permissions: [{ id: newPermissionId(), granteeType: "USER", emailAddress: call.caller.principal, role: "OWNER" }],
    };
    call.half.store.addModel(model);
    return { json: renderOperation(model, "created") };
  },
};
