/**
 * The metrics of an evaluation: each scores one reply against its expected answer as passed or not, and a
 * metric's score is the fraction of examples that passed.
 *
 * - `exactMatch`: reply and expected answer are equal after trimming.
 * - `normalizedMatch`: equal after folding case, punctuation and runs of whitespace.
 * - `contains`: the expected answer (trimmed) appears in the reply.
 * - `jsonValid`: the reply (trimmed) parses as JSON.
 */

/** The names of the metrics, in the order they are reported. */
export const METRIC_NAMES = ["exactMatch", "normalizedMatch", "contains", "jsonValid"] as const;

/** One metric's name. */
export type MetricName = (typeof METRIC_NAMES)[number];

/** Case, punctuation and whitespace folded away. */
export function foldedText(text: string): string {
  return text.toLowerCase().replace(/[\p{P}\p{S}]+/gu, " ").replace(/\s+/g, " ").trim();
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether a reply passes each metric. */
export function scoreReply(expected: string, reply: string): Record<MetricName, boolean> {
  return {
    exactMatch: reply.trim() === expected.trim(),
    normalizedMatch: foldedText(reply) === foldedText(expected),
    contains: reply.includes(expected.trim()),
    jsonValid: parsesAsJson(reply.trim()),
  };
}
