// @ts-check
/**
 * One dataset measurement in a process of its own, so that its peak RSS is this work's alone. Loads the
 * compiled dataset module (`dist/provider/dataset`, what the SDK runs in a program) and does, on the JSONL
 * file given, one of:
 *
 *   scan <file>              scanDatasetFile: read, validate every example, fingerprint
 *   vertex <file> <cacheDir> what Dataset.fromJsonl + VertexDataset.jsonlAsset do: one DatasetFileRead,
 *                            its summary and its Vertex conversion into <cacheDir> (skipped when recorded)
 *
 * and prints one JSON line: wall and CPU milliseconds, example count, fingerprint, the converted file's
 * SHA-256 (vertex), and the process's peak RSS before and after (`process.resourceUsage().maxRSS`, KiB).
 *
 * Plain JavaScript on purpose: the TypeScript hook would load the compiler and inflate the RSS.
 */
const path = require("node:path");
const { performance } = require("node:perf_hooks");

async function main() {
  const [mode, file, cacheDir] = process.argv.slice(2);
  if ((mode !== "scan" && mode !== "vertex") || !file || (mode === "vertex" && !cacheDir)) {
    throw new Error("usage: node bench/datasetChild.js scan <file.jsonl> | vertex <file.jsonl> <cacheDir>");
  }
  const datasets = require(path.join(__dirname, "..", "dist", "provider", "dataset"));
  const source = { path: file, format: "jsonl", mapping: datasets.DEFAULT_MAPPING };
  const rssBeforeKiB = process.resourceUsage().maxRSS;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let summary;
  let sha256;
  if (mode === "scan") {
    summary = await datasets.scanDatasetFile(source);
  } else {
    const read = new datasets.DatasetFileRead(source);
    const [s, converted] = await Promise.all([read.summary(), read.vertexJsonl({ cacheDir })]);
    summary = s;
    sha256 = converted.sha256;
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const peakRssKiB = process.resourceUsage().maxRSS;
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, exampleCount: summary.exampleCount, fingerprint: summary.fingerprint, sha256, rssBeforeKiB, peakRssKiB })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
