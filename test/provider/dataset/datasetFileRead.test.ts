/**
 * One read of a dataset file for its fingerprint and its Vertex conversion, and the records that let a
 * later run skip the conversion. Reads are counted through the real file system: the bytes this process
 * has read (`rchar` of /proc/self/io, Linux), against the file's size.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DatasetError,
  DatasetFileRead,
  scanDatasetFile,
  vertexExampleLine,
  writeVertexJsonl,
  type DatasetFileSource,
  type DatasetSummary,
  type TuningExample,
  type VertexJsonlFile,
} from "../../../provider/dataset";

const DEFAULT = { input: "textInput", output: "output" };
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "dataset-file-read-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bytesRead(): number {
  if (!existsSync("/proc/self/io")) throw new Error("these tests count reads with /proc/self/io: run them on Linux");
  const match = /^rchar: (\d+)$/m.exec(readFileSync("/proc/self/io", "utf8"));
  return Number(match![1]);
}

/** How many times over `file` was read while `run` ran (other reads of the process are tiny next to it). */
async function readsOf(file: string, run: () => Promise<unknown>): Promise<number> {
  const before = bytesRead();
  await run();
  return (bytesRead() - before) / statSync(file).size;
}

/** A JSONL file of about 8 MB: large enough that reading it once or twice is plain in the byte count. */
function largeDataset(name: string, variant = ""): { source: DatasetFileSource; examples: TuningExample[] } {
  const examples = Array.from({ length: 40_000 }, (_, i) => ({ textInput: `question ${i}${variant} ${"wörd ".repeat(36)}`, output: `answer ${i}` }));
  const path = join(dir, name);
  writeFileSync(path, examples.map((e) => JSON.stringify(e)).join("\n") + "\n");
  return { source: { path, format: "jsonl", mapping: DEFAULT }, examples };
}

function expectConversionOf(file: { path: string; sha256: string; exampleCount: number }, examples: TuningExample[]): void {
  const bytes = readFileSync(file.path);
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
  expect(file.path.endsWith(`${file.sha256}.jsonl`)).toBe(true);
  expect(file.exampleCount).toBe(examples.length);
  expect(bytes.toString("utf8")).toBe(examples.map(vertexExampleLine).join(""));
}

async function problemOf(promise: Promise<unknown>): Promise<DatasetError["problem"]> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DatasetError);
  return (error as DatasetError).problem;
}

describe("DatasetFileRead", () => {
  it("gives the fingerprint and count of scanDatasetFile and the file of writeVertexJsonl, in one read", async () => {
    const { source, examples } = largeDataset("once.jsonl");
    const cacheDir = mkdtempSync(join(dir, "cache-"));
    let summary: DatasetSummary | undefined;
    let file: VertexJsonlFile | undefined;
    const reads = await readsOf(source.path, async () => {
      const read = new DatasetFileRead(source);
      [summary, file] = await Promise.all([read.summary(), read.vertexJsonl({ cacheDir })]);
    });
    expect(reads).toBeGreaterThan(0.9);
    expect(reads).toBeLessThan(1.2);
    expect(summary).toEqual(await scanDatasetFile(source));
    const direct = await writeVertexJsonl({ kind: "file", ...source }, { cacheDir: mkdtempSync(join(dir, "other-")) });
    expect(file).toEqual({ ...direct, path: join(cacheDir, `${direct.sha256}.jsonl`) });
    expectConversionOf(file!, examples);
  });

  it("reuses the converted file when present and intact, without reading or rewriting it", async () => {
    const { source, examples } = largeDataset("reuse.jsonl");
    const cacheDir = mkdtempSync(join(dir, "cache-"));
    const first = new DatasetFileRead(source);
    const converted = await first.vertexJsonl({ cacheDir });
    await first.summary();
    const before = statSync(converted.path, { bigint: true });
    let again: VertexJsonlFile | undefined;
    const reads = await readsOf(source.path, async () => {
      again = await new DatasetFileRead(source).vertexJsonl({ cacheDir });
    });
    expect(again).toEqual(converted);
    expect(reads).toBeLessThan(1.2); // the source once, the converted file not at all
    const after = statSync(converted.path, { bigint: true });
    expect([after.ino, after.ctimeNs]).toEqual([before.ino, before.ctimeNs]); // not replaced
    expectConversionOf(converted, examples);
  });

  it("rebuilds the converted file when it is missing", async () => {
    const { source, examples } = largeDataset("missing.jsonl");
    const cacheDir = mkdtempSync(join(dir, "cache-"));
    const converted = await new DatasetFileRead(source).vertexJsonl({ cacheDir });
    rmSync(converted.path);
    const reads = await readsOf(source.path, async () => expect(await new DatasetFileRead(source).vertexJsonl({ cacheDir })).toEqual(converted));
    expect(reads).toBeLessThan(1.2); // rebuilt in the same read: the source's identity matched its record
    expectConversionOf(converted, examples);
  });

  it("rebuilds the converted file when it was altered, even with its size and modification time kept", async () => {
    const { source, examples } = largeDataset("altered.jsonl");
    const cacheDir = mkdtempSync(join(dir, "cache-"));
    const converted = await new DatasetFileRead(source).vertexJsonl({ cacheDir });
    const { atime, mtime } = statSync(converted.path);
    const bytes = readFileSync(converted.path);
    bytes[100] = bytes[100] === 0x61 ? 0x62 : 0x61;
    writeFileSync(converted.path, bytes);
    utimesSync(converted.path, atime, mtime);
    expect(await new DatasetFileRead(source).vertexJsonl({ cacheDir })).toEqual(converted);
    expectConversionOf(converted, examples);
  });

  it("converts again, in the same read, when the source changed", async () => {
    const { source } = largeDataset("changing.jsonl");
    const cacheDir = mkdtempSync(join(dir, "cache-"));
    const old = await new DatasetFileRead(source).vertexJsonl({ cacheDir });
    const { examples } = largeDataset("changing.jsonl", " v2");
    let changed: VertexJsonlFile | undefined;
    const reads = await readsOf(source.path, async () => {
      changed = await new DatasetFileRead(source).vertexJsonl({ cacheDir });
    });
    expect(reads).toBeLessThan(1.2);
    expect(changed!.path).not.toBe(old.path);
    expectConversionOf(changed!, examples);
  });

  it("converts by a second read when asked once the read has started, and reuses a record then too", async () => {
    const { source, examples } = largeDataset("late.jsonl");
    const cacheDir = mkdtempSync(join(dir, "cache-"));
    const read = new DatasetFileRead(source);
    let late: VertexJsonlFile | undefined;
    const reads = await readsOf(source.path, async () => {
      await read.summary();
      late = await read.vertexJsonl({ cacheDir });
    });
    expect(reads).toBeGreaterThan(1.8); // what a single read saves, and proof that the count sees reads
    expectConversionOf(late!, examples);
    const laterStill = new DatasetFileRead(source);
    await laterStill.summary();
    const reused = await readsOf(source.path, async () => expect(await laterStill.vertexJsonl({ cacheDir })).toEqual(late));
    expect(reused).toBeLessThan(0.2);
  });

  it("keeps the Gemini limits out of the conversion, and reports problems both ways with file and line", async () => {
    const cacheDir = mkdtempSync(join(dir, "cache-"));
    const long = { textInput: "x".repeat(45_000), output: "y" };
    const longPath = join(dir, "long.jsonl");
    writeFileSync(longPath, `{"textInput":"1","output":"2"}\n${JSON.stringify(long)}\n`);
    const longRead = new DatasetFileRead({ path: longPath, format: "jsonl", mapping: DEFAULT });
    const converted = longRead.vertexJsonl({ cacheDir });
    expect(await problemOf(longRead.summary())).toEqual({ file: longPath, line: 2, message: "the input has 45000 characters; the limit is 40000" });
    expectConversionOf(await converted, [{ textInput: "1", output: "2" }, long]);

    const badPath = join(dir, "bad.csv");
    writeFileSync(badPath, "q,a\n1,2\n3,\n");
    const badRead = new DatasetFileRead({ path: badPath, format: "csv", mapping: { input: "q", output: "a" } });
    const failed = badRead.vertexJsonl({ cacheDir });
    const expected = { file: badPath, line: 3, message: "the output text is empty" };
    expect(await problemOf(failed)).toEqual(expected);
    expect(await problemOf(badRead.summary())).toEqual(expected);
    const missing = join(dir, "missing.json");
    const missingRead = new DatasetFileRead({ path: missing, format: "json", mapping: DEFAULT });
    expect(await problemOf(missingRead.vertexJsonl({ cacheDir }))).toEqual({ file: missing, message: "file not found" });
    expect(await problemOf(missingRead.summary())).toEqual({ file: missing, message: "file not found" });
    // Only the converted file and the records: nothing temporary left behind.
    expect(readdirSync(cacheDir).sort()).toEqual([`${(await converted).sha256}.jsonl`, "sources"]);
    expect(readdirSync(join(cacheDir, "sources")).every((name) => name.endsWith(".json"))).toBe(true);
  });

  it("fails a conversion that cannot be written on its own, keeping the fingerprint", async () => {
    const { source } = largeDataset("unwritable.jsonl");
    const notADirectory = join(dir, "plain-file");
    writeFileSync(notADirectory, "x");
    const read = new DatasetFileRead(source);
    const conversion = read.vertexJsonl({ cacheDir: join(notADirectory, "cache") });
    const written = read.vertexJsonl({ cacheDir: mkdtempSync(join(dir, "cache-")) });
    await expect(conversion).rejects.toThrow(/ENOTDIR/);
    expect(await read.summary()).toEqual(await scanDatasetFile(source));
    expect((await written).exampleCount).toBe(40_000);
  });
});
