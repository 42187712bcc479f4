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
    const plans = new Map<Conversion, { writer?: ContentAddressedWriter; record?: VertexJsonlRecord }>();
    let limitProblem: DatasetProblem | undefined;
    const fingerprinter = new DatasetFingerprinter();
    const examples: TuningExample[] | undefined = this.options.collect ? [] : undefined;
    // A conversion that fails on its own (an unwritable cache directory, a full disk) fails alone: the
    // fingerprint still reaches the inputs, and the check of the other resources is not held up.
    const failures: Promise<void>[] = [];
    const fail = async (conversion: Conversion, error: unknown) => {
      const writer = plans.get(conversion)?.writer;
      plans.delete(conversion);
      await writer?.abort();
      conversion.settle({ error });
    };
    try {
      await assertReadableFile(source.path);
      sourceIdentity = await fileIdentity(source.path);
      for (const conversion of this.conversions) {
        try {
          const record = await readVertexJsonlRecord(conversion.cacheDir, source);
          if (record !== undefined && sameIdentity(record.source, sourceIdentity) && (await recordedFileIntact(record))) plans.set(conversion, { record });
          else plans.set(conversion, { writer: await ContentAddressedWriter.create(conversion.cacheDir, ".jsonl") });
        } catch (error) {
          await fail(conversion, error);
        }
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
        for (const [conversion, { writer }] of plans) {
          try {
            if (writer !== undefined) writeVertexExampleLine(example, writer.output);
          } catch (error) {
            failures.push(fail(conversion, error));
          }
        }
      });
      if (fingerprinter.exampleCount === 0) throw new DatasetError({ file: source.path, message: "the dataset has no examples" });
    } catch (error) {
      // Settling twice is harmless (a conversion that failed on its own keeps its error).
      await Promise.all([...failures, ...this.conversions.map((conversion) => fail(conversion, error))]);
      return { ok: false, error, limitProblem };
    }
    await Promise.all(failures);
    const outcome: ReadOutcome = {
      ok: true,
      fingerprint: fingerprinter.digest(),
      exampleCount: fingerprinter.exampleCount,
      examples,
      source: sourceIdentity,
      limitProblem,
    };
    for (const [conversion, plan] of plans) {
      this.finishConversion(conversion.cacheDir, outcome, plan).then(
        (file) => conversion.settle({ file }),
        (error: unknown) => conversion.settle({ error }),
      );
    }
    return outcome;
  }

  /** Completes a conversion planned before the read: names the written file, or confirms the recorded one. */
  private async finishConversion(
    cacheDir: string,
    outcome: ReadOutcome & { ok: true },
    plan: { writer?: ContentAddressedWriter; record?: VertexJsonlRecord },
  ): Promise<VertexJsonlFile> {
    if (plan.writer !== undefined) {
      const written = await plan.writer.finish();
      const file = { path: written.path, sha256: written.sha256, exampleCount: outcome.exampleCount };
      if (outcome.source !== undefined) await writeVertexJsonlRecord(cacheDir, this.source, { source: outcome.source, fingerprint: outcome.fingerprint, file });
      return file;
    }
    if (plan.record !== undefined && plan.record.fingerprint === outcome.fingerprint) return plan.record.file;
    return this.convertAfterRead(cacheDir, outcome);
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

