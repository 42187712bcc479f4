import type { TuningOperation as Operation, TunedModel } from "../gemini/wire";
import { MUTABLE_FIELDS, type CheckedTunedModelInputs } from "./inputs";

/**
 * At most this many snapshots are kept in state: enough to see the loss curve's trend, small enough that a
 * model costs under 8 KB of state (the service keeps every step's snapshot for anyone who needs them all).
 */
const MAX_SNAPSHOTS_IN_STATE = 10;

/** A training step as kept in outputs. */
export interface CompactSnapshot {
  /** Step number (1-based). */
  step: number;
  /** Epoch of the step (1-based). */
  epoch?: number;
  /** Mean loss at that step. */
  meanLoss?: number;
}

/**
 * The resource's outputs: every input the provider needs later (diff receives old outputs, not old
 * inputs), minus credentials, plus what the service reports. Mutable fields hold the service's actual
 * values, so an out-of-band edit shows as drift.
 */
export function tunedModelOutputs(
  inputs: CheckedTunedModelInputs,
  model: TunedModel,
  operation?: Pick<Operation, "name" | "metadata">,
): Record<string, unknown> {
  const { apiKey: _secret, trainingData, ...kept } = inputs;
  const task = model.tuningTask;
  const snapshots = compactSnapshots(task?.snapshots ?? operation?.metadata?.snapshots ?? []);
  const outputs: Record<string, unknown> = {
    ...kept,
    // The inputs already hold inline examples; outputs need only what diff compares.
    trainingData: trainingData === undefined ? undefined : datasetReference(trainingData),
    name: model.name,
    tunedModelId: model.name.replace(/^tunedModels\//, ""),
    state: model.state,
    createTime: model.createTime,
    updateTime: model.updateTime,
    startTime: task?.startTime,
    completeTime: task?.completeTime,
    baseModel: model.baseModel ?? model.tunedModelSource?.baseModel ?? inputs.baseModel,
    displayName: model.displayName,
    description: model.description,
    temperature: model.temperature,
    topP: model.topP,
    topK: model.topK,
    readerProjectNumbers: model.readerProjectNumbers,
    effectiveHyperparameters: task?.hyperparameters,
    totalSteps: operation?.metadata?.totalSteps ?? lastStep(snapshots),
    finalMeanLoss: model.state === "ACTIVE" ? snapshots.at(-1)?.meanLoss : undefined,
    snapshots,
    exampleCount: inputs.trainingData?.exampleCount,
    datasetFingerprint: inputs.trainingData?.fingerprint,
    operationName: operation?.name,
  };
  return JSON.parse(JSON.stringify(outputs)) as Record<string, unknown>;
}

function datasetReference(dataset: NonNullable<CheckedTunedModelInputs["trainingData"]>): object {
  if (dataset.kind === "file") return dataset;
  return { kind: dataset.kind, fingerprint: dataset.fingerprint, exampleCount: dataset.exampleCount };
}

function lastStep(snapshots: CompactSnapshot[]): number | undefined {
  return snapshots.at(-1)?.step;
}

/** Evenly thins the snapshot list, always keeping the last one (the final loss). */
export function compactSnapshots(
  snapshots: ReadonlyArray<{ step?: number; epoch?: number; meanLoss?: number }>,
): CompactSnapshot[] {
  const all = snapshots.map((s) => ({ step: s.step ?? 0, epoch: s.epoch, meanLoss: float32(s.meanLoss) }));
  if (all.length <= MAX_SNAPSHOTS_IN_STATE) return all;
  const stride = all.length / MAX_SNAPSHOTS_IN_STATE;
  const kept = Array.from({ length: MAX_SNAPSHOTS_IN_STATE - 1 }, (_, i) => all[Math.floor(i * stride)]);
  return [...kept, all[all.length - 1]];
}

/**
 * New outputs on top of previous ones: keeps what only earlier calls knew (operation name, step count)
 * while the model's mutable fields always reflect the service, including fields it no longer has.
 */
export function mergeTunedModelOutputs(
  previous: Record<string, unknown>,
  inputs: CheckedTunedModelInputs,
  model: TunedModel,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...previous, ...tunedModelOutputs(inputs, model) };
  for (const field of MUTABLE_FIELDS) {
    if (model[field] === undefined) delete merged[field];
  }
  return merged;
}

/**
 * The service computes losses as float32; printed as doubles they carry 17 digits of noise. Seven
 * significant digits keep every bit of the float32 and a third of the characters.
 */
function float32(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Number(Math.fround(value).toPrecision(7));
}
