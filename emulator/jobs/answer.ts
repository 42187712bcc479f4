/**
 * The deterministic answer of a tuned model (the emulator has no model to run). The rule, so users can write
 * assertions against it:
 *
 * 1. The prompt is the text of the last entry of `contents` (its text parts joined without separator).
 * 2. Prompt and example inputs are compared after trimming, lowercasing and collapsing whitespace.
 * 3. An example whose input equals the prompt answers with its output (the first such example).
 * 4. Otherwise the example whose input is nearest by Levenshtein distance, over the first 200 characters of
 *    each normalised text, answers; ties go to the earlier example.
 */

/** Characters compared for the nearest-example rule (bounds the cost on long inputs). */
export const COMPARED_PREFIX = 200;

/** The normalised form used for matching. */
export function normalizePrompt(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Edit distance between two strings. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The answer for `prompt` from `examples` (see the module comment for the rule). */
export function answerFor(examples: readonly { textInput: string; output: string }[], prompt: string): string {
  const wanted = normalizePrompt(prompt);
  const exact = examples.find((e) => normalizePrompt(e.textInput) === wanted);
  if (exact) return exact.output;
  const probe = wanted.slice(0, COMPARED_PREFIX);
  let best = examples[0];
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const example of examples) {
    const distance = levenshtein(probe, normalizePrompt(example.textInput).slice(0, COMPARED_PREFIX));
    if (distance < bestDistance) {
      best = example;
      bestDistance = distance;
    }
  }
  return best?.output ?? "";
}

/** A rough token count (4 characters per token), for `usageMetadata`. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}
