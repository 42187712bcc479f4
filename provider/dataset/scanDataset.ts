import { assertReadableFile } from "./assertReadableFile";
import { DatasetError } from "./datasetError";
import { DatasetFingerprinter } from "./fingerprint";
import { exampleViolation } from "./limits";
import { forEachExample } from "./readers";
import type { DatasetFieldMapping, DatasetFileFormat, DatasetSummary, TuningExample } from "./types";

/** What to read: a file, its format and the key/column mapping. */
export interface DatasetFileSource {
  /** Path of the file. */
  path: string;
  /** How to parse it. */
  format: DatasetFileFormat;
  /** Where input and output are. */
  mapping: DatasetFieldMapping;
}

/**
 * Reads a dataset file once, streaming: validates every example against the documented limits and
 * computes the fingerprint and count. With `collect`, also returns the examples (for the create request,
 * which must carry them all anyway). Throws {@link DatasetError} naming the file and line.
 */
export async function scanDatasetFile(
  source: DatasetFileSource,
  options: { collect?: boolean } = {},
): Promise<DatasetSummary & { examples?: TuningExample[] }> {
  await assertReadableFile(source.path);
  const fingerprinter = new DatasetFingerprinter();
  const examples: TuningExample[] | undefined = options.collect ? [] : undefined;
  await forEachExample(source.path, source.format, source.mapping, ({ example, line, where }) => {
    const violation = exampleViolation(example);
    if (violation !== undefined) {
      throw new DatasetError({ file: source.path, line, message: where ? `${where}: ${violation}` : violation });
    }
    fingerprinter.addTexts(example);
    examples?.push({ textInput: example.textInput.toString(), output: example.output.toString() });
  });
  if (fingerprinter.exampleCount === 0) {
    throw new DatasetError({ file: source.path, message: "the dataset has no examples" });
  }
  return { fingerprint: fingerprinter.digest(), exampleCount: fingerprinter.exampleCount, examples };
}
