import type { TuningJob, VertexModel } from "../vertex/wire";
import { ADAPTER_SIZES, CREATION_LABEL, VERTEX_MUTABLE_FIELDS, type CheckedVertexInputs, type VertexMutableField } from "./inputs";

/** Counts from the job's `tuningDataStats`, as numbers. */
export interface VertexTuningStats {
  /** Training examples. */
  exampleCount?: number;
  /** Tokens billed for training. */
  billableTokenCount?: number;
  /** Training steps. */
  stepCount?: number;
}

/**
 * The resource's outputs: the inputs (diff receives old outputs, not old inputs), what the job reports,
 * and, once the model exists, the model's actual display name, description and labels, so an edit made
 * outside Pulumi shows as drift.
 */
export function vertexOutputs(inputs: CheckedVertexInputs, job: TuningJob, model?: VertexModel): Record<string, unknown> {
  const stats = job.tuningDataStats?.supervisedTuningDataStats;
  const outputs: Record<string, unknown> = {
    ...inputs,
    name: job.name,
    state: job.state,
    createTime: job.createTime,
    startTime: job.startTime,
    endTime: job.endTime,
    updateTime: job.updateTime,
    error: job.error === undefined ? undefined : { code: job.error.code, message: job.error.message },
    model: job.tunedModel?.model,
    endpoint: job.tunedModel?.endpoint,
    checkpoints: job.tunedModel?.checkpoints?.map((c) => ({
      checkpointId: c.checkpointId,
      epoch: toNumber(c.epoch),
      step: toNumber(c.step),
      endpoint: c.endpoint,
    })),
    tuningDataStats: stats && {
      exampleCount: toNumber(stats.tuningDatasetExampleCount),
      billableTokenCount: toNumber(stats.totalBillableTokenCount),
      stepCount: toNumber(stats.tuningStepCount),
    },
    effectiveHyperparameters: effectiveHyperparameters(job),
  };
  if (model !== undefined) Object.assign(outputs, modelFields(model));
  return JSON.parse(JSON.stringify(outputs)) as Record<string, unknown>;
}

/**
 * Refreshed outputs on top of previous ones: the model's mutable fields always reflect the service,
 * including fields it no longer has.
 */
export function mergeVertexOutputs(previous: Record<string, unknown>, inputs: CheckedVertexInputs, job: TuningJob, model?: VertexModel): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...previous, ...vertexOutputs(inputs, job, model) };
  if (model !== undefined) {
    const actual = modelFields(model);
    for (const field of VERTEX_MUTABLE_FIELDS) if (actual[field] === undefined) delete merged[field];
  }
  return merged;
}

/** The model's values of the fields the resource manages in place, under the resource's names. */
function modelFields(model: VertexModel): Record<VertexMutableField, unknown> {
  return { tunedModelDisplayName: model.displayName, description: model.description, labels: userLabels(model.labels) };
}

/** The model's labels without the provider's own; undefined when none are left. */
export function userLabels(labels: Record<string, string> | undefined): Record<string, string> | undefined {
  const { [CREATION_LABEL]: _own, ...rest } = labels ?? {};
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** The job's hyperparameters in the shape the resource takes them: numbers, adapter size as 1, 2, 4... */
function effectiveHyperparameters(job: TuningJob): Record<string, number> | undefined {
  const h = job.supervisedTuningSpec?.hyperParameters;
  if (h === undefined) return undefined;
  const adapterSize = Object.entries(ADAPTER_SIZES).find(([, name]) => name === h.adapterSize)?.[0];
  return {
    ...(h.epochCount !== undefined && { epochCount: Number(h.epochCount) }),
    ...(h.learningRateMultiplier !== undefined && { learningRateMultiplier: h.learningRateMultiplier }),
    ...(adapterSize !== undefined && { adapterSize: Number(adapterSize) }),
  };
}

function toNumber(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}
