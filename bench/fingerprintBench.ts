/**
 * `fingerprint_mb_s` and `fingerprint_peak_rss_mb`: a generated JSONL file of 100,000 examples (about
 * 50 MB) read, validated and fingerprinted by the compiled `scanDatasetFile`, each run in a fresh child
 * process (`fingerprintChild.ts`) so that its peak RSS belongs to this work alone.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { writeJsonlDataset } from "./datasetFiles";
import type { Log } from "./engineBenches";

const execFileAsync = promisify(execFile);

/** One child's measurement. */
export interface FingerprintRun {
  bytes: number;
  ms: number;
  cpuMs: number;
  exampleCount: number;
  fingerprint: string;
  rssBeforeKiB: number;
  peakRssKiB: number;
}

/** Result of {@link fingerprintBench}. */
export interface FingerprintResult {
  examples: number;
  bytes: number;
  /** The measured file: mostly ASCII, about 1 word in 40 with a non-ASCII character. */
  runs: FingerprintRun[];
  /** The same size of pure-ASCII text, for comparison (not the reported number). */
  asciiBytes: number;
  asciiRuns: FingerprintRun[];
}

/** Generates the file once, then scans it `repeats` times, one child process each. */
export async function fingerprintBench(repeats: number, log: Log): Promise<FingerprintResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-bench-fingerprint-"));
  try {
    const dataset = writeJsonlDataset(path.join(dir, "examples.jsonl"), { examples: 100_000, lineBytes: 500, seed: 100 });
    const ascii = writeJsonlDataset(path.join(dir, "ascii.jsonl"), { examples: 100_000, lineBytes: 500, seed: 100, asciiOnly: true });
    log(`fingerprint: ${dataset.examples} examples, ${(dataset.bytes / 1e6).toFixed(1)} MB (and a pure-ASCII file for comparison)`);
    const runs: FingerprintRun[] = [];
    const asciiRuns: FingerprintRun[] = [];
    // Alternating the two files spreads any change in machine load over both.
    for (let r = 0; r < repeats; r++) {
      for (const [file, into] of [[dataset, runs], [ascii, asciiRuns]] as const) {
        const { stdout } = await execFileAsync(process.execPath, [path.join(__dirname, "fingerprintChild.js"), file.path]);
        const run = JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as FingerprintRun;
        if (run.exampleCount !== file.examples || run.bytes !== file.bytes) {
          throw new Error(`the scan saw ${run.exampleCount} examples, ${run.bytes} bytes; expected ${file.examples}, ${file.bytes}`);
        }
        if (into.length > 0 && run.fingerprint !== into[0].fingerprint) throw new Error("the fingerprint differs between runs");
        into.push(run);
      }
      log(`fingerprint ${r + 1}/${repeats}: ${runs.at(-1)!.ms.toFixed(0)} ms, peak RSS ${(runs.at(-1)!.peakRssKiB / 1024).toFixed(0)} MiB (pure ASCII ${asciiRuns.at(-1)!.ms.toFixed(0)} ms)`);
    }
    return { examples: dataset.examples, bytes: dataset.bytes, runs, asciiBytes: ascii.bytes, asciiRuns };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
