import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { DatasetFileRead } from "../provider/dataset/datasetFileRead";
import type { DatasetFieldMapping, DatasetFileFormat, DatasetSpec } from "../provider/dataset/types";
import type { VertexJsonlFile } from "../provider/dataset/vertexJsonl";
import { providerImplementation } from "./providerShim";

/** One tuning example: a prompt and the answer the tuned model should give. */
export interface TuningExampleArgs {
  /** The prompt text (at most 40,000 characters). */
  textInput: pulumi.Input<string>;
  /** The expected answer (at most 5,000 characters). */
  output: pulumi.Input<string>;
}

/** Which keys (JSON, JSONL) or columns (CSV) hold each example's input and output. */
export interface DatasetMappingArgs {
  /** Key or column of the input. Default `textInput` (`text_input` is also accepted). */
  input?: string;
  /** Key or column of the output. Default `output`. */
  output?: string;
}

/**
 * Training data for a `TunedModel`. Inline examples are stored in state; file datasets are read when the
 * program runs to compute a fingerprint and count (only those, with the path, go into state) and read
 * again by the provider at create, which refuses to train if the file changed in between. A program reads
 * a file dataset once, whatever it does with it (a Vertex conversion shares that read).
 */
export class Dataset {
  /** The dataset as resource inputs carry it. */
  readonly spec: pulumi.Output<DatasetSpec>;

  /** The one read of a file dataset, shared by its fingerprint and its Vertex conversion. */
  private readonly fileRead: DatasetFileRead | undefined;

  private constructor(spec: pulumi.Output<DatasetSpec>, fileRead?: DatasetFileRead) {
    this.spec = spec;
    this.fileRead = fileRead;
  }

  /**
   * For `VertexDataset.jsonlAsset`: the Vertex AI JSONL of a file dataset, made in the read that computes
   * its fingerprint when asked for in the same synchronous stretch of the program; undefined for inline
   * examples (converted from the spec).
   * @internal
   */
  vertexJsonlOfFile(cacheDir: string | undefined): Promise<VertexJsonlFile> | undefined {
    return this.fileRead?.vertexJsonl({ cacheDir });
  }

  /** Examples written in the program. Keep these small; use a file for hundreds of examples. */
  static inline(examples: pulumi.Input<pulumi.Input<TuningExampleArgs>[]>): Dataset {
    return new Dataset(
      pulumi.output(examples).apply((list) => ({
        kind: "inline" as const,
        examples: list.map((example) => ({ textInput: example.textInput, output: example.output })),
      })),
    );
  }

  /** A JSON Lines file: one object per line, e.g. `{"textInput": "1", "output": "2"}`. */
  static fromJsonl(file: string, mapping?: DatasetMappingArgs): Dataset {
    return Dataset.fromFile(file, "jsonl", mapping);
  }

  /** A CSV file with a header row naming the columns. */
  static fromCsv(file: string, mapping?: DatasetMappingArgs): Dataset {
    return Dataset.fromFile(file, "csv", mapping);
  }

  /** A JSON file: an array of example objects, or `{"examples": [...]}`. */
  static fromJson(file: string, mapping?: DatasetMappingArgs): Dataset {
    return Dataset.fromFile(file, "json", mapping);
  }

  private static fromFile(file: string, format: DatasetFileFormat, mapping: DatasetMappingArgs = {}): Dataset {
    const { datasets } = providerImplementation();
    const source = {
      path: path.resolve(file),
      format,
      mapping: { input: mapping.input ?? datasets.DEFAULT_MAPPING.input, output: mapping.output ?? datasets.DEFAULT_MAPPING.output } satisfies DatasetFieldMapping,
    };
    // A bad file becomes a `problem` in the inputs, so the provider's check reports it at preview with the
    // property path, instead of the program crashing with a stack trace.
    const fileRead = new datasets.DatasetFileRead(source);
    const spec = fileRead
      .summary()
      .then(({ fingerprint, exampleCount }): DatasetSpec => ({ kind: "file", ...source, fingerprint, exampleCount }))
      .catch((error: unknown): DatasetSpec => ({
        kind: "file",
        ...source,
        problem: error instanceof datasets.DatasetError ? error.problem : { file: source.path, message: String(error) },
      }));
    return new Dataset(pulumi.output(spec), fileRead);
  }
}
