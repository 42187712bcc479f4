/** What the limits look at: the texts' lengths in UTF-16 units (a `TuningExample` has them, so has a reader's `ExampleTexts`). */
export interface ExampleLengths {
  /** The prompt. */
  textInput: { readonly length: number };
  /** The expected answer. */
  output: { readonly length: number };
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
  if (example.textInput.length > EXAMPLE_LIMITS.maxInputChars) {
    return `the input has ${example.textInput.length} characters; the limit is ${EXAMPLE_LIMITS.maxInputChars}`;
  }
  if (example.output.length > EXAMPLE_LIMITS.maxOutputChars) {
    return `the output has ${example.output.length} characters; the limit is ${EXAMPLE_LIMITS.maxOutputChars}`;
  }
  return undefined;
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
