/**
 * The benchmarks that run the real Pulumi engine (Automation API, through the test harness) against an
 * in-process emulator: preview overhead, the size of what a TunedModel puts in state, and parallelism.
 * The product is loaded from `dist/` by its package name, as users load it.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import * as gemini from "pulumi-gemini-tuning";
import { startEmulator, type EmulatorHandle } from "pulumi-gemini-tuning/emulator";
import { createTestStack, locateEngine, type TestStack } from "../test/harness";
import { engineEnvironment } from "../test/harness/engineEnvironment";
import { writeJsonlDataset } from "./datasetFiles";
import { NoopResource } from "./noopResource";

const execFileAsync = promisify(execFile);

/** Type token of a TunedModel in state and engine events. */
const TUNED_MODEL_TYPE = "pulumi-nodejs:dynamic/gemini:TunedModel";
const API_KEY = "bench-api-key-not-secret";
/** The tutorial's dataset: 15 examples; with 5 epochs and batch size 2, a 38-step job. */
const EXAMPLES = Array.from({ length: 15 }, (_, i) => ({ textInput: `question ${i}`, output: `answer ${i + 1}` }));
const STEPS = 38;

/** A stack configured for an emulator the way a user does it: `gemini:baseUrl` and a secret `gemini:apiKey`. */
async function stackFor(emulator: EmulatorHandle, program: () => Promise<Record<string, unknown>>, projectName: string): Promise<TestStack> {
  return createTestStack({
    program,
    projectName,
    config: { "gemini:baseUrl": emulator.url },
    secrets: { "gemini:apiKey": API_KEY },
  });
}

/** What the benchmark's user writes for model `i`. */
function modelArgs(prefix: string, i: number, trainingData: gemini.TunedModelArgs["trainingData"]): gemini.TunedModelArgs {
  return { baseModel: "models/gemini-1.5-flash-001-tuning", displayName: `${prefix} ${i}`, hyperparameters: { epochCount: 5, batchSize: 2 }, trainingData };
}

function tunedModels(prefix: string, count: number, trainingData: () => gemini.TunedModelArgs["trainingData"]) {
  return async () => {
    for (let i = 0; i < count; i++) new gemini.TunedModel(`${prefix}-${String(i).padStart(2, "0")}`, modelArgs(prefix, i, trainingData()));
    return {};
  };
}

/** 50 no-op dynamic resources, bare or each carrying the inputs a user writes for a preview-bench model. */
function noops(prefix: string, payload: boolean) {
  return async () => {
    for (let i = 0; i < 50; i++) new NoopResource(`${prefix}-${String(i).padStart(2, "0")}`, payload ? { ...modelArgs("preview", i, EXAMPLES) } : {});
    return {};
  };
}

/** Progress to the terminal: benchmarks run for minutes. */
export type Log = (line: string) => void;

/** Result of {@link previewBench}. */
export interface PreviewResult {
  tunedMs: number[];
  noopMs: number[];
  /** Previews of 50 no-op resources carrying the same user inputs as the TunedModels (examples nested, as written). */
  payloadNoopMs: number[];
  /**
   * CPU time of each preview, ms: the engine with its plugins (the provider host included) plus the program,
   * which runs in this process. Less disturbed than wall time by other work on a shared machine.
   */
  tunedCpuMs: number[];
  noopCpuMs: number[];
  payloadNoopCpuMs: number[];
  /** 1-minute load average before and after the previews. */
  load: [number, number];
  providerBytes: number;
  /** API requests the emulator received during the TunedModel previews (expected: none). */
  requestsDuringPreviews: number;
}

/**
 * `preview_ratio`, `preview_ratio_same_payload` and `provider_bytes`: three stacks, 50 TunedModels, 50
 * bare no-op dynamic resources and 50 no-op dynamic resources carrying the TunedModels' user inputs, each
 * created once; then `pulumi preview` of each unchanged stack, rotating which goes first.
 */
export async function previewBench(repeats: number, log: Log): Promise<PreviewResult> {
  const loadBefore = os.loadavg()[0];
  const emulator = await startEmulator({ stepMs: 0 });
  const tuned = await stackFor(emulator, tunedModels("preview", 50, () => gemini.Dataset.inline(EXAMPLES)), "bench-preview-tuned");
  const noop = await stackFor(emulator, noops("noop", false), "bench-preview-noop");
  const payloadNoop = await stackFor(emulator, noops("payload", true), "bench-preview-payload");
  const stacks = { tuned, noop, payloadNoop };
  try {
    log("preview: creating 50 TunedModels, 50 no-op resources and 50 no-op resources with the same inputs");
    await tuned.up();
    await noop.up();
    await payloadNoop.up();
    const state = await tuned.stateResources();
    const model = state.find((r) => r.type === TUNED_MODEL_TYPE);
    const provider = model?.inputs?.__provider;
    if (typeof provider !== "string") throw new Error("no __provider text in the TunedModel's state");

    const ms: Record<keyof typeof stacks, number[]> = { tuned: [], noop: [], payloadNoop: [] };
    const cpuMs: Record<keyof typeof stacks, number[]> = { tuned: [], noop: [], payloadNoop: [] };
    const names = Object.keys(stacks) as Array<keyof typeof stacks>;
    emulator.control.clearRequests();
    for (let r = 0; r < repeats; r++) {
      for (const which of [...names.slice(r % 3), ...names.slice(0, r % 3)]) {
        const before = cpuTimeMs();
        const preview = await stacks[which].preview();
        cpuMs[which].push(cpuTimeMs() - before);
        if (preview.changes.same !== 51 || Object.keys(preview.changes).length !== 1) {
          throw new Error(`the ${which} stack is not unchanged: ${JSON.stringify(preview.changes)}`);
        }
        ms[which].push(preview.durationMs);
      }
      log(`preview ${r + 1}/${repeats}: 50 TunedModels ${ms.tuned.at(-1)} ms, 50 no-op ${ms.noop.at(-1)} ms, 50 no-op with the same inputs ${ms.payloadNoop.at(-1)} ms`);
    }
    const requestsDuringPreviews = emulator.control.requests().length;
    const load: [number, number] = [loadBefore, os.loadavg()[0]];
    for (const stack of Object.values(stacks)) await stack.destroy();
    return {
      tunedMs: ms.tuned,
      noopMs: ms.noop,
      payloadNoopMs: ms.payloadNoop,
      tunedCpuMs: cpuMs.tuned,
      noopCpuMs: cpuMs.noop,
      payloadNoopCpuMs: cpuMs.payloadNoop,
      load, providerBytes: Buffer.byteLength(provider, "utf8"), requestsDuringPreviews };
  } finally {
    for (const stack of Object.values(stacks)) await stack.dispose();
    await emulator.close();
  }
}

/**
 * CPU time, ms, of this process and of its children that have ended (Linux: `/proc/self/stat`, in clock
 * ticks of 10 ms). Each `pulumi` command is a child that waits for its plugins, so a command's CPU time,
 * its provider host's included, is counted here once it has ended. NaN where `/proc` is missing.
 */
function cpuTimeMs(): number {
  const own = process.cpuUsage();
  let children = NaN;
  try {
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    // Fields 16 and 17 of proc(5) (cutime, cstime), counted from the state field.
    children = (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    // Not Linux: the figure is reported as NaN.
  }
  return (own.user + own.system) / 1000 + children;
}

/** Result of {@link stateBytesBench}. */
export interface StateBytesResult {
  /** Bytes of `pulumi stack export` holding one TunedModel (stack and provider entries included). */
  oneModelStateBytes: number;
  /** The same with {@link StateBytesResult.models} TunedModels. */
  manyModelsStateBytes: number;
  models: number;
  /** What each further TunedModel adds to the exported state. */
  bytesPerModel: number;
  datasetBytes: number;
  examples: number;
  /** Whether any example text was found in the state (it must not be). */
  examplesInState: boolean;
}

/**
 * `state_bytes_per_model`: TunedModels trained on a 10,000-example JSONL file (about 3 MB). The exported
 * state (`pulumi stack export`, secrets encrypted, exactly as stored) is measured with 1 model and with
 * `models` models; per model is the growth per added model, the size a model costs in a stack (the
 * one-model total also carries the stack's and the default provider's entries, reported beside it).
 */
export async function stateBytesBench(models: number, log: Log): Promise<StateBytesResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-bench-state-"));
  const marker = "EXAMPLE-TEXT-MARKER";
  const dataset = writeJsonlDataset(path.join(dir, "examples.jsonl"), { examples: 10_000, lineBytes: 300, marker, seed: 10 });
  const emulator = await startEmulator({ stepMs: 0 });
  const program = (count: number) => tunedModels("sized", count, () => gemini.Dataset.fromJsonl(dataset.path));
  const stack = await stackFor(emulator, program(1), "bench-state");
  try {
    log(`state size: TunedModels on a ${dataset.examples}-example JSONL file (${(dataset.bytes / 1e6).toFixed(1)} MB)`);
    const one = await stack.up();
    if (one.changes.create !== 2) throw new Error(`expected one model to be created: ${JSON.stringify(one.changes)}`);
    const oneExport = await rawStackExport(stack);
    stack.setProgram(program(models));
    const many = await stack.up();
    if (many.changes.create !== models - 1) throw new Error(`expected ${models - 1} more models: ${JSON.stringify(many.changes)}`);
    const manyExport = await rawStackExport(stack);
    await stack.destroy();
    const oneModelStateBytes = Buffer.byteLength(oneExport, "utf8");
    const manyModelsStateBytes = Buffer.byteLength(manyExport, "utf8");
    return {
      oneModelStateBytes,
      manyModelsStateBytes,
      models,
      bytesPerModel: (manyModelsStateBytes - oneModelStateBytes) / (models - 1),
      datasetBytes: dataset.bytes,
      examples: dataset.examples,
      examplesInState: oneExport.includes(marker) || manyExport.includes(marker),
    };
  } finally {
    await stack.dispose();
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The exact text `pulumi stack export` prints (secrets stay encrypted). */
async function rawStackExport(stack: TestStack): Promise<string> {
  const binDir = locateEngine();
  const { stdout } = await execFileAsync(path.join(binDir, "pulumi"), ["stack", "export", "--stack", stack.stack.name, "--non-interactive"], {
    cwd: stack.workDir,
    env: { ...process.env, ...engineEnvironment(binDir, stack.sandbox) },
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

/** Result of {@link parallelBench}. */
export interface ParallelResult {
  jobMs: number;
  oneMs: number[];
  twentyMs: number[];
  /** One `up` of 20 with the engine's default parallelism (4 × CPUs), for the notes. */
  twentyDefaultParallelMs: number;
  defaultParallel: number;
  /** Spread of the 20 creates' arrival at the emulator in the last 20-model up, ms. */
  createSpreadMs: number;
}

/**
 * `parallel_ratio`: `pulumi up` creating 20 models at once (`--parallel 64`, so the engine itself does
 * not queue them) against creating 1, each a 38-step job of `jobMs`; the stack is destroyed between
 * runs (not timed), and the order alternates.
 */
export async function parallelBench(repeats: number, jobMs: number, log: Log): Promise<ParallelResult> {
  const emulator = await startEmulator({ stepMs: jobMs / STEPS });
  const stack = await stackFor(emulator, tunedModels("parallel", 1, () => gemini.Dataset.inline(EXAMPLES)), "bench-parallel");
  const upWith = async (count: number, parallel?: number): Promise<number> => {
    stack.setProgram(tunedModels("parallel", count, () => gemini.Dataset.inline(EXAMPLES)));
    emulator.control.clearRequests();
    const up = await stack.up(parallel === undefined ? {} : { parallel });
    if (up.changes.create !== count + 1) throw new Error(`expected ${count} creates: ${JSON.stringify(up.changes)}`);
    await stack.destroy();
    return up.durationMs;
  };
  try {
    const oneMs: number[] = [];
    const twentyMs: number[] = [];
    let createSpreadMs = NaN;
    for (let r = 0; r < repeats; r++) {
      for (const count of r % 2 === 0 ? [1, 20] : [20, 1]) {
        stack.setProgram(tunedModels("parallel", count, () => gemini.Dataset.inline(EXAMPLES)));
        emulator.control.clearRequests();
        const up = await stack.up({ parallel: 64 });
        if (up.changes.create !== count + 1) throw new Error(`expected ${count} creates: ${JSON.stringify(up.changes)}`);
        if (count === 20) {
          const creates = emulator.control.requests().filter((q) => q.route === "tunedModels.create").map((q) => Date.parse(q.time));
          createSpreadMs = Math.max(...creates) - Math.min(...creates);
        }
        await stack.destroy();
        (count === 1 ? oneMs : twentyMs).push(up.durationMs);
      }
      log(`parallel ${r + 1}/${repeats}: up of 1 model ${oneMs.at(-1)} ms, of 20 models ${twentyMs.at(-1)} ms`);
    }
    const twentyDefaultParallelMs = await upWith(20);
    log(`parallel: up of 20 with the engine's default parallelism ${twentyDefaultParallelMs} ms`);
    return { jobMs, oneMs, twentyMs, twentyDefaultParallelMs, defaultParallel: 4 * os.availableParallelism(), createSpreadMs };
  } finally {
    await stack.dispose();
    await emulator.close();
  }
}
