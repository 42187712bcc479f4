import { z } from "zod";
import { evaluationStateSchema } from "../../lifecycle/evaluation/report";
import { mergeOutputs, readState, toPropertyMap, tolerant } from "../../lifecycle/state";
import { timeoutsStateSchema } from "../../lifecycle/timeouts";
import { effectiveHyperparameters, managedModelFields } from "../converters";
import { summarizeEvaluateDatasetRuns } from "../evaluationRuns";
import type { TuningJob, VertexModel } from "../wire";
import { VERTEX_MUTABLE_FIELDS, type CheckedVertexInputs, type VertexMutableField } from "./inputs";

const dataset = z.object({ uri: z.string().optional(), fingerprint: z.string().optional() });

/**
 * The recorded state of a `VertexTunedModel`, as a tolerant schema that reads the outputs of every
 * version (0.1.0 included): each field that has an unexpected shape reads as absent, unknown keys pass
 * through. The output keys are those 0.1.0 wrote and must stay: existing stacks hold them.
 */
export const vertexTunedModelStateSchema = z.looseObject({
  // Inputs the provider needs later (diff receives old outputs, not old inputs).
  resourceName: tolerant(z.string()),
  autonameSeed: tolerant(z.string()),
  project: tolerant(z.string()),
  location: tolerant(z.string()),
  baseUrl: tolerant(z.string()),
  baseModel: tolerant(z.string()),
  sourceModel: tolerant(z.string()),
  checkpointId: tolerant(z.string()),
  tunedModelDisplayName: tolerant(z.string()),
  description: tolerant(z.string()),
  labels: tolerant(z.record(z.string(), z.string())),
  trainingDataset: tolerant(dataset),
  validationDataset: tolerant(dataset),
  method: tolerant(z.string()),
  hyperparameters: tolerant(
    z.object({
      epochCount: z.number().optional(),
      learningRateMultiplier: z.number().optional(),
      adapterSize: z.string().optional(),
      beta: z.number().optional(),
      learningRate: z.number().optional(),
      batchSize: z.number().optional(),
      tuningMode: z.string().optional(),
    }),
  ),
  exportLastCheckpointOnly: tolerant(z.boolean()),
  evaluationConfig: tolerant(z.record(z.string(), z.unknown())),
  serviceAccount: tolerant(z.string()),
  kmsKeyName: tolerant(z.string()),
  tuningJob: tolerant(z.string()),
  adoptExisting: tolerant(z.boolean()),
  timeouts: tolerant(timeoutsStateSchema),
  // What the job and its model report.
  name: tolerant(z.string()),
  state: tolerant(z.string()),
  createTime: tolerant(z.string()),
  startTime: tolerant(z.string()),
  endTime: tolerant(z.string()),
  updateTime: tolerant(z.string()),
  error: tolerant(z.object({ code: z.number().optional(), message: z.string().optional() })),
  model: tolerant(z.string()),
  endpoint: tolerant(z.string()),
  checkpoints: tolerant(
    z.array(z.object({ checkpointId: z.string().optional(), epoch: z.number().optional(), step: z.number().optional(), endpoint: z.string().optional() })),
  ),
  tuningDataStats: tolerant(z.object({ exampleCount: z.number().optional(), billableTokenCount: z.number().optional(), stepCount: z.number().optional() })),
  effectiveHyperparameters: tolerant(
    z.object({
      epochCount: z.number().optional(),
      learningRateMultiplier: z.number().optional(),
      adapterSize: z.number().optional(),
      beta: z.number().optional(),
      learningRate: z.number().optional(),
      batchSize: z.number().optional(),
    }),
  ),
  /** With `evaluationConfig`: Vertex's evaluation of each checkpoint (see `../evaluationRuns.ts`). */
  evaluateDatasetRuns: tolerant(
    z.array(
      z.object({
        checkpointId: z.string().optional(),
        evaluationRun: z.string().optional(),
        operationName: z.string().optional(),
        metrics: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
        outputDirectory: z.string().optional(),
        error: z.object({ code: z.number().optional(), message: z.string().optional() }).optional(),
      }),
    ),
  ),
  /** Continuous tuning: the base model the tuning chain started from, as Vertex reports it. */
  originalBaseModel: tolerant(z.string()),
  // The quality gate and how the model scored (written by the gate, not by the service).
  evaluation: tolerant(evaluationStateSchema),
});

/** A `VertexTunedModel`'s recorded state (its outputs). */
export type VertexTunedModelState = z.output<typeof vertexTunedModelStateSchema>;

/** Reads recorded outputs (olds, props); never throws. */
export function readVertexTunedModelState(recorded: Record<string, unknown>): VertexTunedModelState {
  return readState(vertexTunedModelStateSchema, recorded);
}

/**
 * The resource's outputs: the inputs (diff receives old outputs, not old inputs), what the job reports,
 * and, once the model exists, the model's actual display name, description and labels, so an edit made
 * outside Pulumi shows as drift.
 */
export function vertexOutputs(inputs: CheckedVertexInputs, job: TuningJob, model?: VertexModel): Record<string, unknown> {
  // The evaluation output is the gate's report, written by the gate; the input (with its examples) is not kept.
  const { evaluation: _gate, ...kept } = inputs;
  return toPropertyMap({ ...kept, ...reportedState(job, model) } satisfies VertexTunedModelState);
}

/** What the job (and, once it exists, its model) reports, as outputs. */
function reportedState(job: TuningJob, model: VertexModel | undefined) {
  const stats = job.tuningDataStats?.supervisedTuningDataStats ?? job.tuningDataStats?.preferenceOptimizationDataStats;
  return {
    name: job.name,
    state: job.state,
    createTime: job.createTime,
    startTime: job.startTime,
    endTime: job.endTime,
    updateTime: job.updateTime,
    error: job.error === undefined ? undefined : { code: job.error.code, message: job.error.message },
    model: job.tunedModel?.model,
    endpoint: job.tunedModel?.endpoint,
    checkpoints: job.tunedModel?.checkpoints?.map((c) => ({ checkpointId: c.checkpointId, epoch: toNumber(c.epoch), step: toNumber(c.step), endpoint: c.endpoint })),
    tuningDataStats: stats && {
      exampleCount: toNumber(stats.tuningDatasetExampleCount),
      billableTokenCount: toNumber(stats.totalBillableTokenCount),
      stepCount: toNumber(stats.tuningStepCount),
    },
    effectiveHyperparameters: effectiveHyperparameters(job),
    // Only when the job reports runs, so that the outputs of resources without evaluation stay as they were.
    evaluateDatasetRuns: job.evaluateDatasetRuns === undefined ? undefined : summarizeEvaluateDatasetRuns(job.evaluateDatasetRuns),
    // Only for continuous tuning (a job from a base model names it in `baseModel`), so that the outputs of
    // resources recorded before continuous tuning existed stay exactly as they were.
    originalBaseModel: job.preTunedModel?.baseModel,
    ...(model !== undefined && managedModelFields(model)),
  } satisfies VertexTunedModelState;
}

/**
 * Outputs after a call that read or changed the job, on top of the recorded ones (and the new inputs,
 * after an update): the model's mutable fields always reflect the service, including fields it no
 * longer has.
 */
export function mergeVertexOutputs(previous: Record<string, unknown>, job: TuningJob, model?: VertexModel, inputs?: CheckedVertexInputs): Record<string, unknown> {
  const absent = model === undefined ? [] : (Object.keys(VERTEX_MUTABLE_FIELDS) as VertexMutableField[]).filter((field) => managedModelFields(model)[field] === undefined);
  const fresh = inputs === undefined ? toPropertyMap(reportedState(job, model)) : vertexOutputs(inputs, job, model);
  return mergeOutputs(previous, fresh, absent);
}

function toNumber(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}
