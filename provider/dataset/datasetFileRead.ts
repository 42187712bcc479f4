import * as path from "node:path";
import { assertReadableFile } from "./assertReadableFile";
import { ContentAddressedWriter } from "./contentAddressedFile";
import { DatasetError } from "./datasetError";
import { DatasetFingerprinter } from "./fingerprint";
import { emptyTextViolation, exampleViolation } from "./limits";
import { forEachExample } from "./readers";
import type { DatasetFileSource } from "./scanDataset";
import type { DatasetProblem, DatasetSummary, TuningExample } from "./types";
import { defaultVertexJsonlDir, writeVertexJsonl, type VertexJsonlFile, type VertexJsonlOptions } from "./vertexJsonl";
import { writeVertexExampleLine } from "./vertexLineWriter";
import { fileIdentity, readVertexJsonlRecord, recordedFileIntact, sameIdentity, writeVertexJsonlRecord, type FileIdentity, type VertexJsonlRecord } from "./vertexJsonlRecord";

/** What one read of the file found. */
type ReadOutcome =
  | { ok: true; fingerprint: string; exampleCount: number; examples?: TuningExample[]; source: FileIdentity | undefined; limitProblem?: DatasetProblem }
  | { ok: false; error: unknown; limitProblem?: DatasetProblem };

/** A Vertex conversion asked for before the read started: made during the read unless a record covers it. */
interface Conversion {
  cacheDir: string;
  result: Promise<VertexJsonlFile>;
  settle: (outcome: { file: VertexJsonlFile } | { error: unknown }) => void;
}

/**
 * One read of a dataset file, shared by everything a program does with that file: its fingerprint and
 * count under the Gemini API's limits ({@link summary}, what `Dataset.fromJsonl` puts in the inputs) and its
 * conversion into Vertex AI tuning JSONL ({@link vertexJsonl}, behind `VertexDataset.jsonlAsset`).
 *
 * The read starts on the next turn of the event loop, so that conversions asked for in the same
 * synchronous stretch of the program (`jsonlAsset(Dataset.fromJsonl(...))`) join it. A conversion is
 * skipped when the cache directory holds a record of converting this file with the fingerprint the read
 * finds, and the converted file still has the identity recorded (see `vertexJsonlRecord.ts`); the record
 * of the source file's identity decides beforehand whether to convert during the read, and when it was
 * wrong (the file changed but looks untouched) or the conversion was asked for once the read had started,
 * the file is converted by a second read.
 */
export class DatasetFileRead {
  private readonly conversions: Conversion[] = [];
  private started = false;
  private readonly outcome: Promise<ReadOutcome>;

  /**
   * Starts a read of `source`. With `collect`, the read also keeps the examples (for a create request, which
   * must carry them all anyway) and {@link summary} returns them.
   */
  constructor(
    readonly source: DatasetFileSource,
    private readonly options: { collect?: boolean } = {},
  ) {
    this.outcome = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.read());
  }

  /**
   * Fingerprint and count; rejects with the {@link DatasetError} of the first unreadable or invalid example,
   * the Gemini API's character limits included (exactly as `scanDatasetFile`).
   */
  async summary(): Promise<DatasetSummary & { examples?: TuningExample[] }> {
    const outcome = await this.outcome;
    if (outcome.limitProblem !== undefined) throw new DatasetError(outcome.limitProblem);
    if (!outcome.ok) throw outcome.error;
    return { fingerprint: outcome.fingerprint, exampleCount: outcome.exampleCount, examples: outcome.examples };
  }

  /** The dataset as Vertex AI JSONL, as `writeVertexJsonl` writes it (and with the same errors). */
  vertexJsonl(options: VertexJsonlOptions = {}): Promise<VertexJsonlFile> {
    const cacheDir = path.resolve(options.cacheDir ?? defaultVertexJsonlDir());
    if (this.started) return this.outcome.then((outcome) => this.convertAfterRead(cacheDir, outcome));
    const known = this.conversions.find((c) => c.cacheDir === cacheDir);
    if (known !== undefined) return known.result;
    let settle!: Conversion["settle"];
    const result = new Promise<VertexJsonlFile>((resolve, reject) => {
      settle = (outcome) => ("file" in outcome ? resolve(outcome.file) : reject(outcome.error));
    });
    this.conversions.push({ cacheDir, result, settle });
    return result;
  }

  private async read(): Promise<ReadOutcome> {
    this.started = true;
    const { source } = this;
    let sourceIdentity: FileIdentity | undefined;
    const reuse = new Map<Conversion, VertexJsonlRecord>();
    const writers = new Map<Conversion, ContentAddressedWriter>();
    let limitProblem: DatasetProblem | undefined;
    const fingerprinter = new DatasetFingerprinter();
    const examples: TuningExample[] | undefined = this.options.collect ? [] : undefined;
    try {
      await assertReadableFile(source.path);
      sourceIdentity = await fileIdentity(source.path);
      for (const conversion of this.conversions) {
        const record = await readVertexJsonlRecord(conversion.cacheDir, source);
        if (record !== undefined && sameIdentity(record.source, sourceIdentity) && (await recordedFileIntact(record))) reuse.set(conversion, record);
        else writers.set(conversion, await ContentAddressedWriter.create(conversion.cacheDir, ".jsonl"));
      }
      // Reading on past a Gemini limit is only needed for a conversion (Vertex limits tokens, not characters).
      const stopAtLimit = this.conversions.length === 0;
      await forEachExample(source.path, source.format, source.mapping, ({ example, line, where }) => {
        const empty = emptyTextViolation(example);
        if (empty !== undefined) throw new DatasetError({ file: source.path, line, message: where ? `${where}: ${empty}` : empty });
        if (limitProblem === undefined) {
          const violation = exampleViolation(example);
          if (violation !== undefined) {
            limitProblem = { file: source.path, line, message: where ? `${where}: ${violation}` : violation };
            if (stopAtLimit) throw new DatasetError(limitProblem);
          }
        }
        fingerprinter.addTexts(example);
        examples?.push({ textInput: example.textInput.toString(), output: example.output.toString() });
        for (const writer of writers.values()) writeVertexExampleLine(example, writer.output);
      });
      if (fingerprinter.exampleCount === 0) throw new DatasetError({ file: source.path, message: "the dataset has no examples" });
    } catch (error) {
      await Promise.all([...writers.values()].map((writer) => writer.abort()));
      for (const conversion of this.conversions) conversion.settle({ error });
      return { ok: false, error, limitProblem };
    }
    const outcome: ReadOutcome = {
      ok: true,
      fingerprint: fingerprinter.digest(),
      exampleCount: fingerprinter.exampleCount,
      examples,
      source: sourceIdentity,
      limitProblem,
    };
    await Promise.all(
      this.conversions.map(async (conversion) => {
        try {
          const writer = writers.get(conversion);
          const record = reuse.get(conversion);
          if (writer !== undefined) {
            const written = await writer.finish();
            const file = { path: written.path, sha256: written.sha256, exampleCount: outcome.exampleCount };
            if (sourceIdentity !== undefined) await writeVertexJsonlRecord(conversion.cacheDir, source, { source: sourceIdentity, fingerprint: outcome.fingerprint, file });
            conversion.settle({ file });
          } else if (record !== undefined && record.fingerprint === outcome.fingerprint) {
            conversion.settle({ file: record.file });
          } else {
            conversion.settle({ file: await this.convertAfterRead(conversion.cacheDir, outcome) });
          }
        } catch (error) {
          conversion.settle({ error });
        }
      }),
    );
    return outcome;
  }

  /** A conversion the read did not make: reused from its record, or made by reading the file again. */
  private async convertAfterRead(cacheDir: string, outcome: ReadOutcome): Promise<VertexJsonlFile> {
    if (!outcome.ok) throw outcome.error;
    const record = await readVertexJsonlRecord(cacheDir, this.source);
    if (record !== undefined && record.fingerprint === outcome.fingerprint && (await recordedFileIntact(record))) return record.file;
    const file = await writeVertexJsonl({ kind: "file", ...this.source }, { cacheDir });
    if (outcome.source !== undefined) await writeVertexJsonlRecord(cacheDir, this.source, { source: outcome.source, fingerprint: outcome.fingerprint, file });
    return file;
  }
}

