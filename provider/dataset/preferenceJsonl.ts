import { assertReadableFile } from "./assertReadableFile";
import { writeContentAddressedFile } from "./contentAddressedFile";
import { forEachCsvRecord } from "./csvRecords";
import { DatasetError } from "./datasetError";
import { forEachJsonExample } from "./jsonExamples";
import { forEachLine, decodeLine } from "./lineReader";
import type { DatasetFileFormat } from "./types";
import { defaultVertexJsonlDir, type VertexJsonlFile, type VertexJsonlOptions } from "./vertexJsonl";

/** One preference example: a prompt, the completion to prefer and the one to avoid. */
export interface PreferenceExample {
  /** The user's prompt. */
  prompt: string;
  /** The completion the tuned model should prefer. */
  preferred: string;
  /** The completion it should move away from. */
  dispreferred: string;
}

/** Which keys (JSON, JSONL) or columns (CSV) hold each part of a preference example. */
export interface PreferenceFieldMapping {
  /** Key or column of the prompt. */
  prompt: string;
  /** Key or column of the preferred completion. */
  preferred: string;
  /** Key or column of the dispreferred completion. */
  dispreferred: string;
}

/** The mapping used when the user gives none. */
export const DEFAULT_PREFERENCE_MAPPING: PreferenceFieldMapping = { prompt: "prompt", preferred: "preferred", dispreferred: "dispreferred" };

/** A preference dataset as the program describes it: inline examples, or a file with its mapping. */
export type PreferenceDatasetSpec =
  | { kind: "inline"; examples: PreferenceExample[] }
  | { kind: "file"; path: string; format: DatasetFileFormat; mapping: PreferenceFieldMapping };

/**
 * One example as a line of Vertex AI preference-tuning JSONL (docs/vertex-ai.md#tuning-in-2026): `contents`
 * with the prompt as a user turn, and `completions` with the preferred (score 1) and the dispreferred
 * (score 0) model turn. Fixed key order, so equal examples give equal bytes.
 */
export function preferenceExampleLine(example: PreferenceExample): string {
  const turn = (text: string) => ({ role: "model", parts: [{ text }] });
  const line = JSON.stringify({
    contents: [{ role: "user", parts: [{ text: example.prompt }] }],
    completions: [
      { score: 1, completion: turn(example.preferred) },
      { score: 0, completion: turn(example.dispreferred) },
    ],
  });
  // See vertexExampleLine: U+2028/2029 escaped so that no line reader splits an example.
  return `${line.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}\n`;
}

/**
 * Converts a preference dataset to the JSONL Vertex AI's preference tuning reads, content-addressed like
 * `writeVertexJsonl`. Every example needs a non-empty prompt and two non-empty, different completions, and
 * the dataset at least one example; throws {@link DatasetError} naming the file and line (or index) of the
 * first bad one.
 */
export async function writePreferenceJsonl(dataset: PreferenceDatasetSpec, options: VertexJsonlOptions = {}): Promise<VertexJsonlFile> {
  if (dataset.kind === "file") await assertReadableFile(dataset.path);
  const written = await writeContentAddressedFile(options.cacheDir ?? defaultVertexJsonlDir(), ".jsonl", async (output) => {
    let count = 0;
    await forEachPreferenceRecord(dataset, (record, where) => {
      const example = preferenceExampleOf(record, dataset.kind === "file" ? dataset.mapping : DEFAULT_PREFERENCE_MAPPING);
      if ("error" in example) throw new DatasetError({ file: dataset.kind === "file" ? dataset.path : undefined, ...where, message: `${where.at ?? ""}${example.error}` });
      output.writeText(preferenceExampleLine(example));
      count += 1;
    });
    if (count === 0) throw new DatasetError({ file: dataset.kind === "file" ? dataset.path : undefined, message: "the dataset has no examples" });
    return count;
  });
  return { path: written.path, exampleCount: written.result, sha256: written.sha256 };
}

type Where = { line?: number; at?: string };

async function forEachPreferenceRecord(dataset: PreferenceDatasetSpec, visit: (record: unknown, where: Where) => void): Promise<void> {
  if (dataset.kind === "inline") {
    dataset.examples.forEach((example, index) => visit(example, { at: `examples[${index}]: ` }));
    return;
  }
  const file = dataset.path;
  switch (dataset.format) {
    case "jsonl":
      return forEachLine(file, (bytes, start, end, line) => {
        const text = decodeLine(bytes, start, end);
        if (text.trim().length === 0) return;
        let record: unknown;
        try {
          record = JSON.parse(text);
        } catch (error) {
          throw new DatasetError({ file, line, message: `not valid JSON (${(error as Error).message})` });
        }
        visit(record, { line });
      });
    case "csv":
      return forEachCsvRecord(file, (record, line) => visit(record, { line }));
    case "json":
      await forEachJsonExample(file, (element) => visit(element.record(), { at: `examples[${element.index}]: ` }));
  }
}

function preferenceExampleOf(record: unknown, mapping: PreferenceFieldMapping): PreferenceExample | { error: string } {
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    return { error: `expected an object with "${mapping.prompt}", "${mapping.preferred}" and "${mapping.dispreferred}"` };
  }
  const fields = record as Record<string, unknown>;
  const texts: Partial<PreferenceExample> = {};
  for (const part of ["prompt", "preferred", "dispreferred"] as const) {
    const key = mapping[part];
    const value = fields[key];
    if (!(key in fields)) return { error: `missing "${key}" (present: ${Object.keys(fields).map((k) => `"${k}"`).join(", ") || "none"})` };
    if (typeof value !== "string" && typeof value !== "number") return { error: `"${key}" must be a string` };
    if (String(value).trim() === "") return { error: `"${key}" must not be empty` };
    texts[part] = String(value);
  }
  const example = texts as PreferenceExample;
  if (example.preferred === example.dispreferred) return { error: "the preferred and the dispreferred completion are the same text" };
  return example;
}
