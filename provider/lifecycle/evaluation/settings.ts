import { z } from "zod";
import { datasetFingerprint } from "../../dataset";
import { datasetSchema } from "../datasetSchema";
import type { DatasetSpec } from "../../dataset";
import { containsUnknown } from "../../runtime/unknowns";
import { METRIC_NAMES, type MetricName } from "./metrics";

/** Concurrent generateContent calls of one evaluation when the program sets no bound. */
export const DEFAULT_EVALUATION_CONCURRENCY = 8;

// Reasons do not repeat the property: the engine prints "property <path> value {...} has a problem: <reason>".
const fraction = () => z.number({ error: "must be a number" }).min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");

/** The evaluation dataset: the same forms and checks as training data (a `Dataset`). */
const evaluationDatasetSchema = datasetSchema({
  empty: "the evaluation dataset has no examples",
  notADataset: "must be a Dataset of prompts with expected answers (Dataset.inline, Dataset.fromJsonl, Dataset.fromCsv or Dataset.fromJson)",
});

const thresholdsSchema = z
  .strictObject(
    { exactMatch: fraction().optional(), normalizedMatch: fraction().optional(), contains: fraction().optional(), jsonValid: fraction().optional() },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown metric; the metrics are ${METRIC_NAMES.join(", ")}` : "must be an object of minimum scores per metric") },
  )
  .refine((t) => METRIC_NAMES.some((name) => t[name] !== undefined), { message: `set at least one threshold: ${METRIC_NAMES.join(", ")}` });

const generationSchema = z.strictObject({
  temperature: fraction().optional(),
  topP: fraction().optional(),
  topK: z.number({ error: "must be a number" }).int("must be a whole number").positive("must be greater than 0").optional(),
  maxOutputTokens: z.number({ error: "must be a number" }).int("must be a whole number").positive("must be greater than 0").optional(),
});

/**
 * A resource's `evaluation` argument: the quality gate a newly trained model must pass before it takes
 * over (see `gate.ts`).
 */
export const evaluationSchema = z.strictObject({
  dataset: evaluationDatasetSchema,
  thresholds: thresholdsSchema,
  generation: generationSchema.optional(),
  concurrency: z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(64, "must be at most 64").optional(),
  keepFailedCandidate: z.boolean({ error: "must be true or false" }).optional(),
});

/** The evaluation settings as check accepted them. */
export type EvaluationInput = z.output<typeof evaluationSchema>;

/** After check: the dataset carries its fingerprint and count. */
export type CheckedEvaluation = Omit<EvaluationInput, "dataset"> & { dataset: DatasetSpec & { fingerprint: string; exampleCount: number } };

/** Minimum scores per metric. */
export type Thresholds = Partial<Record<MetricName, number>>;

/** Generation settings of the evaluation calls, with the repeatable default (temperature 0) applied. */
export interface GenerationSettings {
  /** Sampling temperature (default 0). */
  temperature: number;
  /** Nucleus sampling. */
  topP?: number;
  /** Top-k sampling. */
  topK?: number;
  /** Longest reply. */
  maxOutputTokens?: number;
}

/** The generation settings with defaults applied. */
export function generationSettings(evaluation: Pick<EvaluationInput, "generation">): GenerationSettings {
  return { temperature: 0, ...evaluation.generation };
}

/** Fills in an inline evaluation dataset's fingerprint and count (file datasets carry theirs from the program). */
export function checkedEvaluation(evaluation: EvaluationInput | undefined): CheckedEvaluation | undefined {
  if (evaluation === undefined) return undefined;
  const dataset = evaluation.dataset;
  if (dataset.kind !== "inline" || containsUnknown(dataset.examples)) return evaluation as CheckedEvaluation;
  return { ...evaluation, dataset: { ...dataset, fingerprint: datasetFingerprint(dataset.examples), exampleCount: dataset.examples.length } };
}
