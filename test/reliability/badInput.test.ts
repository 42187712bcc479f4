// Bad input: every program in the table (badInputCases.ts) fails at `pulumi preview` with a message
// naming the property, or the file and line, and the service receives no mutating request.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as gemini from "../../sdk";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import type { TestStack } from "../harness";
import { BAD_INPUTS, VALID_ARGS, writeFixtures } from "./badInputCases";
import { expectStepFailure, reliabilityStack, shownText } from "./support/stacks";

jest.setTimeout(120_000);

describe("invalid programs fail at preview, naming what is wrong", () => {
  let dir: string;
  let emulator: EmulatorHandle;
  let stack: TestStack;
  const fixture = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-bad-input-"));
    writeFixtures(dir);
    emulator = await startEmulator({ stepMs: 0 });
    stack = await reliabilityStack(async () => ({}), emulator.url);
  });
  afterAll(async () => {
    await stack?.dispose();
    await emulator?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the table has at least 30 distinct cases", () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(BAD_INPUTS.map((c) => c.what)).size).toBe(BAD_INPUTS.length);
  });

  it("a valid program previews cleanly against the same stack (the table's baseline)", async () => {
    stack.setProgram(async () => {
      new gemini.TunedModel("bad", VALID_ARGS);
      return {};
    });
    const preview = await stack.preview();
    expect(preview.changes).toEqual({ create: 2 });
  });

  it.each(BAD_INPUTS.map((c) => [c.what, c] as const))("%s", async (_what, badInput) => {
    stack.setProgram(async () => {
      new gemini.TunedModel("bad", { ...VALID_ARGS, ...badInput.args?.(fixture) });
      return {};
    });
    for (const [key, value] of Object.entries(badInput.config ?? {})) await stack.setConfig(key, value);
    emulator.control.clearRequests();
    try {
      const failure = await expectStepFailure(stack.preview());
      expect(shownText(failure.trace)).toMatch(badInput.message);
      if (badInput.secret !== undefined) expect(shownText(failure.trace)).not.toContain(badInput.secret);
    } finally {
      await stack.setConfig("gemini:baseUrl", emulator.url);
    }
    expect(emulator.control.requests().filter((request) => request.method !== "GET")).toEqual([]);
  });
});
