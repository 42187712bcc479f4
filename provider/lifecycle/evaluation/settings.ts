import { z } from "zod";
import { datasetFingerprint, describeDatasetProblem, exampleViolation } from "../../dataset";
import type { DatasetSpec } from "../../dataset";
import { containsUnknown } from "../../runtime/unknowns";
import { METRIC_NAMES, type MetricName } from "./metrics";

/** Concurrent generateContent calls of one evaluation when the program sets no bound. */
export const DEFAULT_EVALUATION_CONCURRENCY = 8;

// Reasons do not repeat the property: the engine prints "property <path> value {...} has a problem: <reason>".
const fraction = () => z.number({ error: "must be a number" }).min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");

const exampleSchema = z
  .object({ textInput: z.string({ error: "must be a string" }), output: z.string({ error: "must be a string" }) })
  .superRefine((example, ctx) => {
    const violation = exampleViolation(example);
    if (violation !== undefined) ctx.addIssue({ code: "custom", message: violation });
  });

/** The evaluation dataset: the same forms and checks as training data (a `Dataset`). */
const evaluationDatasetSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("inline"),
      examples: z.array(exampleSchema).min(1, "the evaluation dataset has no examples"),
      fingerprint: z.string().optional(),
      exampleCount: z.number().optional(),
    }),
    z
      .object({
        kind: z.literal("file"),
        path: z.string().min(1),
        format: z.enum(["jsonl", "csv", "json"]),
        mapping: z.object({ input: z.string().min(1), output: z.string().min(1) }),
        fingerprint: z.string().optional(),
        exampleCount: z.number().optional(),
        problem: z.object({ message: z.string(), file: z.string().optional(), line: z.number().optional() }).optional(),
      })
      .superRefine((dataset, ctx) => {
        if (dataset.problem !== undefined) ctx.addIssue({ code: "custom", message: describeDatasetProblem(dataset.problem) });
        else if (dataset.fingerprint === undefined) {
          ctx.addIssue({ code: "custom", message: "the file dataset was not fingerprinted; build it with Dataset.fromJsonl/fromCsv/fromJson" });
        } else if (dataset.exampleCount === 0) ctx.addIssue({ code: "custom", message: "the evaluation dataset has no examples" });
      }),
  ],
  { error: "must be a Dataset of prompts with expected answers (Dataset.inline, Dataset.fromJsonl, Dataset.fromCsv or Dataset.fromJson)" },
);

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
