import type { ExampleTexts, Utf8Sink } from "./exampleText";

// The parts of a Vertex line around the two texts; with the texts as `ExampleText.writeJsonString` writes
// them, the line is byte for byte `vertexExampleLine` of the same example.
const BEFORE_INPUT = Buffer.from('{"contents":[{"role":"user","parts":[{"text":', "utf8");
const BEFORE_OUTPUT = Buffer.from('}]},{"role":"model","parts":[{"text":', "utf8");
const AFTER_OUTPUT = Buffer.from("}]}]}\n", "utf8");

/**
 * Writes one example as a line of Vertex AI supervised-tuning JSONL (see `vertexExampleLine`) to `sink`,
 * copying the bytes of texts read from a file instead of decoding and re-encoding them.
 */
export function writeVertexExampleLine(example: ExampleTexts, sink: Utf8Sink): void {
  sink.writeBytes(BEFORE_INPUT, 0, BEFORE_INPUT.length);
  example.textInput.writeJsonString(sink);
  sink.writeBytes(BEFORE_OUTPUT, 0, BEFORE_OUTPUT.length);
  example.output.writeJsonString(sink);
  sink.writeBytes(AFTER_OUTPUT, 0, AFTER_OUTPUT.length);
}
