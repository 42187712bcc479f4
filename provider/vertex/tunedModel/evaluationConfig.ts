import { z } from "zod";

/**
 * `evaluationConfig`: Vertex's evaluation during tuning, sent in the tuning spec as the API takes it
 * (`EvaluationConfig`, tuning_job.proto; docs/vertex-ai.md#tuning-in-2026). Vertex evaluates each checkpoint
 * with the metrics and reports the results in the job's `evaluateDatasetRuns`. Unlike the `evaluation`
 * quality gate, it never decides whether the model takes over: it is part of the job's spec, so changing it
 * trains a new model.
 */

/** `Metric.AggregationMetric` names (evaluation_service.proto), without UNSPECIFIED. */
export const AGGREGATION_METRICS = [
  "AVERAGE",
  "MODE",
  "STANDARD_DEVIATION",
  "VARIANCE",
  "MINIMUM",
  "MAXIMUM",
  "MEDIAN",
  "PERCENTILE_P90",
  "PERCENTILE_P95",
  "PERCENTILE_P99",
] as const;

/** The members of `Metric`'s oneof `metric_spec` the resource takes (those without free-form `Struct` parameters). */
export const METRIC_SPECS = ["exactMatchSpec", "bleuSpec", "rougeSpec", "pointwiseMetricSpec", "pairwiseMetricSpec", "predefinedMetricSpec"] as const;

// Reasons do not repeat the property: the engine prints "property <path> ... has a problem: <reason>".
const unknownKey = (known: string) => (issue: { code?: string }) => (issue.code === "unrecognized_keys" ? `unknown field; the fields are ${known}` : undefined);
const promptTemplate = z.string({ error: "is required: the prompt template the judge model rates with" }).min(1, "must not be empty");
const optionalText = z.string({ error: "must be a string" }).optional();
const flag = z.boolean({ error: "must be true or false" }).optional();

const metricSchema = z
  .strictObject(
    {
      aggregationMetrics: z.array(z.enum(AGGREGATION_METRICS, { error: `must be one of ${AGGREGATION_METRICS.join(", ")}` })).optional(),
      exactMatchSpec: z.strictObject({}, { error: unknownKey("none: write {}") }).optional(),
      bleuSpec: z.strictObject({ useEffectiveOrder: flag }, { error: unknownKey("useEffectiveOrder") }).optional(),
      rougeSpec: z
        .strictObject(
          {
            // Any case, as Google's Python SDK sends them lowercased (`rougel`).
            rougeType: z.string().regex(/^rouge(?:[1-9]|l|lsum)$/i, 'must be "rouge1" to "rouge9", "rougeL" or "rougeLsum"').optional(),
            useStemmer: flag,
            splitSummaries: flag,
          },
          { error: unknownKey("rougeType, useStemmer, splitSummaries") },
        )
        .optional(),
      pointwiseMetricSpec: z.strictObject({ metricPromptTemplate: promptTemplate, systemInstruction: optionalText }, { error: unknownKey("metricPromptTemplate, systemInstruction") }).optional(),
      pairwiseMetricSpec: z
        .strictObject(
          { metricPromptTemplate: promptTemplate, candidateResponseFieldName: optionalText, baselineResponseFieldName: optionalText, systemInstruction: optionalText },
          { error: unknownKey("metricPromptTemplate, candidateResponseFieldName, baselineResponseFieldName, systemInstruction") },
        )
        .optional(),
      predefinedMetricSpec: z
        .strictObject(
          { metricSpecName: z.string({ error: 'is required: the name of a predefined metric, e.g. "text_quality_v1"' }).regex(/^[a-z][a-z0-9_]*$/, 'must be a predefined metric name such as "text_quality_v1"') },
          { error: unknownKey("metricSpecName") },
        )
        .optional(),
    },
    { error: unknownKey(`aggregationMetrics and one of ${METRIC_SPECS.join(", ")}`) },
  )
  .superRefine((metric, ctx) => {
    const specs = METRIC_SPECS.filter((spec) => metric[spec] !== undefined);
    if (specs.length !== 1) {
      const found = specs.length === 0 ? "none is set" : `${specs.join(" and ")} are set`;
      ctx.addIssue({ code: "custom", message: `needs exactly one metric spec (${METRIC_SPECS.join(", ")}); ${found}` });
    }
    // Vertex supports only MODE for pairwise metrics (evaluation_service.proto, AggregationMetric).
    if (metric.pairwiseMetricSpec !== undefined && metric.aggregationMetrics?.some((a) => a !== "MODE")) {
      ctx.addIssue({ code: "custom", path: ["aggregationMetrics"], message: "a pairwise metric aggregates by MODE only" });
    }
  });

/** The evaluation's metrics, where its results go, and the judge model: the resource's `evaluationConfig`. */
export const evaluationConfigSchema = z.strictObject(
  {
    metrics: z.array(metricSchema, { error: "is required: a list of metrics, e.g. [{ bleuSpec: {} }]" }).min(1, "needs at least one metric"),
    outputConfig: z.strictObject(
      {
        gcsDestination: z.strictObject(
          {
            outputUriPrefix: z
              .string({ error: 'is required: a Cloud Storage folder such as "gs://bucket/evaluations/"' })
              .regex(/^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9](?:\/.*)?$/, 'must be a Cloud Storage folder such as "gs://bucket/evaluations/"'),
          },
          { error: unknownKey("outputUriPrefix") },
        ),
      },
      { error: (issue) => (issue.code === "unrecognized_keys" ? "unknown field; the field is gcsDestination" : 'is required: { gcsDestination: { outputUriPrefix: "gs://..." } }') },
    ),
    autoraterConfig: z
      .strictObject(
        {
          samplingCount: z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(32, "must be at most 32").optional(),
          flipEnabled: flag,
          autoraterModel: z
            .string()
            .regex(
              /^projects\/[^/]+\/locations\/[^/]+\/(?:publishers\/[^/]+\/models\/[^/]+|endpoints\/[^/]+)$/,
              "must name a publisher model (projects/{p}/locations/{l}/publishers/google/models/{m}) or an endpoint (projects/{p}/locations/{l}/endpoints/{e})",
            )
            .optional(),
        },
        { error: unknownKey("samplingCount, flipEnabled, autoraterModel") },
      )
      .optional(),
  },
  { error: unknownKey("metrics, outputConfig, autoraterConfig") },
);

/** A checked `evaluationConfig`. */
export type EvaluationConfig = z.output<typeof evaluationConfigSchema>;

/**
 * The config with keys in one order and absent members left out, as the recorded state, the request body
 * and the creation key carry it: equal configs written in any key order are one value.
 */
export function canonicalEvaluationConfig(config: unknown): unknown {
  if (Array.isArray(config)) return config.map(canonicalEvaluationConfig);
  if (config === null || typeof config !== "object") return config;
  const entries = Object.entries(config as Record<string, unknown>).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => [key, canonicalEvaluationConfig(value)]));
}

/**
 * Whether `evaluationConfig` changed: the top-level parts that differ (`evaluationConfig.metrics`, ...), or
 * the whole when it was added or removed. Absent on both sides (every state written before the argument
 * existed) is no change.
 */
export function evaluationConfigChanged(desired: unknown, recorded: unknown): boolean | string[] {
  if (desired === undefined || recorded === undefined) return desired !== recorded;
  const after = canonicalEvaluationConfig(desired) as Record<string, unknown>;
  const before = canonicalEvaluationConfig(recorded) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])].sort();
  return keys.filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key])).map((key) => `evaluationConfig.${key}`);
}
