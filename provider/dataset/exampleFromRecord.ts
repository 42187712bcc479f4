import type { DatasetFieldMapping, TuningExample } from "./types";

/** The keys tried for the input when the user kept the default mapping (Google's samples use both). */
export const DEFAULT_INPUT_ALIASES: readonly string[] = ["textInput", "text_input"];

/** The mapping used when the user gives none: Google's own field names. */
export const DEFAULT_MAPPING: DatasetFieldMapping = { input: "textInput", output: "output" };

/**
 * Picks the mapped input and output out of one parsed record (a JSON object or a CSV row). Returns the
 * example, or a message saying which key is missing or has the wrong type.
 */
export function exampleFromRecord(
  record: unknown,
  mapping: DatasetFieldMapping,
): { example: TuningExample } | { error: string } {
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    return { error: `expected an object with "${mapping.input}" and "${mapping.output}", got ${describeType(record)}` };
  }
  const fields = record as Record<string, unknown>;
  const inputKeys = mapping.input === DEFAULT_MAPPING.input ? DEFAULT_INPUT_ALIASES : [mapping.input];
  const inputKey = inputKeys.find((key) => key in fields);
  if (inputKey === undefined) return { error: missingKey(mapping.input, fields) };
  if (!(mapping.output in fields)) return { error: missingKey(mapping.output, fields) };
  const textInput = asText(fields[inputKey]);
  if (textInput === undefined) return { error: `"${inputKey}" must be a string, got ${describeType(fields[inputKey])}` };
  const output = asText(fields[mapping.output]);
  if (output === undefined) return { error: `"${mapping.output}" must be a string, got ${describeType(fields[mapping.output])}` };
  return { example: { textInput, output } };
}

function missingKey(key: string, fields: Record<string, unknown>): string {
  const present = Object.keys(fields);
  return `missing "${key}" (present: ${present.length > 0 ? present.map((k) => `"${k}"`).join(", ") : "none"})`;
}

/** Numbers and booleans are accepted as their text: a dataset of numbers is a common first try. */
function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
