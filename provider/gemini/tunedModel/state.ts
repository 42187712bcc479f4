import { z } from "zod";
import { evaluationStateSchema } from "../../lifecycle/evaluation/report";
import { mergeOutputs, readState, toPropertyMap, tolerant } from "../../lifecycle/state";
import { timeoutsStateSchema } from "../../lifecycle/timeouts";
import type { TunedModel, TuningOperation } from "../wire";
import { withoutMarker } from "./creationMarker";
import { MUTABLE_FIELDS, type CheckedTunedModelInputs } from "./inputs";

/**
 * At most this many snapshots are kept in state: enough to see the loss curve's trend, small enough that a
 * model costs under 8 KB of state (the service keeps every step's snapshot for anyone who needs them all).
 */
const MAX_SNAPSHOTS_IN_STATE = 10;

const compactSnapshotSchema = z.object({ step: z.number(), epoch: z.number().optional(), meanLoss: z.number().optional() });

/** A training step as kept in outputs. */
export type CompactSnapshot = z.infer<typeof compactSnapshotSchema>;

const hyperparameters = z.object({
  epochCount: z.number().optional(),
  batchSize: z.number().optional(),
  learningRate: z.number().optional(),
  learningRateMultiplier: z.number().optional(),
});

/**
 * The recorded state of a `TunedModel`, as a tolerant schema that reads the outputs of every version
 * (0.1.0 included): each field that has an unexpected shape reads as absent, unknown keys pass through.
 * The output keys are those 0.1.0 wrote and must stay: existing stacks hold them.
 */
export const tunedModelStateSchema = z.looseObject({
  // Inputs the provider needs later (diff receives old outputs, not old inputs); never the API key.
  resourceName: tolerant(z.string()),
  autonameSeed: tolerant(z.string()),
  tunedModelId: tolerant(z.string()),
  autonamed: tolerant(z.boolean()),
  sourceModel: tolerant(z.string()),
  hyperparameters: tolerant(hyperparameters),
  trainingData: tolerant(z.object({ kind: z.string(), fingerprint: z.string().optional(), exampleCount: z.number().optional() })),
  adoptExisting: tolerant(z.boolean()),
  project: tolerant(z.string()),
  baseUrl: tolerant(z.string()),
  timeouts: tolerant(timeoutsStateSchema),
  // What the service reports.
  name: tolerant(z.string()),
  state: tolerant(z.string()),
  createTime: tolerant(z.string()),
  updateTime: tolerant(z.string()),
  startTime: tolerant(z.string()),
  completeTime: tolerant(z.string()),
  baseModel: tolerant(z.string()),
  displayName: tolerant(z.string()),
  description: tolerant(z.string()),
  temperature: tolerant(z.number()),
  topP: tolerant(z.number()),
  topK: tolerant(z.number()),
  readerProjectNumbers: tolerant(z.array(z.string())),
  effectiveHyperparameters: tolerant(hyperparameters),
  totalSteps: tolerant(z.number()),
  finalMeanLoss: tolerant(z.number()),
  snapshots: tolerant(z.array(compactSnapshotSchema)),
  exampleCount: tolerant(z.number()),
  datasetFingerprint: tolerant(z.string()),
  operationName: tolerant(z.string()),
  // The quality gate and how the model scored (written by the gate, not by the service).
  evaluation: tolerant(evaluationStateSchema),
});

/** A `TunedModel`'s recorded state (its outputs). */
export type TunedModelState = z.output<typeof tunedModelStateSchema>;

/** Reads recorded outputs (olds, props); never throws. */
export function readTunedModelState(recorded: Record<string, unknown>): TunedModelState {
  return readState(tunedModelStateSchema, recorded);
}

/**
 * The resource's outputs: every input the provider needs later, minus credentials, plus what the service
 * reports. Mutable fields hold the service's actual values, so an out-of-band edit shows as drift.
 */
export function tunedModelOutputs(
  inputs: CheckedTunedModelInputs,
  model: TunedModel,
  operation?: Pick<TuningOperation, "name" | "metadata">,
): Record<string, unknown> {
  // The evaluation output is the gate's report, written by the gate; the input (with its examples) is not kept.
  const { apiKey: _secret, trainingData, evaluation: _gate, ...kept } = inputs;
  const state = {
    ...kept,
    // The inputs already hold inline examples; outputs need only what diff compares.
    trainingData: trainingData === undefined ? undefined : datasetReference(trainingData),
    exampleCount: trainingData?.exampleCount,
    datasetFingerprint: trainingData?.fingerprint,
    ...reportedState(model, operation, inputs.baseModel),
  } satisfies TunedModelState;
  return toPropertyMap(state);
}

/** What the service reports about the model (and its operation, while there is one), as outputs. */
function reportedState(model: TunedModel, operation: Pick<TuningOperation, "name" | "metadata"> | undefined, declaredBaseModel: string | undefined) {
  const task = model.tuningTask;
  const snapshots = compactSnapshots(task?.snapshots ?? operation?.metadata?.snapshots ?? []);
  return {
    name: model.name,
    tunedModelId: model.name.replace(/^tunedModels\//, ""),
    state: model.state,
    createTime: model.createTime,
    updateTime: model.updateTime,
    startTime: task?.startTime,
    completeTime: task?.completeTime,
    baseModel: model.baseModel ?? model.tunedModelSource?.baseModel ?? declaredBaseModel,
    displayName: model.displayName,
    // A create in progress carries its creation marker there; it is no part of the user's description.
    description: withoutMarker(model.description),
    temperature: model.temperature,
    topP: model.topP,
    topK: model.topK,
    readerProjectNumbers: model.readerProjectNumbers,
    effectiveHyperparameters: task?.hyperparameters,
    totalSteps: operation?.metadata?.totalSteps ?? snapshots.at(-1)?.step,
    finalMeanLoss: model.state === "ACTIVE" ? snapshots.at(-1)?.meanLoss : undefined,
    snapshots,
    operationName: operation?.name,
  } satisfies TunedModelState;
}

/**
 * Outputs after a call that read or changed the model, on top of the recorded ones: keeps what only
 * earlier calls knew (operation name, step count, the recorded inputs) while the model's mutable fields
 * always reflect the service, including fields it no longer has.
 */
export function mergeTunedModelOutputs(previous: Record<string, unknown>, model: TunedModel, inputs?: CheckedTunedModelInputs): Record<string, unknown> {
  const fresh = inputs === undefined ? toPropertyMap(reportedState(model, undefined, readTunedModelState(previous).baseModel)) : tunedModelOutputs(inputs, model);
  return mergeOutputs(previous, fresh, MUTABLE_FIELDS.filter((field) => (field === "description" ? withoutMarker(model.description) : model[field]) === undefined));
}

function datasetReference(dataset: NonNullable<CheckedTunedModelInputs["trainingData"]>): NonNullable<TunedModelState["trainingData"]> {
  if (dataset.kind === "file") return { ...dataset };
  return { kind: dataset.kind, fingerprint: dataset.fingerprint, exampleCount: dataset.exampleCount };
}

/** Evenly thins the snapshot list, always keeping the last one (the final loss). */
export function compactSnapshots(snapshots: ReadonlyArray<{ step?: number; epoch?: number; meanLoss?: number }>): CompactSnapshot[] {
  const all = snapshots.map((s) => ({ step: s.step ?? 0, epoch: s.epoch, meanLoss: float32(s.meanLoss) }));
  if (all.length <= MAX_SNAPSHOTS_IN_STATE) return all;
  const stride = all.length / MAX_SNAPSHOTS_IN_STATE;
  const kept = Array.from({ length: MAX_SNAPSHOTS_IN_STATE - 1 }, (_, i) => all[Math.floor(i * stride)]);
  return [...kept, all[all.length - 1]];
}

/**
 * The service computes losses as float32; printed as doubles they carry 17 digits of noise. Seven
 * significant digits keep every bit of the float32 and a third of the characters.
 */
function float32(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Number(Math.fround(value).toPrecision(7));
}
