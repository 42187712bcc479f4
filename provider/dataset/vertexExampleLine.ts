import type { TuningExample } from "./types";

/**
 * One example as a line of Vertex AI supervised-tuning JSONL (docs/vertex-ai.md#datasets): a user turn
 * answered by a model turn, ending in `\n`. The key order is fixed, so equal examples always give equal bytes.
 */
export function vertexExampleLine(example: TuningExample): string {
  const line = JSON.stringify({
    contents: [
      { role: "user", parts: [{ text: example.textInput }] },
      { role: "model", parts: [{ text: example.output }] },
    ],
  });
  // JSON allows U+2028 and U+2029 unescaped, but line readers that treat them as line breaks (Python's
  // `splitlines`, some JavaScript tooling) would cut the example in two; escaped, the text is unchanged.
  return `${line.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}\n`;
}
