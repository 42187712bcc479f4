#!/usr/bin/env node
/**
 * `npm run demo`: the number-generator example (the root Pulumi project) on the real Pulumi engine against
 * the emulator, narrated step by step: preview, up with training progress, a question to the tuned model,
 * an in-place update, a replacement preview, a candidate that fails its evaluation gate, and destroy. Leaves nothing behind: the emulator is closed,
 * the stack and its temporary folders are removed.
 *
 * `npm run demo` builds first (predemo) and runs this file compiled, so the program and the emulator are
 * loaded from `dist/`.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
import { startEmulator } from "pulumi-gemini-tuning/emulator";
import { ensureEngine } from "./engine/ensureEngine";
import { repoRoot } from "./repoRoot";

const programPath = path.join(repoRoot, "dist", "examples", "number-generator", "index.js");
/** Wall-clock time per simulated training step: the 38-step job takes about 4 s. */
const STEP_MS = 100;

function step(title: string, why: string): void {
  console.log(`\n=== ${title}\n    ${why}`);
}

/** Prints engine output indented under the current step. */
function engineOutput(text: string): void {
  for (const line of text.split("\n")) if (line.trim() !== "") console.log(`    | ${line}`);
}

/** The example program, re-evaluated on every engine run (it declares its resources at top level). */
function program(): Promise<Record<string, unknown>> {
  delete require.cache[require.resolve(programPath)];
  return require(programPath) as Promise<Record<string, unknown>>;
}

/** The part of a `generateContent` answer the demo reads. */
interface GenerateContentBody {
  candidates?: Array<{ content?: { parts?: Array<{ text?: string }> } }>;
}

/** Asks the tuned model a question through `generateContent`, as an application would. */
async function ask(url: string, apiKey: string, model: string, text: string): Promise<string> {
  const response = await fetch(`${url}/v1beta/${model}:generateContent`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": apiKey },
    body: JSON.stringify({ contents: [{ parts: [{ text }] }] }),
  });
  const body = (await response.json()) as GenerateContentBody;
  if (!response.ok) throw new Error(`generateContent answered ${response.status}: ${JSON.stringify(body)}`);
  return body.candidates?.[0]?.content?.parts?.map((part) => part.text ?? "").join("") ?? "";
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!fs.existsSync(programPath)) throw new Error(`${programPath} is missing; run \`npm run build\` (npm run demo does it)`);
  const binDir = await ensureEngine();
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "gemini-tuning-demo-"));
  // A key made up for this run: the emulator runs in strict mode and accepts only it.
  const apiKey = `demo-${crypto.randomBytes(12).toString("hex")}`;
  const emulator = await startEmulator({ stepMs: STEP_MS, strictAuth: true, apiKeys: [apiKey] });
  let stack: Stack | undefined;
  try {
    step("1. The emulator", `A local, wire-compatible Gemini tuning service is listening at ${emulator.url} (strict API-key auth).`);

    fs.mkdirSync(path.join(sandbox, "state"));
    fs.mkdirSync(path.join(sandbox, "home"));
    const pulumiCommand = await PulumiCommand.get({ root: path.dirname(binDir) });
    stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "demo", projectName: "number-generator", program },
      {
        workDir: sandbox,
        // Plugins start in the project's main folder: the repository, where `pulumi-gemini-tuning` resolves.
        projectSettings: { name: "number-generator", runtime: "nodejs", main: repoRoot },
        pulumiCommand,
        envVars: {
          PULUMI_BACKEND_URL: `file://${path.join(sandbox, "state")}`,
          PULUMI_HOME: path.join(sandbox, "home"),
          PULUMI_CONFIG_PASSPHRASE: "demo",
          PULUMI_SKIP_UPDATE_CHECK: "true",
          PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
          PATH: [binDir, path.dirname(process.execPath), process.env.PATH ?? ""].join(path.delimiter),
        },
      },
    );
    await stack.setConfig("gemini:baseUrl", { value: emulator.url });
    await stack.setConfig("gemini:apiKey", { value: apiKey, secret: true });
    console.log(`    Stack "demo" on Pulumi ${pulumiCommand.version?.format()} (built from source), state in a temporary file backend.`);
    console.log("    gemini:baseUrl points at the emulator; gemini:apiKey is a secret in stack config.");

    step("2. pulumi preview", "Plans the stack: one TunedModel to create. Nothing is sent to the service yet.");
    const preview = await stack.preview({ onOutput: engineOutput, color: "never" });
    console.log(`    Plan: ${JSON.stringify(preview.changeSummary)} (the stack and the model); models in the emulator: ${emulator.control.models().length}`);

    step("3. pulumi up", "Submits the tuning job and waits on its long-running operation until the model is ACTIVE.");
    const up = await stack.up({ onOutput: engineOutput, color: "never" });
    const modelName = String(up.outputs.modelName.value);
    console.log(`    ${modelName} is ${up.outputs.state.value}; final mean loss ${up.outputs.finalMeanLoss.value}`);
    console.log(`    It passed its evaluation gate with ${JSON.stringify(up.outputs.evaluationScores.value)}`);

    step("4. Ask the tuned model", `Calls generateContent on ${modelName} with the prompt "LXIII".`);
    console.log(`    LXIII -> ${await ask(emulator.url, apiKey, modelName, "LXIII")}`);

    step("5. An in-place update", "Changing displayName is a PATCH with an update mask: the model keeps its id and is not retrained.");
    await stack.setConfig("displayName", { value: "number generator v2" });
    const updatePreview = await stack.preview({ color: "never" });
    console.log(`    Preview: ${JSON.stringify(updatePreview.changeSummary)}`);
    emulator.control.clearRequests();
    const updated = await stack.up({ onOutput: engineOutput, color: "never" });
    const patches = emulator.control.requests().filter((r) => r.method === "PATCH");
    console.log(`    PATCH requests: ${patches.map((r) => `updateMask=${(r.updateMask ?? []).join(",")}`).join("; ")}`);
    console.log(`    Same model: ${updated.outputs.modelName.value === modelName}`);

    step("6. A replacement preview", "Changing epochCount needs a new training job: the preview says replace and names the property.");
    await stack.setConfig("epochCount", { value: "6" });
    const reasons: string[] = [];
    await stack.preview({
      onOutput: engineOutput,
      color: "never",
      onEvent: (event) => {
        const metadata = event.resourcePreEvent?.metadata;
        if (metadata?.op === "replace") reasons.push(`${metadata.urn.split("::").pop()}: replace because of ${(metadata.keys ?? []).join(", ")}`);
        const said = event.diagnosticEvent?.message.trim();
        if (said?.includes("evaluation gate")) reasons.push(said);
      },
    });
    for (const reason of reasons) console.log(`    ${reason}`);

    step(
      "7. A candidate that fails its evaluation gate",
      "The emulator is told that new models recall only 20% of their training prompts; up trains the candidate, evaluates it, deletes it and fails, and the serving model stays.",
    );
    emulator.control.setAnswerAccuracy({ accuracy: 0.2 });
    const failure = await stack.up({ onOutput: engineOutput, color: "never" }).then(
      () => undefined,
      (error: unknown) => error,
    );
    console.log(`    up ${failure === undefined ? "succeeded (unexpected)" : "failed, as it should:"}`);
    const told = failure instanceof Error ? failure.message.split("\n").filter((line) => /evaluation gate|^\s+\d\. prompt|The candidate/.test(line)) : [];
    for (const line of [...new Set(told.map((line) => line.trim()))]) console.log(`      ${line}`);
    const serving = (await stack.outputs()).modelName?.value;
    console.log(`    The stack still serves ${serving}: ${serving === modelName}; models in the emulator: ${emulator.control.models().map((m) => m.model.name).join(", ")}`);
    emulator.control.setAnswerAccuracy({ accuracy: null });
    await stack.removeConfig("epochCount");

    step("8. pulumi destroy", "Deletes the tuned model.");
    await stack.destroy({ onOutput: engineOutput, color: "never" });
    console.log(`    Models left in the emulator: ${emulator.control.models().length}`);
  } finally {
    if (stack !== undefined) await stack.workspace.removeStack("demo", { force: true }).catch(() => undefined);
    await emulator.close();
    fs.rmSync(sandbox, { recursive: true, force: true });
  }
  console.log(`\nDemo finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((error: unknown) => {
  console.error(`\nDemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
