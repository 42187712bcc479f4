import * as pulumi from "@pulumi/pulumi";
import type { DatasetSpec } from "../provider/dataset/types";
import { Dataset, type TuningExampleArgs } from "./dataset";

/** Minimum scores, as fractions of the evaluation dataset from 0 to 1. Set at least one. */
export interface EvaluationThresholdsArgs {
  /** Reply equal to the expected answer after trimming. */
  exactMatch?: pulumi.Input<number>;
  /** Equal after folding case, punctuation and whitespace. */
  normalizedMatch?: pulumi.Input<number>;
  /** The expected answer (trimmed) appears in the reply. */
  contains?: pulumi.Input<number>;
  /** The reply parses as JSON. */
  jsonValid?: pulumi.Input<number>;
}

/** Sampling settings of the evaluation calls. */
export interface EvaluationGenerationArgs {
  /** Default 0, so that scores are repeatable. */
  temperature?: pulumi.Input<number>;
  /** Nucleus sampling, 0 to 1. */
  topP?: pulumi.Input<number>;
  /** Top-k sampling. */
  topK?: pulumi.Input<number>;
  /** Longest reply, in tokens. */
  maxOutputTokens?: pulumi.Input<number>;
}

/**
 * A quality gate: after training, the new model answers every prompt of `dataset` (one generateContent
 * call each) and takes over only if every threshold is met. Changing only the evaluation re-evaluates the
 * serving model in place; it never trains again.
 */
export interface EvaluationArgs {
  /** Prompts with expected answers: a {@link Dataset} (inline or a file), or inline examples. */
  dataset: Dataset | pulumi.Input<pulumi.Input<TuningExampleArgs>[]>;
  /** Minimum score per metric. */
  thresholds: pulumi.Input<EvaluationThresholdsArgs>;
  /** Sampling settings of the evaluation calls (temperature defaults to 0). */
  generation?: pulumi.Input<EvaluationGenerationArgs>;
  /** Concurrent generateContent calls, 1 to 64. Default 8. */
  concurrency?: pulumi.Input<number>;
  /**
   * Leave a candidate that failed its gate in the service (not in the stack) for inspection, instead of
   * deleting it. Whoever inspects it deletes it.
   */
  keepFailedCandidate?: pulumi.Input<boolean>;
}

/** The evaluation as resource inputs carry it. */
export function evaluationInput(evaluation: EvaluationArgs | undefined): pulumi.Input<Record<string, unknown>> | undefined {
  if (evaluation === undefined) return undefined;
  const dataset: pulumi.Output<DatasetSpec> = (evaluation.dataset instanceof Dataset ? evaluation.dataset : Dataset.inline(evaluation.dataset)).spec;
  return { ...evaluation, dataset };
}
