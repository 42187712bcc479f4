/**
 * Completion latency and poll counts, in real time, in a process of its own (started by `main.ts` at the
 * beginning of the run so that the ten-minute jobs overlap the other benchmarks).
 *
 * For each job duration, one in-process emulator whose step time makes a 38-step job (the tutorial's 15
 * examples, 5 epochs, batch size 2) last exactly that long in wall-clock time: nothing is scaled, a
 * "600 s job" trains for 600 real seconds. Each sample calls the provider's own `tunedModel.check` and
 * `tunedModel.create` (compiled `dist/provider`, the code the engine's plugin process runs, with its real
 * waiter, HTTP client and clock) and records:
 * - latency: from the moment the emulator marks the job done (its `completeTime`, the end of the last
 *   step on the emulator's clock) to the moment `create` returns (same process, same clock);
 * - polls: the `operations.get` requests the emulator received for that model.
 *
 * Usage: node dist/bench/latencyChild.js '<json LatencyPlan>'; prints one JSON line.
 */
import { performance } from "node:perf_hooks";
import type * as ProviderModule from "pulumi-gemini-tuning/provider";
import { startEmulator, type EmulatorHandle } from "pulumi-gemini-tuning/emulator";
import { runIfMain } from "./entryPoint";

/** What to run. */
export interface LatencyPlan {
  /** Job durations in ms of real (= simulated) training time. */
  durationsMs: number[];
  /** Samples per duration (run concurrently, each its own model). */
  samples: number;
  /** Steps per job. */
  steps: number;
}

/** One measured create. */
export interface LatencySample {
  durationMs: number;
  model: string;
  latencyMs: number;
  polls: number;
  /** Every API request the emulator received for this model, by route. */
  requests: Record<string, number>;
  /** Wall time of the whole create. */
  createMs: number;
}

const EXAMPLES = Array.from({ length: 15 }, (_, i) => ({ textInput: `question ${i}`, output: `answer ${i + 1}` }));

/** The emulator's clock (it timestamps with performance.timeOrigin + performance.now()). */
const now = () => performance.timeOrigin + performance.now();

async function measureOne(
  provider: typeof ProviderModule,
  emulator: EmulatorHandle,
  durationMs: number,
  sample: number,
  steps: number,
): Promise<LatencySample> {
  // 15 examples × 5 epochs / batch 2 = 38 steps; other step counts change the batch size.
  const batchSize = Math.max(1, Math.ceil((EXAMPLES.length * 5) / steps));
  const news = {
    resourceName: `latency-${durationMs / 1000}s-${sample}`,
    autonameSeed: `bench/latency/${durationMs}/${sample}/${process.pid}`,
    baseModel: "models/gemini-1.5-flash-001-tuning",
    hyperparameters: { epochCount: 5, batchSize },
    trainingData: { kind: "inline", examples: EXAMPLES },
    baseUrl: emulator.url,
    apiKey: "bench-key",
    timeouts: { create: `${Math.ceil((3 * durationMs) / 1000) + 60}s` },
  };
  const checked = await provider.tunedModel.check({}, news);
  if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
  const started = now();
  const created = await provider.tunedModel.create(checked.inputs);
  const returnedAt = now();
  const id = created.id.replace(/^tunedModels\//, "");
  const record = emulator.control.models().find((m) => m.model.name === created.id);
  const task = record?.model.tuningTask as { completeTime?: string; snapshots?: unknown[] } | undefined;
  if (record?.model.state !== "ACTIVE" || task?.completeTime === undefined) {
    throw new Error(`${created.id} is not ACTIVE with a completeTime in the emulator: ${JSON.stringify(record?.model)}`);
  }
  const requests: Record<string, number> = {};
  for (const request of emulator.control.requests()) {
    if (request.path.includes(`/${id}`) || request.query.tunedModelId === id) {
      requests[request.route] = (requests[request.route] ?? 0) + 1;
    }
  }
  return {
    durationMs,
    model: created.id,
    latencyMs: returnedAt - Date.parse(task.completeTime),
    polls: requests["operations.get"] ?? 0,
    requests,
    createMs: returnedAt - started,
  };
}

async function run(plan: LatencyPlan): Promise<LatencySample[]> {
  const provider = require("pulumi-gemini-tuning/provider") as typeof ProviderModule;
  // The provider prints progress lines with console.log; keep this process's stdout for the result.
  console.log = () => undefined;
  const emulators = await Promise.all(plan.durationsMs.map((durationMs) => startEmulator({ stepMs: durationMs / plan.steps })));
  try {
    const runs: Promise<LatencySample>[] = [];
    plan.durationsMs.forEach((durationMs, d) => {
      for (let sample = 0; sample < plan.samples; sample++) {
        // Staggered by a fraction of a second so samples do not poll in lockstep.
        const stagger = (sample * 997) % 1000;
        runs.push(new Promise((resolve) => setTimeout(resolve, stagger)).then(() => measureOne(provider, emulators[d], durationMs, sample, plan.steps)));
      }
    });
    return await Promise.all(runs);
  } finally {
    await Promise.all(emulators.map((emulator) => emulator.close()));
  }
}

/** Entry point in the child process: runs the plan and prints `{ samples }` as one JSON line. */
export async function childMain(planJson: string): Promise<number> {
  const samples = await run(JSON.parse(planJson) as LatencyPlan);
  process.stdout.write(`${JSON.stringify({ samples })}\n`);
  return 0;
}

runIfMain(module, () => childMain(process.argv[2]));
