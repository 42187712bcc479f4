/**
 * One fingerprint measurement in a process of its own, so that its peak RSS is this work's alone:
 * loads only the compiled dataset module (`dist/provider/dataset`, what the SDK and the provider run),
 * scans the JSONL file given as the first argument with `scanDatasetFile` (read, validate every example,
 * fingerprint), and prints one JSON line: bytes, wall and CPU milliseconds (CPU time exceeding the wall
 * time means helper threads; wall time well above CPU time means the machine was busy with other work),
 * example count, fingerprint, and the process's peak RSS before and after the scan
 * (`process.resourceUsage().maxRSS`, KiB).
 *
 * Usage: node dist/bench/fingerprintChild.js <file.jsonl>
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import type { datasets as DatasetModule } from "pulumi-gemini-tuning/provider";
import { runIfMain } from "./entryPoint";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: node dist/bench/fingerprintChild.js <file.jsonl>");
  // The dataset module alone, not the package's provider entry point: the whole provider would inflate the RSS.
  const datasets = require(path.join(__dirname, "..", "provider", "dataset")) as typeof DatasetModule;
  const bytes = fs.statSync(file).size;
  const rssBeforeKiB = process.resourceUsage().maxRSS;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const summary = await datasets.scanDatasetFile({ path: file, format: "jsonl", mapping: datasets.DEFAULT_MAPPING });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRssKiB = process.resourceUsage().maxRSS;
  process.stdout.write(
    `${JSON.stringify({ bytes, ms, cpuMs: (cpu.user + cpu.system) / 1000, exampleCount: summary.exampleCount, fingerprint: summary.fingerprint, rssBeforeKiB, peakRssKiB })}\n`,
  );
  return 0;
}

runIfMain(module, main);
