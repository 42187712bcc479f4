// The product's lifecycle on the real Pulumi engine against the emulator over loopback: preview, up,
// no-op, in-place update, replacements (hyperparameter, dataset file), refresh after out-of-band delete
// and edit, destroy, and what the state holds. Each step asserts on what the engine reports, on the
// exported state, and on the emulator's own records; every up is preceded by a preview that must plan
// exactly what the up then does (previewThenUp).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { previewThenUp, type StateResource } from "../harness";
import { createGeminiStack, mutatingRequests, operationOf, plannedOps, TUNED_MODEL_TYPE, type GeminiStack } from "./geminiStack";

jest.setTimeout(180_000);

interface Settings {
  displayName: string;
  temperature: number;
  epochCount: number;
}

describe("TunedModel lifecycle on the real engine", () => {
  let env: GeminiStack;
  let dataDir: string;
  let jsonl: string;
  let settings: Settings = { displayName: "numbers", temperature: 0.5, epochCount: 2 };

  const program = () => async () => {
    const inline = new gemini.TunedModel("inline-model", {
      baseModel: "models/gemini-1.5-flash-001-tuning",
      displayName: settings.displayName,
      temperature: settings.temperature,
      hyperparameters: { epochCount: settings.epochCount, batchSize: 5 },
      trainingData: NUMBER_EXAMPLES,
    });
    const file = new gemini.TunedModel("file-model", {
      baseModel: "gemini-1.5-flash-001-tuning",
      description: "declared in the program",
      hyperparameters: { epochCount: 1 },
      trainingData: gemini.Dataset.fromJsonl(jsonl, { input: "q", output: "a" }),
    });
    return { inline: inline.name, inlineState: inline.state, file: file.name, fileExamples: file.exampleCount };
  };

  const models = async (): Promise<StateResource[]> => (await env.stack.stateResources()).filter((r) => r.type === TUNED_MODEL_TYPE);
  const modelId = async (name: string): Promise<string | undefined> =>
    (await models()).find((r) => r.urn.endsWith(`::${name}`))?.id;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-lifecycle-"));
    jsonl = path.join(dataDir, "capitals.jsonl");
    fs.writeFileSync(jsonl, ["France:Paris", "Japan:Tokyo", "Peru:Lima", "Kenya:Nairobi"].map((pair) => {
      const [q, a] = pair.split(":");
      return JSON.stringify({ q, a });
    }).join("\n") + "\n");
    env = await createGeminiStack(program());
  });

  afterAll(async () => {
    await env?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("1. preview of a fresh stack plans two creates and sends nothing", async () => {
    const preview = await env.stack.preview();
    expect(plannedOps(preview)).toEqual({ "inline-model": ["create"], "file-model": ["create"] });
    expect(preview.changes).toEqual({ create: 3 }); // two models and the stack
    expect(env.emulator.control.models()).toEqual([]);
    expect(mutatingRequests(env.emulator)).toEqual([]);
  });

  it("2. up trains both models to ACTIVE, showing progress", async () => {
    const { up } = await previewThenUp(env.stack);
    expect(up.changes).toEqual({ create: 3 });
    expect(env.emulator.control.counters().modelsByState).toEqual(expect.objectContaining({ ACTIVE: 2, CREATING: 0, FAILED: 0 }));
    expect(up.outputLines.join("\n")).toMatch(/tunedModels\/inline-model-[a-z0-9]{7}: \d+% \(step \d+\/6/);
    expect(up.result.outputs.inlineState?.value).toBe("ACTIVE");
    expect(up.result.outputs.fileExamples?.value).toBe(4);
    const state = await models();
    expect(state.map((r) => r.outputs?.state)).toEqual(["ACTIVE", "ACTIVE"]);
    expect(state.find((r) => r.urn.endsWith("::inline-model"))?.outputs).toEqual(
      expect.objectContaining({ totalSteps: 6, exampleCount: 15, finalMeanLoss: expect.any(Number), datasetFingerprint: expect.stringMatching(/^sha256:/) }),
    );
  });

  it("3. up with no change reports none and only reads reach the service", async () => {
    const { preview, up } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(preview.changes).toEqual({ same: 3 });
    expect(up.changes).toEqual({ same: 3 });
    expect(mutatingRequests(env.emulator)).toEqual([]);
  });

  it("4. a displayName and temperature change is one PATCH with exactly those paths", async () => {
    const before = await modelId("inline-model");
    settings = { ...settings, displayName: "numbers v2", temperature: 0.25 };
    env.stack.setProgram(program());
    const { preview, up } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(plannedOps(preview)).toEqual({ "inline-model": ["update"], "file-model": ["same"] });
    expect(operationOf(preview, "inline-model", "update")?.changedInputs).toEqual(["displayName", "temperature"]);

    expect(up.changes).toEqual({ same: 2, update: 1 });
    expect(mutatingRequests(env.emulator)).toEqual([expect.objectContaining({ method: "PATCH", path: `/v1beta/${before}` })]);
    expect(env.emulator.control.requests().find((r) => r.method === "PATCH")?.updateMask).toEqual(["displayName", "temperature"]);
    expect(await modelId("inline-model")).toBe(before);
  });

  it("5. an epochCount change replaces the model, creating the new one before deleting the old", async () => {
    const before = await modelId("inline-model");
    settings = { ...settings, epochCount: 3 };
    env.stack.setProgram(program());
    const { preview, up } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(plannedOps(preview)["inline-model"]).toEqual(["create-replacement", "replace", "delete-replaced"]);
    expect(operationOf(preview, "inline-model", "replace")?.replaces).toEqual(["hyperparameters.epochCount"]);

    const after = await modelId("inline-model");
    expect(after).toMatch(/^tunedModels\/inline-model-[a-z0-9]{7}$/);
    expect(after).not.toBe(before);
    const order = mutatingRequests(env.emulator).map((r) => `${r.method} ${r.path}`);
    expect(order).toEqual(["POST /v1beta/tunedModels", `DELETE /v1beta/${before}`]);
    expect(up.changes).toEqual({ same: 2, replace: 1 });
  });

  it("6. appending a line to the JSONL file replaces on the dataset fingerprint and retrains", async () => {
    const before = await modelId("file-model");
    const jobs = env.emulator.control.jobsCreated();
    fs.appendFileSync(jsonl, JSON.stringify({ q: "Chile", a: "Santiago" }) + "\n");
    const { preview, up } = await previewThenUp(env.stack);
    expect(operationOf(preview, "file-model", "replace")?.replaces).toEqual(["trainingData"]);

    expect(up.changes).toEqual({ same: 2, replace: 1 });
    expect(env.emulator.control.jobsCreated()).toBe(jobs + 1);
    expect(await modelId("file-model")).not.toBe(before);
    expect(up.result.outputs.fileExamples?.value).toBe(5);
  });

  it("8. a model deleted behind Pulumi's back leaves state on refresh and is created again by up", async () => {
    const id = await modelId("inline-model");
    const response = await fetch(`${env.emulator.url}/v1beta/${id}`, { method: "DELETE", headers: { "x-goog-api-key": env.apiKey } });
    expect(response.status).toBe(200);

    const refresh = await env.stack.refresh();
    expect(refresh.changes).toEqual(expect.objectContaining({ delete: 1 }));
    expect(await modelId("inline-model")).toBeUndefined();

    const { preview, up } = await previewThenUp(env.stack);
    expect(plannedOps(preview)["inline-model"]).toEqual(["create"]);
    expect(plannedOps(up)["inline-model"]).toEqual(["create"]);
    expect(await modelId("inline-model")).toBe(id); // the same derived id: same stack, name and spec
    expect(env.emulator.control.counters().modelsByState.ACTIVE).toBe(2);
  });

  it("9. a description edited behind Pulumi's back shows as drift and up restores it", async () => {
    const id = await modelId("file-model");
    const response = await fetch(`${env.emulator.url}/v1beta/${id}?updateMask=description`, {
      method: "PATCH",
      headers: { "content-type": "application/json", "x-goog-api-key": env.apiKey },
      body: JSON.stringify({ description: "edited by hand" }),
    });
    expect(response.status).toBe(200);

    await env.stack.refresh();
    expect((await models()).find((r) => r.id === id)?.outputs?.description).toBe("edited by hand");
    const { preview } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(plannedOps(preview)).toEqual({ "inline-model": ["same"], "file-model": ["update"] });

    expect(env.emulator.control.requests().filter((r) => r.method === "PATCH").map((r) => r.updateMask)).toEqual([["description"]]);
    const restored = env.emulator.control.models().find((m) => m.model.name === id)?.model;
    expect(restored?.description).toBe("declared in the program");
  });

  it("14. the state holds no API key and each serialized provider is under 2 KB", async () => {
    const encrypted = JSON.stringify(await env.stack.exportState());
    expect(encrypted).not.toContain(env.apiKey);
    const sizes = (await models()).map((r) => String(r.outputs?.__provider ?? r.inputs?.__provider).length);
    expect(sizes).toHaveLength(2);
    for (const size of sizes) expect(size).toBeLessThan(2048);
    console.log(`__provider text per TunedModel: ${sizes.join(", ")} bytes`);
    const lines = env.stack.history.flatMap((step) => [...step.outputLines, ...step.errorLines]);
    expect(lines.join("\n")).not.toContain(env.apiKey);
  });

  it("13. destroy leaves no model in the emulator and nothing in state", async () => {
    const destroy = await env.stack.destroy();
    expect(destroy.changes).toEqual({ delete: 3 });
    expect(env.emulator.control.models()).toEqual([]);
    expect(await models()).toEqual([]);
  });
});
