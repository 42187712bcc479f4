import { z } from "zod";
import { toPropertyMap } from "../state";
import { METRIC_NAMES, type MetricName } from "./metrics";
import type { ScoredExample } from "./runner";
import type { CheckedEvaluation, Thresholds } from "./settings";

/** Failing examples kept in outputs and named in errors. */
export const MAX_FAILING_EXAMPLES = 5;

/** Characters of a prompt, expected answer or reply kept in a failing example (state stays small). */
export const MAX_EXAMPLE_CHARS = 200;

const scores = z.object({ exactMatch: z.number(), normalizedMatch: z.number(), contains: z.number(), jsonValid: z.number() }).partial();

/** The recorded `evaluation` output: what the gate was, and how the model scored. */
export const evaluationStateSchema = z.object({
  datasetFingerprint: z.string().optional(),
  exampleCount: z.number().optional(),
  thresholds: scores.optional(),
  generation: z.record(z.string(), z.number()).optional(),
  concurrency: z.number().optional(),
  keepFailedCandidate: z.boolean().optional(),
  scores: scores.optional(),
  passed: z.boolean().optional(),
  failingExamples: z.array(z.object({ prompt: z.string(), expected: z.string(), reply: z.string(), failed: z.array(z.string()) })).optional(),
});

/** The `evaluation` output of a resource. */
export type EvaluationReport = z.output<typeof evaluationStateSchema>;

/** One failing example as outputs and errors show it. */
export type FailingExample = NonNullable<EvaluationReport["failingExamples"]>[number];

function truncated(text: string): string {
  return text.length <= MAX_EXAMPLE_CHARS ? text : `${text.slice(0, MAX_EXAMPLE_CHARS - 1)}…`;
}

/** The metrics with a threshold whose score falls short of it. */
export function failedMetrics(thresholds: Thresholds, metricScores: Record<MetricName, number>): MetricName[] {
  return METRIC_NAMES.filter((name) => thresholds[name] !== undefined && metricScores[name] < (thresholds[name] as number));
}

/**
 * The report of a run: scores of every metric, whether each threshold was met, and the worst examples
 * (those failing the most gated metrics first, dataset order among equals), truncated.
 */
export function evaluationReport(evaluation: CheckedEvaluation, results: readonly ScoredExample[], metricScores: Record<MetricName, number>): EvaluationReport {
  const gated = METRIC_NAMES.filter((name) => evaluation.thresholds[name] !== undefined);
  const failing = results
    .map((result, index) => ({ result, index, failed: gated.filter((name) => !result.passed[name]) }))
    .filter((entry) => entry.failed.length > 0)
    .sort((a, b) => b.failed.length - a.failed.length || a.index - b.index)
    .slice(0, MAX_FAILING_EXAMPLES)
    .map(({ result, failed }) => ({ prompt: truncated(result.prompt), expected: truncated(result.expected), reply: truncated(result.reply), failed }));
  // Recorded as outputs: no undefined members (the engine's property maps cannot hold them).
  return toPropertyMap({
    datasetFingerprint: evaluation.dataset.fingerprint,
    exampleCount: results.length,
    thresholds: evaluation.thresholds,
    generation: evaluation.generation,
    concurrency: evaluation.concurrency,
    keepFailedCandidate: evaluation.keepFailedCandidate,
    scores: Object.fromEntries(METRIC_NAMES.map((name) => [name, Number(metricScores[name].toFixed(4))])),
    passed: failedMetrics(evaluation.thresholds, metricScores).length === 0,
    failingExamples: failing,
  }) as EvaluationReport;
}

/** `exactMatch 0.40 < threshold 0.90; contains 0.50 < threshold 0.80`, then the worst examples. */
export function shortfallText(report: EvaluationReport): string {
  const shortfalls = failedMetrics(report.thresholds ?? {}, report.scores as Record<MetricName, number>).map(
    (name) => `${name} ${(report.scores?.[name] ?? 0).toFixed(2)} < threshold ${(report.thresholds?.[name] ?? 0).toFixed(2)}`,
  );
  const examples = (report.failingExamples ?? []).map(
    (e, i) => `  ${i + 1}. prompt ${JSON.stringify(e.prompt)}: expected ${JSON.stringify(e.expected)}, replied ${JSON.stringify(e.reply)} (fails ${e.failed.join(", ")})`,
  );
  return `${shortfalls.join("; ")} over ${report.exampleCount} examples${examples.length > 0 ? `; worst examples:\n${examples.join("\n")}` : ""}`;
}
