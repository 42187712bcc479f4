import { shutdownSignal } from "../../runtime/shutdownSignal";
import type { TrainingBackend } from "../backend";
import type { Comparator } from "../diff";
import { evaluationExamples } from "./examples";
import { METRIC_NAMES } from "./metrics";
import { evaluationReport, shortfallText, type EvaluationReport } from "./report";
import { metricScores, runEvaluation } from "./runner";
import { DEFAULT_EVALUATION_CONCURRENCY, generationSettings, type CheckedEvaluation } from "./settings";

/** What the gate needs of a backend: its generateContent on a served model, and how to remove a candidate. */
export type EvaluatedBackend<Job> = Pick<TrainingBackend<unknown, Job>, "generate" | "servingName" | "discardCandidate">;

/**
 * Runs the evaluation against the model the outputs describe (the tuned model, or the job's endpoint):
 * one generateContent call per example, at most `concurrency` at once, with progress lines.
 */
export async function evaluateServedModel(
  backend: Pick<TrainingBackend<unknown, unknown>, "generate" | "servingName">,
  outs: Record<string, unknown>,
  evaluation: CheckedEvaluation,
): Promise<EvaluationReport> {
  const name = backend.servingName(outs);
  const examples = await evaluationExamples(evaluation.dataset);
  const settings = generationSettings(evaluation);
  const headline = METRIC_NAMES.find((metric) => evaluation.thresholds[metric] !== undefined) ?? "exactMatch";
  console.log(`${name}: evaluating ${examples.length} examples (one generateContent call each)`);
  const results = await runEvaluation(examples, {
    generate: (prompt, signal) => backend.generate(outs, prompt, settings, signal),
    concurrency: evaluation.concurrency ?? DEFAULT_EVALUATION_CONCURRENCY,
    signal: shutdownSignal(),
    progress: (line) => console.log(`${name}: ${line}`),
    headline,
  });
  const report = evaluationReport(evaluation, results, metricScores(results));
  const scores = METRIC_NAMES.map((metric) => `${metric} ${(report.scores?.[metric] ?? 0).toFixed(2)}`).join(", ");
  console.log(`${name}: evaluation ${report.passed ? "passed" : "failed"} (${scores})`);
  return report;
}

/**
 * The quality gate of a create: a trained model takes over only if it passes. A candidate that fails is
 * deleted (it is not what the stack asked for) unless `keepFailedCandidate`, and create fails with the
 * scores against their thresholds and the worst examples. Create failing with a plain error records
 * nothing, so on a create-before-delete replacement the engine keeps the serving model in the stack.
 */
export async function gateCandidate<Job>(
  backend: EvaluatedBackend<Job>,
  evaluation: CheckedEvaluation,
  job: Job,
  outs: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const name = backend.servingName(outs);
  let report: EvaluationReport;
  try {
    report = await evaluateServedModel(backend, outs, evaluation);
  } catch (error) {
    await discardOrKeep(backend, evaluation, job);
    throw new Error(`could not evaluate the new model ${name}: ${(error as Error).message}; ${leftoverAdvice(evaluation, name)}`);
  }
  if (report.passed) return { ...outs, evaluation: report };
  await discardOrKeep(backend, evaluation, job);
  throw new Error(`the new model ${name} failed its evaluation gate: ${shortfallText(report)}\n${leftoverAdvice(evaluation, name)}`);
}

async function discardOrKeep<Job>(backend: EvaluatedBackend<Job>, evaluation: CheckedEvaluation, job: Job): Promise<void> {
  if (evaluation.keepFailedCandidate) return;
  await backend.discardCandidate(job);
}

function leftoverAdvice(evaluation: CheckedEvaluation, name: string): string {
  return evaluation.keepFailedCandidate
    ? `The candidate ${name} was kept (keepFailedCandidate) and is not managed by the stack: inspect it, then delete it yourself. The serving model is unchanged.`
    : `The candidate ${name} was deleted; the serving model (if any) is unchanged. Fix the training data or hyperparameters, or the thresholds, and run \`pulumi up\` again.`;
}

/**
 * Re-evaluates a serving model in place after only its `evaluation` changed (never a retrain). A model
 * that fails fails the update, and the engine keeps the previous state.
 */
export async function reevaluateServedModel(
  backend: Pick<TrainingBackend<unknown, unknown>, "generate" | "servingName">,
  outs: Record<string, unknown>,
  evaluation: CheckedEvaluation | undefined,
): Promise<Record<string, unknown>> {
  if (evaluation === undefined) {
    const { evaluation: _dropped, ...rest } = outs;
    return rest;
  }
  const report = await evaluateServedModel(backend, outs, evaluation);
  if (!report.passed) {
    throw new Error(`${backend.servingName(outs)} failed its new evaluation gate: ${shortfallText(report)}\nThe model keeps serving and the recorded evaluation is unchanged.`);
  }
  return { ...outs, evaluation: report };
}

/** The recorded form of the gate's definition, for comparing with the desired one. */
function gateDefinition(value: unknown): string {
  const v = (value ?? {}) as Partial<CheckedEvaluation> & { datasetFingerprint?: string };
  if (value === undefined || value === null) return "none";
  return JSON.stringify([
    v.dataset?.fingerprint ?? v.datasetFingerprint,
    METRIC_NAMES.map((m) => v.thresholds?.[m] ?? null),
    generationSettings({ generation: v.generation }),
    v.concurrency ?? DEFAULT_EVALUATION_CONCURRENCY,
    v.keepFailedCandidate ?? false,
  ]);
}

/** Diff's comparator for `evaluation`: the desired settings against the recorded report. */
export const evaluationChanged: Comparator = (desired, recorded) => gateDefinition(desired) !== gateDefinition(recorded);

/**
 * The preview's line for a replacement that runs a gate. `deleteFirst`: the old model must go before the
 * new one can exist (a fixed Gemini id), so the gate cannot keep it serving; the line says so.
 */
export function gatePreviewLine(resource: string, evaluation: CheckedEvaluation, deleteFirst = false): string {
  const thresholds = METRIC_NAMES.filter((m) => evaluation.thresholds[m] !== undefined).map((m) => `${m} >= ${evaluation.thresholds[m]}`);
  const count = evaluation.dataset.exampleCount === undefined ? "its" : `${evaluation.dataset.exampleCount}`;
  const line = `${resource}: the replacement will run an evaluation gate (${count} examples, ${thresholds.join(", ")}) before it replaces the serving model`;
  return deleteFirst ? `${line}; the id is fixed, so the serving model is deleted first and a failing candidate leaves none (autoname it to keep it serving)` : line;
}
