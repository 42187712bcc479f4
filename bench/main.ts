/**
 * The benchmark driver behind `npm run bench` (issue 6). Every number is measured in this invocation;
 * ratios are taken against baselines measured in the same run; repeated measurements report medians.
 *
 * Order: the fingerprint first, alone (it is the most CPU-bound); then the completion-latency child starts
 * and runs in the background (its longest jobs train for 600 real seconds, and it makes only a few
 * requests a minute, so it barely loads the machine) while the engine benchmarks run one after another.
 *
 * `prebench` installs, builds `dist/` (this driver included) and sets up the engine; `npm run bench` then
 * runs `dist/bench/main.js`. Flags (after `npm run bench --`): `--only a,b` runs a subset of
 * `fingerprint,dataset,latency,vertex,preview,state,parallel` (results.json is written only by a full run); `--quick`
 * uses fewer repeats and shorter jobs (a smoke test of the benchmark itself, not for the record).
 *
 *   npm run bench                                # everything, about 11 minutes on 2 cores
 *   npm run bench -- --only fingerprint,preview  # a subset
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../scripts/repoRoot";
import { parallelBench, previewBench, stateBytesBench, type Log, type ParallelResult, type PreviewResult, type StateBytesResult } from "./engineBenches";
import { runIfMain } from "./entryPoint";
import { datasetBench, type DatasetBenchResult } from "./datasetBench";
import { fingerprintBench, type FingerprintResult } from "./fingerprintBench";
import { vertexPollingBench, type VertexPollingSample } from "./vertexPollingBench";
import type { LatencyPlan, LatencySample } from "./latencyChild";
import { list, median, MIB, round } from "./stats";

const ALL = ["fingerprint", "dataset", "latency", "vertex", "preview", "state", "parallel"] as const;
type Part = (typeof ALL)[number];

/** The keys of results.json, in the order of the issue. */
export interface BenchResults {
  preview_ratio: number;
  preview_ratio_same_payload: number;
  provider_bytes: number;
  state_bytes_per_model: number;
  completion_latency_ms_p50: number;
  polls_per_create_600s: number;
  parallel_ratio: number;
  fingerprint_mb_s: number;
  fingerprint_peak_rss_mb: number;
  fingerprint_vs_sha256sum: number;
  fingerprint_csv_vs_sha256sum: number;
  fingerprint_json_vs_sha256sum: number;
  vertex_dataset_vs_sha256sum: number;
  vertex_completion_latency_ms_p50: number;
  vertex_polls_per_hour: number;
}

/** Targets from the issue: `max` means at most, `min` at least. */
const TARGETS: Record<keyof BenchResults, { max?: number; min?: number }> = {
  preview_ratio: { max: 1.25 },
  // Against a no-op carrying the same user inputs, all above 1 is this package's own cost: the same allowance.
  preview_ratio_same_payload: { max: 1.25 },
  provider_bytes: { max: 2048 },
  state_bytes_per_model: { max: 8192 },
  completion_latency_ms_p50: { max: 1000 },
  polls_per_create_600s: { max: 40 },
  parallel_ratio: { max: 1.3 },
  fingerprint_mb_s: { min: 150 },
  fingerprint_peak_rss_mb: { max: 200 },
  fingerprint_vs_sha256sum: { max: 1.5 },
  // The same allowance for the other file formats: "a file dataset", whatever its format.
  fingerprint_csv_vs_sha256sum: { max: 1.5 },
  fingerprint_json_vs_sha256sum: { max: 1.5 },
  vertex_dataset_vs_sha256sum: { max: 2.0 },
  vertex_completion_latency_ms_p50: { max: 15_000 },
  vertex_polls_per_hour: { max: 300 },
};

interface Settings {
  fingerprintRepeats: number;
  datasetRepeats: number;
  previewRepeats: number;
  parallelRepeats: number;
  parallelJobMs: number;
  stateModels: number;
  latency: LatencyPlan;
  vertexSamples: number;
}

const FULL: Settings = {
  fingerprintRepeats: 7,
  datasetRepeats: 5,
  previewRepeats: 7,
  parallelRepeats: 3,
  parallelJobMs: 10_000,
  stateModels: 4,
  latency: { durationsMs: [5_000, 60_000, 600_000], samples: 5, steps: 38 },
  vertexSamples: 5,
};

const QUICK: Settings = {
  fingerprintRepeats: 2,
  datasetRepeats: 2,
  previewRepeats: 2,
  parallelRepeats: 1,
  parallelJobMs: 4_000,
  stateModels: 2,
  latency: { durationsMs: [5_000, 20_000], samples: 2, steps: 38 },
  vertexSamples: 2,
};

function parseArgs(argv: readonly string[]): { parts: Set<Part>; quick: boolean } {
  let parts = new Set<Part>(ALL);
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--quick") quick = true;
    else if (argv[i] === "--only") {
      const names = (argv[++i] ?? "").split(",").filter((n) => n !== "");
      const unknown = names.filter((n) => !(ALL as readonly string[]).includes(n));
      if (unknown.length > 0 || names.length === 0) throw new Error(`--only takes a list of ${ALL.join(",")}`);
      parts = new Set(names as Part[]);
    } else throw new Error(`unknown argument ${argv[i]}; see bench/main.ts`);
  }
  return { parts, quick };
}

/** Starts the latency child; resolves with its samples when it ends. */
function startLatencyChild(plan: LatencyPlan, log: Log): Promise<LatencySample[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, "latencyChild.js"), JSON.stringify(plan)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new Error(`the latency child exited with ${code}: ${stderr.trim()}`));
        return;
      }
      const { samples } = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { samples: LatencySample[] };
      log(`latency: ${samples.length} creates measured`);
      resolve(samples);
    });
  });
}

/** One row of the table. */
interface Row {
  key: keyof BenchResults;
  value: number;
  how: string;
}

function verdict(key: keyof BenchResults, value: number): string {
  const target = TARGETS[key];
  const met = (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
  return met ? "met" : "MISSED";
}

function targetText(key: keyof BenchResults): string {
  const target = TARGETS[key];
  return target.max !== undefined ? `<= ${target.max}` : `>= ${target.min}`;
}

function printTable(rows: readonly Row[], notes: readonly string[]): void {
  const header = ["metric", "value", "target", "", "how (medians over the runs listed)"];
  const cells = rows.map((r) => [r.key, String(r.value), targetText(r.key), verdict(r.key, r.value), r.how]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]) => c.map((cell, i) => (i === c.length - 1 ? cell : cell.padEnd(widths[i]))).join("  ");
  console.log(`\n${line(header)}`);
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const c of cells) console.log(line(c));
  if (notes.length > 0) console.log(`\nNotes:\n${notes.map((n) => `- ${n}`).join("\n")}`);
}

function vertexPollingRows(samples: readonly VertexPollingSample[]): Row[] {
  const latencies = samples.map((s) => Math.round(s.latencyMs));
  const hour = samples.filter((s) => s.durationMs === 3600_000).map((s) => s.gets);
  const short = samples.filter((s) => s.durationMs === 60_000).map((s) => s.gets);
  const clock = "simulated clock in process (bench/vertexPollingBench.ts), the compiled Vertex waiter, 4 ms round trips";
  return [
    { key: "vertex_completion_latency_ms_p50", value: median(latencies), how: `job end -> wait returns, ${samples.length} waits of 60-72 s and 3600-3612 s jobs ${list(latencies)}; ${clock}` },
    { key: "vertex_polls_per_hour", value: median(hour), how: `tuningJobs.get per 3600 s job ${list(hour)} (60 s jobs: ${list(short)})` },
  ];
}

function previewRow(p: PreviewResult): Row[] {
  const tuned = median(p.tunedMs);
  const noop = median(p.noopMs);
  return [
    {
      key: "preview_ratio",
      value: round(tuned / noop, 2),
      how: `pulumi preview, unchanged stacks: 50 TunedModels (inline 15-example datasets) ${tuned} ms ${list(p.tunedMs)} / 50 no-op dynamic resources ${noop} ms ${list(p.noopMs)}`,
    },
    {
      key: "preview_ratio_same_payload",
      value: round(tuned / median(p.payloadNoopMs), 2),
      how:
        `the same TunedModel previews / 50 no-op dynamic resources carrying the same user inputs (15 nested examples each) ` +
        `${median(p.payloadNoopMs)} ms ${list(p.payloadNoopMs)}; load average ${p.load[0].toFixed(2)} before, ${p.load[1].toFixed(2)} after`,
    },
    {
      key: "provider_bytes",
      value: p.providerBytes,
      how: "UTF-8 bytes of one TunedModel's __provider text in the exported state",
    },
  ];
}

/** The previews' CPU time beside their wall time: on a shared machine the steadier of the two. */
function previewCpuNote(p: PreviewResult): string {
  const tuned = median(p.tunedCpuMs);
  return (
    `CPU time per preview (engine, its plugins and the program): 50 TunedModels ${tuned.toFixed(0)} ms ${list(p.tunedCpuMs)}, ` +
    `50 no-op ${median(p.noopCpuMs).toFixed(0)} ms ${list(p.noopCpuMs)} (ratio ${round(tuned / median(p.noopCpuMs), 2)}), ` +
    `50 no-op with the same inputs ${median(p.payloadNoopCpuMs).toFixed(0)} ms ${list(p.payloadNoopCpuMs)} (ratio ${round(tuned / median(p.payloadNoopCpuMs), 2)}).`
  );
}

function stateRow(s: StateBytesResult): Row {
  return {
    key: "state_bytes_per_model",
    value: Math.round(s.bytesPerModel),
    how:
      `growth of \`pulumi stack export\` per TunedModel on a ${s.examples}-example JSONL file ` +
      `(1 model: ${s.oneModelStateBytes} B in all, ${s.models} models: ${s.manyModelsStateBytes} B); examples in state: ${s.examplesInState ? "YES" : "no"}`,
  };
}

function latencyRows(samples: readonly LatencySample[], plan: LatencyPlan): { rows: Row[]; notes: string[] } {
  const perDuration = plan.durationsMs.map((durationMs) => {
    const mine = samples.filter((s) => s.durationMs === durationMs);
    return { durationMs, latencies: mine.map((s) => s.latencyMs), polls: mine.map((s) => s.polls), p50: median(mine.map((s) => s.latencyMs)), pollsP50: median(mine.map((s) => s.polls)) };
  });
  const worst = perDuration.reduce((a, b) => (b.p50 > a.p50 ? b : a));
  const longest = perDuration[perDuration.length - 1];
  const rows: Row[] = [
    {
      key: "completion_latency_ms_p50",
      value: Math.round(worst.p50),
      how:
        `the largest per-duration median; emulator completeTime -> tunedModel.create returned (in-process, real time): ` +
        perDuration.map((d) => `${d.durationMs / 1000} s job ${Math.round(d.p50)} ms ${list(d.latencies)}`).join(", "),
    },
    {
      key: "polls_per_create_600s",
      value: longest.pollsP50,
      how: `operations.get requests the emulator received per ${longest.durationMs / 1000} s create ${list(longest.polls)}; ` +
        perDuration.slice(0, -1).map((d) => `${d.durationMs / 1000} s: ${d.pollsP50}`).join(", "),
    },
  ];
  const notes = [
    `Completion latency and polls run in real time, unscaled: a ${plan.steps}-step job whose emulator step time is ` +
      `duration/${plan.steps} (${plan.durationsMs.map((d) => `${(d / plan.steps / 1000).toFixed(2)} s`).join(", ")}), ` +
      `${plan.samples} concurrent creates per duration, each through the compiled provider's check + create ` +
      `(its own waiter, HTTP client and clock) in a child process, overlapping the other benchmarks.`,
  ];
  return { rows, notes };
}

function parallelRow(p: ParallelResult): { row: Row; notes: string[] } {
  const one = median(p.oneMs);
  const twenty = median(p.twentyMs);
  return {
    row: {
      key: "parallel_ratio",
      value: round(twenty / one, 2),
      how: `pulumi up --parallel 64, ${p.jobMs / 1000} s jobs: 20 models ${twenty} ms ${list(p.twentyMs)} / 1 model ${one} ms ${list(p.oneMs)}`,
    },
    notes: [
      `With the engine's default --parallel (4 x CPUs = ${p.defaultParallel} here) the 20-model up took ${p.twentyDefaultParallelMs} ms ` +
        `(ratio ${round(p.twentyDefaultParallelMs / one, 2)}): the engine itself queues resource operations beyond that; ` +
        `the 20 creates of the last --parallel 64 run reached the emulator within ${p.createSpreadMs} ms of each other.`,
    ],
  };
}

function fingerprintRows(f: FingerprintResult): { rows: Row[]; notes: string[] } {
  const rates = f.runs.map((r) => f.bytes / MIB / (r.ms / 1000));
  const peaks = f.runs.map((r) => r.peakRssKiB / 1024);
  const baselines = f.runs.map((r) => r.rssBeforeKiB / 1024);
  const asciiRates = f.asciiRuns.map((r) => f.asciiBytes / MIB / (r.ms / 1000));
  const cpuRates = f.runs.map((r) => f.bytes / MIB / (r.cpuMs / 1000));
  return {
    rows: [
      {
        key: "fingerprint_mb_s",
        value: round(median(rates), 1),
        how: `scanDatasetFile (dist), ${f.examples} examples, ${(f.bytes / MIB).toFixed(1)} MiB JSONL (1 word in 40 non-ASCII), page-cached, MiB/s ${list(rates, 1)}`,
      },
      {
        key: "fingerprint_peak_rss_mb",
        value: round(median(peaks), 1),
        how: `peak RSS (MiB) of the child process doing that scan ${list(peaks)}; before the scan ${median(baselines).toFixed(0)} MiB`,
      },
    ],
    notes: [
      `Fingerprint per CPU second of the child (the same runs; reads and GC use helper threads, so it is below the wall-clock rate on an idle machine): ` +
        `${median(cpuRates).toFixed(1)} MiB/s ${list(cpuRates, 1)}.`,
      `Fingerprint of the same size of pure-ASCII text: ${median(asciiRates).toFixed(1)} MiB/s ${list(asciiRates, 1)} ` +
        `(not the reported number: decoding and re-encoding non-ASCII text is the slow path).`,
    ],
  };
}

function datasetRows(d: DatasetBenchResult): { rows: Row[]; notes: string[] } {
  const floor = median(d.sha256sumMs);
  const ms = (runs: readonly { ms: number }[]) => runs.map((r) => r.ms);
  const ratios = (runs: readonly { ms: number }[]) => runs.map((r, i) => r.ms / d.sha256sumMs[i]);
  const peak = (runs: readonly { peakRssKiB: number }[]) => Math.max(...runs.map((r) => r.peakRssKiB / 1024));
  const file = `${d.examples} examples, ${(d.bytes / MIB).toFixed(1)} MiB JSONL (1 word in 40 non-ASCII), page-cached`;
  const cold = median(ms(d.vertexCold));
  return {
    rows: [
      {
        key: "fingerprint_vs_sha256sum",
        value: round(median(ms(d.scan)) / floor, 2),
        how: `scanDatasetFile (dist) ${median(ms(d.scan)).toFixed(0)} ms ${list(ms(d.scan))} / sha256sum ${floor.toFixed(0)} ms ${list(d.sha256sumMs)}, ${file}; peak RSS ${peak(d.scan).toFixed(0)} MiB`,
      },
      ...(["csv", "json"] as const).map((format): Row => {
        const other = d[format];
        const otherFloor = median(other.sha256sumMs);
        return {
          key: format === "csv" ? "fingerprint_csv_vs_sha256sum" : "fingerprint_json_vs_sha256sum",
          value: round(median(ms(other.scan)) / otherFloor, 2),
          how:
            `scanDatasetFile (dist) of the same examples as ${format.toUpperCase()} (${(other.bytes / MIB).toFixed(1)} MiB) ${median(ms(other.scan)).toFixed(0)} ms ${list(ms(other.scan))} / ` +
            `sha256sum of that file ${otherFloor.toFixed(0)} ms ${list(other.sha256sumMs)}; peak RSS ${peak(other.scan).toFixed(0)} MiB`,
        };
      }),
      {
        key: "vertex_dataset_vs_sha256sum",
        value: round(median(ms(d.vertexRecorded)) / floor, 2),
        how:
          `Dataset.fromJsonl + VertexDataset.jsonlAsset (one DatasetFileRead, dist), conversion recorded in the cache: ` +
          `${median(ms(d.vertexRecorded)).toFixed(0)} ms ${list(ms(d.vertexRecorded))} / sha256sum ${floor.toFixed(0)} ms; peak RSS ${peak(d.vertexRecorded).toFixed(0)} MiB`,
      },
    ],
    notes: [
      `Vertex path with an empty cache (the first preview after the data changed, or a CI machine without the cache): ` +
        `${cold.toFixed(0)} ms ${list(ms(d.vertexCold))}, ${round(cold / floor, 2)} x sha256sum, peak RSS ${peak(d.vertexCold).toFixed(0)} MiB. ` +
        `Per-repeat ratios to the sha256sum of the same repeat: scan ${list(ratios(d.scan), 2)}, recorded ${list(ratios(d.vertexRecorded), 2)}, cold ${list(ratios(d.vertexCold), 2)}. ` +
        `CPU ms of the children: scan ${list(d.scan.map((r) => r.cpuMs))}, recorded ${list(d.vertexRecorded.map((r) => r.cpuMs))}, cold ${list(d.vertexCold.map((r) => r.cpuMs))}. ` +
        `Load average ${d.load[0].toFixed(2)} before, ${d.load[1].toFixed(2)} after.`,
    ],
  };
}

/** Runs the benchmarks; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const { parts, quick } = parseArgs(argv);
  const settings = quick ? QUICK : FULL;
  const log: Log = (line) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  log(`benchmarks: ${[...parts].join(", ")}${quick ? " (quick: not for the record)" : ""}`);

  const rows: Row[] = [];
  const notes: string[] = [];
  // The fingerprint is the most CPU-bound measurement: it runs first, alone.
  if (parts.has("fingerprint")) {
    const f = fingerprintRows(await fingerprintBench(settings.fingerprintRepeats, log));
    rows.push(...f.rows);
    notes.push(...f.notes);
  }
  // Ratios to sha256sum, the next most CPU-bound measurement: alone too.
  if (parts.has("dataset")) {
    const d = datasetRows(await datasetBench(settings.datasetRepeats, log));
    rows.push(...d.rows);
    notes.push(...d.notes);
  }
  if (parts.has("vertex")) rows.push(...vertexPollingRows(await vertexPollingBench([60_000, 3600_000], settings.vertexSamples)));
  const latency = parts.has("latency") ? startLatencyChild(settings.latency, log) : undefined;
  // Keep a rejection from being reported as unhandled while the other benchmarks run.
  latency?.catch(() => undefined);
  if (parts.has("preview")) {
    const p = await previewBench(settings.previewRepeats, log);
    rows.push(...previewRow(p));
    notes.push(previewCpuNote(p));
    if (p.requestsDuringPreviews !== 0) notes.push(`The TunedModel previews sent ${p.requestsDuringPreviews} requests to the service (expected none).`);
  }
  if (parts.has("state")) rows.push(stateRow(await stateBytesBench(settings.stateModels, log)));
  if (parts.has("parallel")) {
    const p = parallelRow(await parallelBench(settings.parallelRepeats, settings.parallelJobMs, log));
    rows.push(p.row);
    notes.push(...p.notes);
  }
  if (latency) {
    log("waiting for the latency child (its longest jobs train in real time)");
    const l = latencyRows(await latency, settings.latency);
    rows.push(...l.rows);
    notes.push(...l.notes);
  }

  const order = Object.keys(TARGETS) as Array<keyof BenchResults>;
  rows.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  notes.push(`MiB = 1,048,576 bytes (throughput and memory). Machine: ${osSummary()}, load average at start ${loadBefore.toFixed(2)}. Total ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  printTable(rows, notes);

  if (parts.size === ALL.length && !quick) {
    const results = Object.fromEntries(order.map((key) => [key, rows.find((r) => r.key === key)!.value])) as unknown as BenchResults;
    const file = path.join(repoRoot, "bench", "results.json");
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  } else {
    console.log("\nNot writing bench/results.json (only a full run does).");
  }
  return 0;
}

function osSummary(): string {
  return `${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}`;
}

runIfMain(module, () => main(process.argv.slice(2)));
