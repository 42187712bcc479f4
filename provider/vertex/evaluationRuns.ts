import type { EvaluateDatasetRun } from "./wire";

/**
 * A job's `evaluateDatasetRuns` as the resource's outputs: per run, the checkpoint it evaluated, its names,
 * a flat `metrics` record and the folder the full results were written to (docs/vertex-ai.md#tuning-in-2026).
 */

/** One evaluation run of the tuning job, summarized. */
export interface EvaluationRunSummary {
  /** The checkpoint evaluated (set when Vertex evaluates checkpoints). */
  checkpointId?: string;
  /** The run, `projects/{p}/locations/{l}/evaluationRuns/{id}`. */
  evaluationRun?: string;
  /** Its operation, `projects/{p}/locations/{l}/operations/{id}` (deprecated by Vertex in favour of `evaluationRun`). */
  operationName?: string;
  /**
   * Each aggregation result, named by the metric's kind and the aggregation, e.g. `bleuAverage`,
   * `exactMatchStandardDeviation`, `pairwiseMode`: the score, or a pairwise metric's choice (`CANDIDATE`,
   * `BASELINE`, `TIE`). A kind met twice is numbered from the second on (`rougeAverage2`).
   */
  metrics?: Record<string, number | string>;
  /** The Cloud Storage folder holding the run's full results. */
  outputDirectory?: string;
  /** Why the run failed: gRPC `code` and `message`. */
  error?: { code?: number; message?: string };
}

/** The result members of `AggregationResult`, by the name their kind takes in a summary. */
const RESULT_KINDS = {
  exactMatch: "exactMatchMetricValue",
  bleu: "bleuMetricValue",
  rouge: "rougeMetricValue",
  pointwise: "pointwiseMetricResult",
  pairwise: "pairwiseMetricResult",
  customCodeExecution: "customCodeExecutionResult",
} as const;

type AggregationResult = NonNullable<NonNullable<NonNullable<EvaluateDatasetRun["evaluateDatasetResponse"]>["aggregationOutput"]>["aggregationResults"]>[number];

/** `PERCENTILE_P90` -> `PercentileP90`. */
function pascalCase(name: string): string {
  return name
    .toLowerCase()
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

function metricsOf(results: readonly AggregationResult[]): Record<string, number | string> | undefined {
  const metrics: Record<string, number | string> = {};
  for (const result of results) {
    const kind = (Object.keys(RESULT_KINDS) as Array<keyof typeof RESULT_KINDS>).find((k) => result[RESULT_KINDS[k]] !== undefined);
    if (kind === undefined) continue;
    const member = result[RESULT_KINDS[kind]] as { score?: number; pairwiseChoice?: string };
    const value = member.score ?? member.pairwiseChoice;
    if (value === undefined) continue;
    const aggregation = result.aggregationMetric === undefined || result.aggregationMetric === "AGGREGATION_METRIC_UNSPECIFIED" ? "" : pascalCase(result.aggregationMetric);
    const name = `${kind}${aggregation}`;
    let key = name;
    for (let n = 2; key in metrics; n++) key = `${name}${n}`;
    metrics[key] = value;
  }
  return Object.keys(metrics).length > 0 ? metrics : undefined;
}

/** The summary of each run, in the job's order. */
export function summarizeEvaluateDatasetRuns(runs: readonly EvaluateDatasetRun[]): EvaluationRunSummary[] {
  return runs.map((run) => ({
    checkpointId: run.checkpointId,
    evaluationRun: run.evaluationRun,
    operationName: run.operationName,
    metrics: metricsOf(run.evaluateDatasetResponse?.aggregationOutput?.aggregationResults ?? []),
    outputDirectory: run.evaluateDatasetResponse?.outputInfo?.gcsOutputDirectory,
    error: run.error === undefined ? undefined : { code: run.error.code, message: run.error.message },
  }));
}
