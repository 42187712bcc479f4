// Interrupted deploy: `pulumi up` is interrupted (Ctrl-C: SIGINT to the CLI and to the provider
// processes, as a terminal delivers it to the whole process group) at a random point while the jobs
// train, five times in a row, then run to the end. One short job finishes somewhere in between, two long
// ones train through all five interruptions. The final state must hold each model once, ACTIVE,
// matching the service, and no job may have been started twice.
import { startEmulator, type EmulatorHandle } from "../../emulator";
import type { TestStack } from "../harness";
import { inProcessView } from "./support/emulators";
import { expectEachModelOnce, modelsProgram, stateModels, type ModelSpec } from "./support/models";
import { expectStepFailure, interruptProviders, reliabilityStack, shownText } from "./support/stacks";

jest.setTimeout(400_000);

const TUNED_MODEL = "pulumi-nodejs:dynamic/gemini:TunedModel";
const STEP_MS = 600;
const MODELS: ModelSpec[] = [
  { name: "short", epochCount: 2, batchSize: 5 }, // 6 steps: done after a couple of interruptions
  { name: "long-a", epochCount: 20, batchSize: 5 }, // 60 steps
  { name: "long-b", epochCount: 22, batchSize: 5 }, // 66 steps
];

/** mulberry32: the interruption points are random but reproducible from the seed printed on failure. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("an up interrupted five times while training", () => {
  const seed = Number(process.env.RELIABILITY_SEED ?? Date.now() % 1_000_000);
  const random = seededRandom(seed);
  let emulator: EmulatorHandle;
  let stack: TestStack;

  beforeAll(async () => {
    emulator = await startEmulator({ stepMs: STEP_MS });
    stack = await reliabilityStack(modelsProgram(MODELS), emulator.url);
  });
  afterAll(async () => {
    await stack?.dispose({ destroy: true }).catch(() => stack?.dispose());
    await emulator?.close();
  });

  it("converges to each model once, ACTIVE, matching the service", async () => {
    try {
      await interruptFiveTimesThenFinish();
    } catch (error) {
      // The interruption points are random: name the seed that reproduces them.
      if (error instanceof Error) error.message = `[RELIABILITY_SEED=${seed}] ${error.message}`;
      throw error;
    }
  });

  async function interruptFiveTimesThenFinish(): Promise<void> {
    for (let attempt = 1; attempt <= 5; attempt++) {
      // Interrupt between 0.3 and 3.3 s after the engine started working on the first model.
      const delayMs = 300 + Math.floor(random() * 3000);
      const abort = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      let nudges: NodeJS.Timeout | undefined;
      const interrupt = () => {
        abort.abort();
        interruptProviders(stack.workDir);
        // A provider process that started just after the first signal gets it too (bounded: 10 s).
        let rounds = 0;
        nudges = setInterval(() => {
          if (++rounds > 10) clearInterval(nudges);
          else interruptProviders(stack.workDir);
        }, 1000);
      };
      const step = stack.up({
        signal: abort.signal,
        onEvent: (event) => {
          if (timer === undefined && event.resourcePreEvent?.metadata.type === TUNED_MODEL) timer = setTimeout(interrupt, delayMs);
        },
      });
      try {
        const failure = await expectStepFailure(step);
        expect(abort.signal.aborted).toBe(true);
        expect(shownText(failure.trace)).toMatch(/\^C received; cancelling|interrupted|cancel/i);
      } finally {
        clearTimeout(timer);
        clearInterval(nudges);
      }
      // Whatever the point, nothing was ever trained twice and the long jobs are still training.
      const models = emulator.control.models();
      for (const model of models) expect(model.jobCount).toBe(1);
      expect(emulator.control.jobsCreated()).toBeLessThanOrEqual(MODELS.length);
      expect(models.filter((m) => m.model.displayName !== "short").every((m) => m.model.state === "CREATING")).toBe(true);
    }

    const final = await stack.up();
    expect(final.result.summary.result).toBe("succeeded");
    await expectEachModelOnce(stack, inProcessView(emulator), MODELS.map((m) => m.name));
    // The recorded outputs are the service's: same completion time and step count for every model.
    const service = new Map(emulator.control.models().map((m) => [m.model.name, m.model]));
    for (const resource of await stateModels(stack)) {
      const model = service.get(resource.id) as { tuningTask?: { completeTime?: string; snapshots?: unknown[] } } | undefined;
      expect(resource.outputs?.completeTime).toBe(model?.tuningTask?.completeTime);
      expect(resource.outputs?.totalSteps).toBe(MODELS.find((m) => resource.urn.endsWith(`::${m.name}`))!.epochCount! * 3);
    }
  }
});
