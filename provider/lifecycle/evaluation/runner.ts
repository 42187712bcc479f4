import type { TuningExample } from "../../dataset";
import { METRIC_NAMES, scoreReply, type MetricName } from "./metrics";

/** One example's outcome. */
export interface ScoredExample {
  /** The prompt sent. */
  prompt: string;
  /** The answer the dataset expects. */
  expected: string;
  /** What the model replied. */
  reply: string;
  /** Whether the reply passed each metric. */
  passed: Record<MetricName, boolean>;
}

/** How an evaluation run is told to call the model and report progress. */
export interface RunOptions {
  /** One generateContent call: the model's reply to a prompt. */
  generate(prompt: string, signal: AbortSignal): Promise<string>;
  /** At most this many calls at once. */
  concurrency: number;
  /** Aborts the calls still to make. */
  signal: AbortSignal;
  /** A progress line (`evaluated 120/400, exactMatch 0.93 so far`). */
  progress(line: string): void;
  /** The metric named in progress lines (the first with a threshold). */
  headline: MetricName;
}

/** How many progress lines a run prints at most (one per tenth of the dataset, and the last). */
const PROGRESS_LINES = 10;

/**
 * Asks the model for every example, at most `concurrency` calls at once (each call goes through the one
 * HTTP layer and its retries), and scores the replies. The results keep the dataset's order. The first
 * call that fails after its retries ends the run with that error.
 */
export async function runEvaluation(examples: readonly TuningExample[], options: RunOptions): Promise<ScoredExample[]> {
  const results: ScoredExample[] = new Array(examples.length);
  const every = Math.max(1, Math.ceil(examples.length / PROGRESS_LINES));
  let next = 0;
  let done = 0;
  let headlinePassed = 0;
  const worker = async () => {
    while (next < examples.length) {
      options.signal.throwIfAborted();
      const index = next++;
      const example = examples[index];
      const reply = await options.generate(example.textInput, options.signal);
      const passed = scoreReply(example.output, reply);
      results[index] = { prompt: example.textInput, expected: example.output, reply, passed };
      done++;
      if (passed[options.headline]) headlinePassed++;
      if (done % every === 0 || done === examples.length) {
        options.progress(`evaluated ${done}/${examples.length}, ${options.headline} ${(headlinePassed / done).toFixed(2)} so far`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, examples.length) }, worker));
  return results;
}

/** Each metric's score: the fraction of examples that passed it. */
export function metricScores(results: readonly ScoredExample[]): Record<MetricName, number> {
  const scores = {} as Record<MetricName, number>;
  for (const name of METRIC_NAMES) scores[name] = results.length === 0 ? 0 : results.filter((r) => r.passed[name]).length / results.length;
  return scores;
}
