import { DatasetFileRead } from "./datasetFileRead";
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
export function scanDatasetFile(
  source: DatasetFileSource,
  options: { collect?: boolean } = {},
): Promise<DatasetSummary & { examples?: TuningExample[] }> {
  return new DatasetFileRead(source, options).summary();
}
