/**
 * Evaluation during tuning: a job whose spec carries `evaluationConfig` reports, once it succeeded, one
 * `EvaluateDatasetRun` per checkpoint in `evaluateDatasetRuns` (tuning_job.proto). Vertex runs
 * EvaluationService.EvaluateDataset on each checkpoint; the emulator evaluates nothing and derives every
 * score from the checkpoint's share of the training and the metric's kind, so tests can state exact values.
 *
 * The scores [inf, the emulator's own]: with p = checkpoint epoch / job epochs, a metric's quality is
 * q = base + 0.5 × p (base 0.3 exact match, 0.2 BLEU, 0.25 ROUGE; pointwise and predefined metrics on a
 * 1-5 scale: 1 + 4 × (0.3 + 0.5 × p)), its spread s = w × (0.05 + 0.1 × (1 - p)) with w the scale's width
 * (1, or 4 on the 1-5 scale). AVERAGE, MEDIAN and MODE are q,
 * STANDARD_DEVIATION s, VARIANCE s², MINIMUM q - 2s, MAXIMUM q + 2s, the percentiles q + 1.2816s, 1.6449s
 * and 2.3263s, each kept within the metric's scale and rounded to 4 decimals. A metric without aggregations
 * is averaged. A pairwise metric's MODE is CANDIDATE once p >= 0.5, else BASELINE. A predefined metric other
 * than those the proto names (`instruction_following_v1`, `text_quality_v1`) fails its run with
 * INVALID_ARGUMENT. Results go to `{outputUriPrefix}/tuning_job_{job}/checkpoint_{id}/`; the dataset is the
 * validation dataset, else the training dataset.
 */
import { newVertexId } from "./ids";
import { EvaluationConfigInput, MetricInput } from "./messages";
import { StoredEvaluateDatasetRun, StoredVertexJob, VertexCheckpoint } from "./state";

/** Predefined metrics the emulator evaluates (the examples `PredefinedMetricSpec` names). */
export const PREDEFINED_METRICS: readonly string[] = ["instruction_following_v1", "text_quality_v1"];

const Z_SCORES: Record<string, number> = { PERCENTILE_P90: 1.2816, PERCENTILE_P95: 1.6449, PERCENTILE_P99: 2.3263 };

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The result member of `AggregationResult` a metric's kind answers in, and its scale. */
function kindOf(metric: MetricInput): { member: string; base: number; scale: (q: number) => number; top: number; bottom: number } {
  if (metric.exactMatchSpec !== undefined) return { member: "exactMatchMetricValue", base: 0.3, scale: (q) => q, top: 1, bottom: 0 };
  if (metric.bleuSpec !== undefined) return { member: "bleuMetricValue", base: 0.2, scale: (q) => q, top: 1, bottom: 0 };
  if (metric.rougeSpec !== undefined) return { member: "rougeMetricValue", base: 0.25, scale: (q) => q, top: 1, bottom: 0 };
  return { member: "pointwiseMetricResult", base: 0.3, scale: (q) => 1 + 4 * q, top: 5, bottom: 1 };
}

/** The aggregation value of one metric at training progress `p`. */
function aggregate(metric: MetricInput, aggregation: string, p: number): number {
  const kind = kindOf(metric);
  const q = kind.scale(kind.base + 0.5 * p);
  const s = (kind.top - kind.bottom) * (0.05 + 0.1 * (1 - p));
  const within = (value: number) => round4(Math.min(kind.top, Math.max(kind.bottom, value)));
  switch (aggregation) {
    case "STANDARD_DEVIATION":
      return round4(s);
    case "VARIANCE":
      return round4(s * s);
    case "MINIMUM":
      return within(q - 2 * s);
    case "MAXIMUM":
      return within(q + 2 * s);
    default:
      return within(q + (Z_SCORES[aggregation] ?? 0) * s);
  }
}

function aggregationResults(config: EvaluationConfigInput, p: number): Record<string, unknown>[] {
  return (config.metrics ?? []).flatMap((metric): Record<string, unknown>[] => {
    const asked = (metric.aggregationMetrics ?? []).filter((a) => a !== "AGGREGATION_METRIC_UNSPECIFIED");
    if (metric.pairwiseMetricSpec !== undefined) {
      return [{ aggregationMetric: "MODE", pairwiseMetricResult: { pairwiseChoice: p >= 0.5 ? "CANDIDATE" : "BASELINE" } }];
    }
    const member = kindOf(metric).member;
    return (asked.length > 0 ? asked : ["AVERAGE"]).map((aggregation) => ({ aggregationMetric: aggregation, [member]: { score: aggregate(metric, aggregation, p) } }));
  });
}

function runOf(job: StoredVertexJob, config: EvaluationConfigInput, checkpoint: VertexCheckpoint): StoredEvaluateDatasetRun {
  const run: StoredEvaluateDatasetRun = { operationId: newVertexId(), evaluationRunId: newVertexId(), checkpointId: checkpoint.checkpointId };
  const unknown = (config.metrics ?? []).map((m) => m.predefinedMetricSpec?.metricSpecName).find((name) => name !== undefined && !PREDEFINED_METRICS.includes(name));
  if (unknown !== undefined) return { ...run, error: { code: 3, message: `Predefined metric "${unknown}" is not supported (supported: ${PREDEFINED_METRICS.join(", ")}).` } };
  const prefix = (config.outputConfig?.gcsDestination?.outputUriPrefix ?? "").replace(/\/+$/, "");
  return {
    ...run,
    response: {
      aggregationOutput: {
        dataset: { gcsSource: { uris: [job.spec.validationDatasetUri ?? job.spec.trainingDatasetUri] } },
        aggregationResults: aggregationResults(config, checkpoint.epoch / Math.max(1, job.epochCount)),
      },
      outputInfo: { gcsOutputDirectory: `${prefix}/tuning_job_${job.id}/checkpoint_${checkpoint.checkpointId}/` },
    },
  };
}

/** The evaluation runs of a job that just succeeded: one per checkpoint; none without `evaluationConfig`. */
export function evaluateDatasetRunsOf(job: StoredVertexJob): StoredEvaluateDatasetRun[] | undefined {
  const config = job.spec.evaluationConfig;
  if (config === undefined) return undefined;
  return job.checkpoints.map((checkpoint) => runOf(job, config, checkpoint));
}
