/**
 * What the limits look at: the texts' lengths in UTF-16 units, and the texts themselves (`toString`) when
 * those are over a limit (a `TuningExample` has both, so has a reader's `ExampleTexts`).
 */
export interface ExampleLengths {
  /** The prompt. */
  textInput: { readonly length: number; toString(): string };
  /** The expected answer. */
  output: { readonly length: number; toString(): string };
}

/**
 * Per-example limits documented for Gemini 1.5 Flash tuning (docs/gemini-api.md#datasets-and-limits). They are
 * checked locally so that a bad example fails at `pulumi preview`, not minutes into `pulumi up`.
 */
export const EXAMPLE_LIMITS = {
  /** Maximum characters of `textInput`. */
  maxInputChars: 40_000,
  /** Maximum characters of `output`. */
  maxOutputChars: 5_000,
} as const;

/** Returns why an example breaks a documented limit, or undefined when it is valid. */
export function exampleViolation(example: ExampleLengths): string | undefined {
  const empty = emptyTextViolation(example);
  if (empty !== undefined) return empty;
  const input = overLimit(example.textInput, EXAMPLE_LIMITS.maxInputChars);
  if (input !== undefined) return `the input has ${input} characters; the limit is ${EXAMPLE_LIMITS.maxInputChars}`;
  const output = overLimit(example.output, EXAMPLE_LIMITS.maxOutputChars);
  if (output !== undefined) return `the output has ${output} characters; the limit is ${EXAMPLE_LIMITS.maxOutputChars}`;
  return undefined;
}

/**
 * The text's length in characters when it is over `limit`, else undefined. The API counts characters
 * (code points): a character outside the BMP (an emoji) is two UTF-16 units but one character. A text
 * has at least as many UTF-16 units as characters, so only one already over the limit in units is
 * counted again.
 */
function overLimit(text: { readonly length: number }, limit: number): number | undefined {
  if (text.length <= limit) return undefined;
  let characters = 0;
  for (const _ of String(text)) characters++;
  return characters > limit ? characters : undefined;
}

/**
 * Returns why an example has no text to learn from, or undefined. This is the only per-example check that
 * holds for every service: Vertex AI limits examples in tokens (131,072 input + output), which cannot be
 * counted locally, so the Gemini API's character limits above must not be applied to Vertex datasets.
 */
export function emptyTextViolation(example: ExampleLengths): string | undefined {
  if (example.textInput.length === 0) return "the input text is empty";
  if (example.output.length === 0) return "the output text is empty";
  return undefined;
}
