// Throttling storm: for 30 s, half of all requests fail, 429 RESOURCE_EXHAUSTED with Retry-After or
// 503 UNAVAILABLE, while `pulumi up` creates 10 models. Some creates get a 503 *after* the service made
// the model (a lost response), the case where a careless retry trains a second model. The up must
// succeed with exactly 10 models, each trained once.
import { startEmulator, type EmulatorHandle } from "../../emulator";
import type { TestStack } from "../harness";
import { expectEachModelOnce, modelSpecs, modelsProgram } from "./support/models";
import { inProcessView } from "./support/emulators";
import { reliabilityStack } from "./support/stacks";

jest.setTimeout(300_000);

const STORM_MS = 30_000;
// 10 models of ceil(15 × 4 / 3) = 20 steps × 1 s: training outlasts the storm's first half.
const MODELS = modelSpecs("storm", 10, { epochCount: 4, batchSize: 3 });

describe("a throttling storm", () => {
  let emulator: EmulatorHandle;
  let stack: TestStack;

  beforeAll(async () => {
    emulator = await startEmulator({ stepMs: 1000 });
    stack = await reliabilityStack(modelsProgram(MODELS), emulator.url);
  });
  afterAll(async () => {
    await stack?.dispose({ destroy: true }).catch(() => stack?.dispose());
    await emulator?.close();
  });

  it("up succeeds with exactly 10 models, none trained twice, while half the requests fail for 30 s", async () => {
    // Seeded, so the pattern of hits is reproducible for a given order of requests. Together: 25% 429,
    // then a third of the rest 503, i.e. half of all requests. Creates get their 503 after the model was
    // made (seed 7 hits the first two creates that reach that point), everything else before.
    emulator.control.addFault({ status: 429, retryAfterSeconds: 1, probability: 0.25, seed: 11, durationMs: STORM_MS });
    emulator.control.addFault({ status: 503, method: "GET", probability: 1 / 3, seed: 12, durationMs: STORM_MS });
    const lostCreates = emulator.control.addFault({ status: 503, route: "tunedModels.create", phase: "after", probability: 1 / 3, seed: 7, durationMs: STORM_MS });
    const stormEnds = Date.now() + STORM_MS;

    const up = await stack.up();

    expect(up.changes).toEqual({ create: 11 });
    await expectEachModelOnce(stack, inProcessView(emulator), MODELS.map((m) => m.name));

    // The storm really happened, to every kind of request the up made.
    const during = emulator.control.requests().filter((r) => Date.parse(r.time) < stormEnds);
    const failed = during.filter((r) => r.status === 429 || r.status === 503);
    expect(during.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(5);
    expect(during.filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(5);
    expect(failed.length / during.length).toBeGreaterThan(0.3);
    expect(failed.some((r) => r.route === "tunedModels.create")).toBe(true);
    expect(failed.some((r) => r.route === "operations.get")).toBe(true);
    const lostCreateHits = during.filter((r) => r.route === "tunedModels.create" && r.faults?.includes(lostCreates)).length;
    expect(lostCreateHits).toBeGreaterThanOrEqual(1);
    // A lost create is answered 409 on retry and adopted; still one job per model (checked above).
    expect(up.outputLines.join("\n")).toMatch(/found the job an earlier attempt started/);
  });
});
