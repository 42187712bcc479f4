import * as os from "node:os";
import * as path from "node:path";
import { assertReadableFile } from "./assertReadableFile";
import { writeContentAddressedFile } from "./contentAddressedFile";
import { DatasetError } from "./datasetError";
import { textsOf, type ExampleTexts } from "./exampleText";
import { emptyTextViolation } from "./limits";
import { forEachExample } from "./readers";
import type { DatasetSpec, TuningExample } from "./types";
import { writeVertexExampleLine } from "./vertexLineWriter";

/** Where {@link writeVertexJsonl} puts its files. */
export interface VertexJsonlOptions {
  /**
   * Directory of the converted files (created when missing; relative paths resolve against the current
   * directory). Default {@link defaultVertexJsonlDir}.
   */
  cacheDir?: string;
}

/** A dataset converted to Vertex AI tuning JSONL. */
export interface VertexJsonlFile {
  /** Absolute path, `<cacheDir>/<sha256>.jsonl`: the same data always gives the same path and bytes. */
  path: string;
  /** Number of examples (lines) written. */
  exampleCount: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
}

/** The default cache directory: `<os.tmpdir()>/pulumi-gemini-tuning/vertex-jsonl`. */
export function defaultVertexJsonlDir(): string {
  return path.join(os.tmpdir(), "pulumi-gemini-tuning", "vertex-jsonl");
}

/**
 * Converts a dataset (inline examples, or a JSONL, CSV or JSON file with its field mapping) into Vertex AI
 * supervised-tuning JSONL, one `contents` line per example in the dataset's order, streaming a file dataset
 * straight from reader to output. The result is content-addressed (see {@link VertexJsonlFile.path}).
 *
 * Examples must have a non-empty input and output and the dataset at least one example; the Gemini API's
 * character limits are not applied (Vertex limits tokens, see `emptyTextViolation`). Throws
 * {@link DatasetError} naming the file and line of the first bad example.
 */
export async function writeVertexJsonl(dataset: DatasetSpec, options: VertexJsonlOptions = {}): Promise<VertexJsonlFile> {
  // A file dataset's `problem` is deliberately not trusted: it may be a Gemini character limit that does not
  // hold for Vertex. Reading the file again reports any real problem (missing file, bad line) just as well.
  if (dataset.kind === "file") await assertReadableFile(dataset.path);
  const written = await writeContentAddressedFile(options.cacheDir ?? defaultVertexJsonlDir(), ".jsonl", (output) =>
    forEachVertexExample(dataset, (example) => writeVertexExampleLine(example, output)),
  );
  return { path: written.path, exampleCount: written.result, sha256: written.sha256 };
}

/** Hands each valid example to `emit` in order; returns the count. */
async function forEachVertexExample(dataset: DatasetSpec, emit: (example: ExampleTexts) => void): Promise<number> {
  let count = 0;
  if (dataset.kind === "inline") {
    for (const [index, example] of dataset.examples.entries()) {
      const violation = inlineViolation(example);
      if (violation !== undefined) throw new DatasetError({ message: `examples[${index}]: ${violation}` });
      emit(textsOf(example));
      count += 1;
    }
  } else {
    await forEachExample(dataset.path, dataset.format, dataset.mapping, ({ example, line, where }) => {
      const violation = emptyTextViolation(example);
      if (violation !== undefined) {
        throw new DatasetError({ file: dataset.path, line, message: where ? `${where}: ${violation}` : violation });
      }
      emit(example);
      count += 1;
    });
  }
  if (count === 0) {
    throw new DatasetError({ file: dataset.kind === "file" ? dataset.path : undefined, message: "the dataset has no examples" });
  }
  return count;
}

/** File readers guarantee strings; inline examples come from a program, where JavaScript may pass anything. */
function inlineViolation(example: TuningExample): string | undefined {
  if (typeof example.textInput !== "string") return "the input must be a string";
  if (typeof example.output !== "string") return "the output must be a string";
  return emptyTextViolation(example);
}
