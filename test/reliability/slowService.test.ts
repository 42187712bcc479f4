// Slow service: every request takes 2 s longer to answer. A whole lifecycle (create, in-place update,
// refresh, destroy) still succeeds within the default timeouts; and a create timeout shorter than the
// job records the model as still training, after which the next up resumes the same job.
import { startEmulator, type EmulatorHandle } from "../../emulator";
import type { TestStack } from "../harness";
import { inProcessView } from "./support/emulators";
import { expectEachModelOnce, modelsProgram, modelSpecs, stateModels } from "./support/models";
import { expectStepFailure, reliabilityStack, shownText } from "./support/stacks";

jest.setTimeout(300_000);

const LATENCY_MS = 2000;

describe("a service that takes 2 s to answer every request", () => {
  let emulator: EmulatorHandle;
  let stack: TestStack;

  beforeEach(async () => {
    emulator = await startEmulator({ stepMs: 1000 });
    emulator.control.addFault({ latencyMs: LATENCY_MS });
  });
  afterEach(async () => {
    emulator.control.clearFaults();
    await stack?.dispose({ destroy: true }).catch(() => stack?.dispose());
    await emulator?.close();
  });

  it("create, update, refresh and destroy all succeed within the default timeouts", async () => {
    // Two models of ceil(15 × 2 / 5) = 6 steps × 1 s.
    const models = modelSpecs("slow", 2);
    stack = await reliabilityStack(modelsProgram(models), emulator.url);

    const up = await stack.up();
    expect(up.changes).toEqual({ create: 3 });
    await expectEachModelOnce(stack, inProcessView(emulator), models.map((m) => m.name));

    stack.setProgram(modelsProgram(models.map((m) => ({ ...m, displayName: `${m.name} v2` }))));
    const update = await stack.up();
    expect(update.changes).toEqual({ same: 1, update: 2 });
    expect(emulator.control.models().map((m) => m.model.displayName).sort()).toEqual(["slow-0 v2", "slow-1 v2"]);

    const refresh = await stack.refresh();
    expect(refresh.changes).toEqual({ same: 3 });

    const destroy = await stack.destroy();
    expect(destroy.changes).toEqual({ delete: 3 });
    expect(emulator.control.models()).toEqual([]);

    // Every request really was slow.
    const requests = emulator.control.requests();
    expect(requests.length).toBeGreaterThan(6);
    for (const request of requests) expect(request.durationMs).toBeGreaterThanOrEqual(LATENCY_MS - 5);
  });

  it("a create timeout shorter than the job records the model, and the next up resumes the same job", async () => {
    // ceil(15 × 8 / 5) = 24 steps × 1 s, with an 8 s create timeout.
    const models = modelSpecs("patient", 1, { epochCount: 8, batchSize: 5, createTimeout: "8s" });
    stack = await reliabilityStack(modelsProgram(models), emulator.url);

    const timedOut = await expectStepFailure(stack.up());
    expect(shownText(timedOut.trace)).toMatch(/tunedModels\/patient-0-[a-z0-9]{7} was still training after the create timeout \(8s\)/);
    const [recorded] = await stateModels(stack);
    expect(recorded?.outputs?.state).toBe("CREATING");
    const [training] = emulator.control.models();
    expect(training?.model.state).toBe("CREATING");
    expect(recorded?.id).toBe(training?.model.name);

    // The job still has more than 8 s to go: the user raises the timeout (as the message suggests); the
    // model is recorded as still training, so this up resumes waiting for the same job.
    stack.setProgram(modelsProgram(models.map((m) => ({ ...m, createTimeout: "3m" }))));
    const resumed = await stack.up();
    expect(shownText(resumed)).toMatch(/resuming the wait for its tuning job \(CREATING\)/);
    expect(resumed.result.summary.result).toBe("succeeded");
    await expectEachModelOnce(stack, inProcessView(emulator), models.map((m) => m.name));
  });
});
