/**
 * `fingerprint_vs_sha256sum` and `vertex_dataset_vs_sha256sum`: the dataset work of one preview against
 * the floor for reading and hashing the same file, the system's `sha256sum`, measured in the same run on
 * the same generated JSONL file (218 MB, about 1 word in 40 with a non-ASCII character, page-cached).
 * Each repeat runs, one after another, `sha256sum`, the compiled `scanDatasetFile` (validate + fingerprint),
 * and what `Dataset.fromJsonl` + `VertexDataset.jsonlAsset` do in a program, twice: with the conversion
 * already recorded in the cache directory (an unchanged preview) and with an empty one (the first preview
 * after the data changed, or a CI machine without the cache). The same examples as CSV and as JSON are
 * scanned too, each against the `sha256sum` of its own file. Each measurement is a child process of its
 * own (`datasetChild.ts`), so its peak RSS is its own; times are the work's, without Node's start-up.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { writeDataset, writeJsonlDataset, type GeneratedDataset, type GeneratedFormat } from "./datasetFiles";
import type { Log } from "./engineBenches";

const execFileAsync = promisify(execFile);

/** One child's measurement (see `datasetChild.ts`). */
export interface DatasetRun {
  ms: number;
  cpuMs: number;
  exampleCount: number;
  fingerprint: string;
  sha256?: string;
  rssBeforeKiB: number;
  peakRssKiB: number;
}

/** The same examples in another format: its file's size, its sha256sum and its scans, per repeat. */
export interface OtherFormatRuns {
  bytes: number;
  sha256sumMs: number[];
  scan: DatasetRun[];
}

/** Result of {@link datasetBench}: per repeat, one of each. */
export interface DatasetBenchResult {
  examples: number;
  bytes: number;
  sha256sumMs: number[];
  scan: DatasetRun[];
  vertexRecorded: DatasetRun[];
  vertexCold: DatasetRun[];
  csv: OtherFormatRuns;
  json: OtherFormatRuns;
  /** Load average (1 minute) before and after the measurements. */
  load: [number, number];
}

async function child(args: string[]): Promise<DatasetRun> {
  const { stdout } = await execFileAsync(process.execPath, [path.join(__dirname, "datasetChild.js"), ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as DatasetRun;
}

async function sha256sum(file: string): Promise<{ ms: number; hex: string }> {
  const started = performance.now();
  const { stdout } = await execFileAsync("sha256sum", [file]);
  return { ms: performance.now() - started, hex: stdout.split(" ")[0] };
}

/** Generates the file once, then measures `repeats` rounds. */
export async function datasetBench(repeats: number, log: Log): Promise<DatasetBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-bench-dataset-"));
  try {
    // Lines of about 300 bytes, the density of the 400,000-example, 117 MiB file the issue measured.
    const shape = { examples: 720_000, lineBytes: 300, seed: 15 };
    const dataset = writeJsonlDataset(path.join(dir, "examples.jsonl"), shape);
    const others: Record<Exclude<GeneratedFormat, "jsonl">, GeneratedDataset> = {
      csv: writeDataset(path.join(dir, "examples.csv"), "csv", shape),
      json: writeDataset(path.join(dir, "examples.json"), "json", shape),
    };
    log(`dataset: ${dataset.examples} examples, ${(dataset.bytes / 1e6).toFixed(1)} MB JSONL, ${(others.csv.bytes / 1e6).toFixed(1)} MB CSV, ${(others.json.bytes / 1e6).toFixed(1)} MB JSON`);
    const recordedDir = path.join(dir, "recorded");
    const first = await child(["vertex", dataset.path, recordedDir]); // records the conversion for the runs below
    const result: DatasetBenchResult = {
      examples: dataset.examples,
      bytes: dataset.bytes,
      sha256sumMs: [],
      scan: [],
      vertexRecorded: [],
      vertexCold: [],
      csv: { bytes: others.csv.bytes, sha256sumMs: [], scan: [] },
      json: { bytes: others.json.bytes, sha256sumMs: [], scan: [] },
      load: [os.loadavg()[0], 0],
    };
    let fileHex: string | undefined;
    for (let r = 0; r < repeats; r++) {
      const sum = await sha256sum(dataset.path);
      if (fileHex !== undefined && sum.hex !== fileHex) throw new Error("sha256sum gave two digests for one file");
      fileHex = sum.hex;
      result.sha256sumMs.push(sum.ms);
      result.scan.push(await child(["scan", dataset.path]));
      result.vertexRecorded.push(await child(["vertex", dataset.path, recordedDir]));
      const coldDir = path.join(dir, `cold-${r}`);
      result.vertexCold.push(await child(["vertex", dataset.path, coldDir]));
      fs.rmSync(coldDir, { recursive: true, force: true });
      for (const format of ["csv", "json"] as const) {
        result[format].sha256sumMs.push((await sha256sum(others[format].path)).ms);
        result[format].scan.push(await child(["scan", others[format].path, format]));
      }
      for (const run of [result.scan.at(-1)!, result.vertexRecorded.at(-1)!, result.vertexCold.at(-1)!, result.csv.scan.at(-1)!, result.json.scan.at(-1)!]) {
        if (run.exampleCount !== dataset.examples || run.fingerprint !== first.fingerprint) throw new Error("a dataset run saw other examples than the first");
        if (run.sha256 !== undefined && run.sha256 !== first.sha256) throw new Error("a conversion gave another file than the first");
      }
      log(
        `dataset ${r + 1}/${repeats}: sha256sum ${sum.ms.toFixed(0)} ms, scan ${result.scan.at(-1)!.ms.toFixed(0)} ms, ` +
          `vertex (recorded) ${result.vertexRecorded.at(-1)!.ms.toFixed(0)} ms, vertex (cold) ${result.vertexCold.at(-1)!.ms.toFixed(0)} ms, ` +
          `CSV ${result.csv.scan.at(-1)!.ms.toFixed(0)} ms (sha256sum ${result.csv.sha256sumMs.at(-1)!.toFixed(0)} ms), ` +
          `JSON ${result.json.scan.at(-1)!.ms.toFixed(0)} ms (sha256sum ${result.json.sha256sumMs.at(-1)!.toFixed(0)} ms), load ${os.loadavg()[0].toFixed(2)}`,
      );
    }
    result.load[1] = os.loadavg()[0];
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
