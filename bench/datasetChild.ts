/**
 * One dataset measurement in a process of its own, so that its peak RSS is this work's alone. Loads only
 * the compiled dataset module (`dist/provider/dataset`, what the SDK runs in a program) and does, on the
 * JSONL file given, one of:
 *
 *   scan <file> [format]     scanDatasetFile: read, validate every example, fingerprint (format: jsonl,
 *                            csv or json; jsonl by default)
 *   vertex <file> <cacheDir> what Dataset.fromJsonl + VertexDataset.jsonlAsset do: one DatasetFileRead,
 *                            its summary and its Vertex conversion into <cacheDir> (skipped when recorded)
 *
 * and prints one JSON line: wall and CPU milliseconds, example count, fingerprint, the converted file's
 * SHA-256 (vertex), and the process's peak RSS before and after (`process.resourceUsage().maxRSS`, KiB).
 *
 * Usage: node dist/bench/datasetChild.js scan <file> [jsonl|csv|json] | vertex <file.jsonl> <cacheDir>
 */
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import type { datasets as DatasetModule } from "pulumi-gemini-tuning/provider";
import { runIfMain } from "./entryPoint";

async function main(): Promise<number> {
  const [mode, file, third] = process.argv.slice(2);
  const format = mode === "scan" ? (third ?? "jsonl") : "jsonl";
  const cacheDir = mode === "vertex" ? third : undefined;
  if ((mode !== "scan" && mode !== "vertex") || !file || (mode === "vertex" && !cacheDir) || !isFormat(format)) {
    throw new Error("usage: node dist/bench/datasetChild.js scan <file> [jsonl|csv|json] | vertex <file.jsonl> <cacheDir>");
  }
  // The dataset module alone, not the package's provider entry point: the whole provider would inflate the RSS.
  const datasets = require(path.join(__dirname, "..", "provider", "dataset")) as typeof DatasetModule;
  const source = { path: file, format, mapping: datasets.DEFAULT_MAPPING };
  const rssBeforeKiB = process.resourceUsage().maxRSS;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let summary: { exampleCount: number; fingerprint: string };
  let sha256: string | undefined;
  if (mode === "scan") {
    summary = await datasets.scanDatasetFile(source);
  } else {
    const read = new datasets.DatasetFileRead(source);
    const [scanned, converted] = await Promise.all([read.summary(), read.vertexJsonl({ cacheDir })]);
    summary = scanned;
    sha256 = converted.sha256;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRssKiB = process.resourceUsage().maxRSS;
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, exampleCount: summary.exampleCount, fingerprint: summary.fingerprint, sha256, rssBeforeKiB, peakRssKiB })}\n`,
  );
  return 0;
}

function isFormat(format: string): format is "jsonl" | "csv" | "json" {
  return format === "jsonl" || format === "csv" || format === "json";
}

runIfMain(module, main);
