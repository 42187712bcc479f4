// Service restart: the emulator runs as its own process with a state file and is killed (SIGKILL, no
// clean shutdown) twice during one `pulumi up`: once just after the first model was created, while the
// other creates are in flight, and once while every job trains. Each time it comes back on the same
// port and state file a few seconds later. The up must complete; no model may be lost or duplicated.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { TestStack } from "../harness";
import { EmulatorProcess } from "./support/emulators";
import { expectEachModelOnce, modelSpecs, modelsProgram } from "./support/models";
import { reliabilityStack } from "./support/stacks";

jest.setTimeout(300_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// 5 models of ceil(15 × 4 / 3) = 20 steps × 600 ms = 12 s each.
const MODELS = modelSpecs("restart", 5, { epochCount: 4, batchSize: 3 });

describe("a service restart during up", () => {
  let dir: string;
  let emulator: EmulatorProcess;
  let stack: TestStack;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-restart-"));
    emulator = await EmulatorProcess.start(["--step-ms", "600", "--state-file", path.join(dir, "emulator-state.json")]);
    stack = await reliabilityStack(modelsProgram(MODELS), emulator.url);
  });
  afterAll(async () => {
    await stack?.dispose({ destroy: true }).catch(() => stack?.dispose());
    await emulator?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("up completes with every model exactly once after two kills and restarts", async () => {
    const firstCreate = emulator.nextLine(/^POST \/v1beta\/tunedModels -> 200 tunedModels\.create/, 60_000);
    const up = stack.up();
    up.catch(() => undefined); // awaited below; keep an early failure from being unhandled meanwhile

    // Kill 1: right after the first create was answered, while the others may be in flight.
    await firstCreate;
    await emulator.kill();
    await sleep(2_000);
    await emulator.restart();

    // Kill 2: once every job is training (bounded wait: 60 s).
    const until = Date.now() + 60_000;
    let models = await emulator.models();
    while (!(models.length === MODELS.length && models.every((m) => m.model.state === "CREATING")) && Date.now() < until) {
      await sleep(250);
      models = await emulator.models();
    }
    expect(models.map((m) => m.model.state)).toEqual(MODELS.map(() => "CREATING"));
    await sleep(1_500);
    await emulator.kill();
    await sleep(3_000);
    await emulator.restart();

    const result = await up;
    expect(result.changes).toEqual({ create: MODELS.length + 1 });
    await expectEachModelOnce(stack, emulator, MODELS.map((m) => m.name));
    // Both restarts happened: three "listening" lines, and the state file survived them.
    expect(emulator.lines.filter((line) => /listening on/.test(line))).toHaveLength(3);
    expect(fs.existsSync(path.join(dir, "emulator-state.json"))).toBe(true);
  });
});
