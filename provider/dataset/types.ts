/**
 * The plain-JSON description of a training dataset as it travels from the user's program (sdk/) to the
 * provider and into Pulumi state. File datasets carry only their location, mapping and fingerprint: the
 * examples themselves never enter state.
 */

/** One single-turn tuning example, as the Gemini API's `TuningExample` (`textInput` -> `output`). */
export interface TuningExample {
  /** The prompt text. */
  textInput: string;
  /** The expected model answer. */
  output: string;
}

/** File formats a dataset can be read from. */
export type DatasetFileFormat = "jsonl" | "csv" | "json";

/** Which key (JSON, JSONL) or column (CSV) holds the input and the output of each example. */
export interface DatasetFieldMapping {
  /** Key or column of the prompt text. */
  input: string;
  /** Key or column of the expected answer. */
  output: string;
}

/** Where a dataset problem was found, so that errors can name the file and line. */
export interface DatasetProblem {
  /** What is wrong, in words a user can act on. */
  message: string;
  /** The file the problem is in, when the dataset is a file. */
  file?: string;
  /** 1-based line (JSONL, CSV) of the problem, when known. */
  line?: number;
}

/** Examples written in the program itself. */
export interface InlineDatasetSpec {
  /** Discriminator. */
  kind: "inline";
  /** The examples, stored in state (keep inline datasets small; use a file for large ones); resource inputs carry them packed into one string (see `packedExamples.ts`). */
  examples: TuningExample[];
  /** Content fingerprint (see {@link datasetFingerprint}); filled in by the provider's check. */
  fingerprint?: string;
  /** Number of examples; filled in by the provider's check. */
  exampleCount?: number;
}

/** Examples read from a file at program time (fingerprint) and again at create (upload). */
export interface FileDatasetSpec {
  /** Discriminator. */
  kind: "file";
  /** Absolute path of the file (absolute because the provider process may run in another directory). */
  path: string;
  /** How the file is parsed. */
  format: DatasetFileFormat;
  /** Which keys or columns hold input and output. */
  mapping: DatasetFieldMapping;
  /** Content fingerprint of the examples, computed when the program ran. */
  fingerprint?: string;
  /** Number of examples, computed when the program ran. */
  exampleCount?: number;
  /** Set when the file could not be read or validated; the provider's check reports it. */
  problem?: DatasetProblem;
}

/** A dataset as it appears in resource inputs. */
export type DatasetSpec = InlineDatasetSpec | FileDatasetSpec;

/** The result of reading and validating a dataset completely. */
export interface DatasetSummary {
  /** Content fingerprint: `sha256:` + hex digest over the normalized examples. */
  fingerprint: string;
  /** Number of examples. */
  exampleCount: number;
}
