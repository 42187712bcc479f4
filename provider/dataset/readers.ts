import { forEachCsvRecord } from "./csvRecords";
import { DatasetError } from "./datasetError";
import { exampleFromRecord } from "./exampleFromRecord";
import { textsOf, type ExampleTexts } from "./exampleText";
import { forEachJsonExample } from "./jsonExamples";
import { jsonlExampleLine, jsonlKeys } from "./jsonlExampleLine";
import { decodeLine, forEachLine } from "./lineReader";
import type { DatasetFieldMapping, DatasetFileFormat } from "./types";

/** One example read from a file, with where it came from. */
export interface LocatedExample {
  /** The example's texts; they may point into the reader's buffer, so read them during the visit. */
  example: ExampleTexts;
  /** 1-based line for JSONL and CSV; for JSON, the array index is in `where`. */
  line?: number;
  /** Human-readable location when there is no line (JSON: `examples[3]`). */
  where?: string;
}

/** Receives each example of a file in order; throwing stops the read. */
export type ExampleVisitor = (located: LocatedExample) => void;

/** Reads the examples of a file in order, throwing {@link DatasetError} at the first bad record. */
export function forEachExample(
  path: string,
  format: DatasetFileFormat,
  mapping: DatasetFieldMapping,
  visit: ExampleVisitor,
): Promise<void> {
  switch (format) {
    case "jsonl":
      return readJsonl(path, mapping, visit);
    case "csv":
      return readCsv(path, mapping, visit);
    case "json":
      return readJson(path, mapping, visit);
  }
}

function readJsonl(path: string, mapping: DatasetFieldMapping, visit: ExampleVisitor): Promise<void> {
  const keys = jsonlKeys(mapping);
  return forEachLine(path, (bytes, start, end, line, utf8) => {
    const fast = keys === undefined ? undefined : jsonlExampleLine(bytes, start, end, keys, utf8);
    if (fast !== undefined) {
      visit({ example: fast, line });
      return;
    }
    const text = decodeLine(bytes, start, end);
    if (text.trim().length === 0) return; // blank lines (a trailing newline) are not examples
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      throw new DatasetError({ file: path, line, message: `not valid JSON (${(error as Error).message})` });
    }
    const result = exampleFromRecord(record, mapping);
    if ("error" in result) throw new DatasetError({ file: path, line, message: result.error });
    visit({ example: textsOf(result.example), line });
  });
}

function readCsv(path: string, mapping: DatasetFieldMapping, visit: ExampleVisitor): Promise<void> {
  return forEachCsvRecord(path, (record, line) => {
    const result = exampleFromRecord(record, mapping);
    if ("error" in result) throw new DatasetError({ file: path, line, message: result.error.replace("missing", "missing column") });
    visit({ example: textsOf(result.example), line });
  });
}

/** A JSON dataset, streamed (see `jsonExamples.ts`): a top-level array of examples, or Google's request shape. */
function readJson(path: string, mapping: DatasetFieldMapping, visit: ExampleVisitor): Promise<void> {
  const keys = jsonlKeys(mapping);
  return forEachJsonExample(path, (element) => {
    const where = `examples[${element.index}]`;
    // An element is an object like a JSONL line: the same fast path reads it straight from its bytes.
    const fast = keys === undefined ? undefined : jsonlExampleLine(element.bytes, element.start, element.end, keys);
    if (fast !== undefined) {
      visit({ example: fast, where });
      return;
    }
    const result = exampleFromRecord(element.record(), mapping);
    if ("error" in result) throw new DatasetError({ file: path, message: `${where}: ${result.error}` });
    visit({ example: textsOf(result.example), where });
  });
}
