// Secrets audit: a full lifecycle (preview, create, in-place update, refresh, a failed job, a resource
// with a wrong key of its own, destroy) with the API key in secret stack config. Afterwards no state
// file, engine output line or event, error message, emulator log line or request record contains the
// key (nor the wrong key), in plain text or base64; while the emulator, in strict mode, proves the key
// really was sent on every call.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as gemini from "../../sdk";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import type { TestStack } from "../harness";
import { examplesFor } from "./support/models";
import { expectStepFailure, reliabilityStack, shownText } from "./support/stacks";

jest.setTimeout(300_000);

/** Every regular file under `root` (symlinks are not followed: they lead back into the repository). */
function filesUnder(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  walk(root);
  return files;
}

/** The places a leaked key would show, each as one text with a name for the failure message. */
type Exhibit = { where: string; text: string };

describe("an API key in stack config never leaks", () => {
  const apiKey = `AIzaAudit${randomBytes(15).toString("hex")}`;
  const wrongKey = `AIzaWrong${randomBytes(15).toString("hex")}`;
  const emulatorLog: string[] = [];
  const errors: string[] = [];
  let emulator: EmulatorHandle;
  let stack: TestStack;

  const program = (options: { displayName: string; failing?: boolean; wrongKey?: boolean }) => async () => {
    // No stack outputs: see modelsProgram in support/models.ts.
    ["audited-a", "audited-b"].forEach(
      (name, i) =>
        new gemini.TunedModel(name, {
          baseModel: "models/gemini-1.5-flash-001-tuning",
          displayName: `${options.displayName} ${i}`,
          hyperparameters: { epochCount: 1, batchSize: 5 },
          trainingData: examplesFor(i),
        }),
    );
    if (options.failing) {
      new gemini.TunedModel("doomed", { baseModel: "models/gemini-1.5-flash-001-tuning", tunedModelId: "doomed-model", trainingData: examplesFor(7) });
    }
    if (options.wrongKey) {
      new gemini.TunedModel("wrong-key", { baseModel: "models/gemini-1.5-flash-001-tuning", apiKey: wrongKey, trainingData: examplesFor(8) });
    }
    return {};
  };

  beforeAll(async () => {
    emulator = await startEmulator({ stepMs: 20, strictAuth: true, apiKeys: [apiKey], log: (line) => emulatorLog.push(line) });
    stack = await reliabilityStack(program({ displayName: "audited" }), emulator.url, apiKey);
  });
  afterAll(async () => {
    await stack?.dispose();
    await emulator?.close();
  });

  it("a full lifecycle leaves the key nowhere but in encrypted config", async () => {
    // The key is really in the stack's config, as a secret.
    expect((await stack.stack.getConfig("gemini:apiKey")).secret).toBe(true);
    expect((await stack.stack.getConfig("gemini:apiKey")).value).toBe(apiKey);

    await stack.preview();
    expect((await stack.up()).changes).toEqual({ create: 3 });
    stack.setProgram(program({ displayName: "renamed" }));
    expect((await stack.up()).changes).toEqual({ same: 1, update: 2 });
    expect((await stack.refresh()).changes).toEqual({ same: 3 });

    // A job that fails: its error message goes through the engine to the user.
    emulator.control.failJob({ tunedModelId: "doomed-model", atStep: 1, message: "injected failure for the audit" });
    stack.setProgram(program({ displayName: "renamed", failing: true }));
    const failedJob = await expectStepFailure(stack.up());
    expect(shownText(failedJob.trace)).toMatch(/injected failure for the audit/);
    errors.push(failedJob.message, String((failedJob.cause as Error)?.message));

    // A resource with a wrong key of its own: the service refuses it, and the message must not echo it.
    stack.setProgram(program({ displayName: "renamed", wrongKey: true }));
    const refused = await expectStepFailure(stack.up());
    expect(shownText(refused.trace)).toMatch(/API key not valid/);
    errors.push(refused.message, String((refused.cause as Error)?.message));

    stack.setProgram(program({ displayName: "renamed" }));
    await stack.preview();
    expect((await stack.destroy()).changes.delete).toBe(3);

    // The key was really used: strict auth accepted it on calls that succeeded.
    const requests = emulator.control.requests();
    expect(requests.filter((r) => r.status === 200 && r.authKind === "apiKey").length).toBeGreaterThan(5);
    expect(requests.some((r) => r.status === 400)).toBe(true); // the wrong key's refusal

    const exhibits: Exhibit[] = [
      ...stack.history.map((step, i) => ({ where: `engine output and events of step ${i + 1} (${step.command})`, text: JSON.stringify(step) })),
      ...errors.map((text, i) => ({ where: `error message ${i + 1}`, text })),
      { where: "exported state", text: JSON.stringify(await stack.exportState()) },
      ...filesUnder(stack.sandbox.root).map((file) => ({ where: `file ${path.relative(stack.sandbox.root, file)}`, text: fs.readFileSync(file, "latin1") })),
      { where: "emulator log", text: emulatorLog.join("\n") },
      { where: "emulator request records", text: JSON.stringify(requests) },
    ];
    // The audit looked at real material: the state files, the encrypted config and every step.
    expect(exhibits.some((e) => e.where.startsWith("file state/"))).toBe(true);
    expect(exhibits.some((e) => /file work\/Pulumi\.test\.yaml/.test(e.where))).toBe(true);
    expect(emulatorLog.length).toBe(requests.length);

    const forms = [apiKey, wrongKey, Buffer.from(apiKey).toString("base64"), Buffer.from(wrongKey).toString("base64")];
    const leaks = exhibits.filter((e) => forms.some((form) => e.text.includes(form))).map((e) => e.where);
    expect(leaks).toEqual([]);
  });
});
