// @ts-check
/**
 * One fingerprint measurement in a process of its own, so that its peak RSS is this work's alone:
 * loads the compiled dataset module (`dist/provider/dataset`, what the SDK and the provider run), scans
 * the JSONL file given as the first argument with `scanDatasetFile` (read, validate every example,
 * fingerprint), and prints one JSON line: bytes, wall and CPU milliseconds (CPU time exceeding the wall
 * time means helper threads; wall time well above CPU time means the machine was busy with other work),
 * example count, fingerprint, and the
 * process's peak RSS before and after the scan (`process.resourceUsage().maxRSS`, KiB).
 *
 * Plain JavaScript on purpose: the TypeScript hook would load the compiler and inflate the RSS.
 */
const fs = require("node:fs");
const path = require("node:path");
const { performance } = require("node:perf_hooks");

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("usage: node bench/fingerprintChild.js <file.jsonl>");
  const datasets = require(path.join(__dirname, "..", "dist", "provider", "dataset"));
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
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
