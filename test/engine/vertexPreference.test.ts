// Preference tuning on the real Pulumi engine against the emulator's Vertex AI routes: a CSV of preference
// examples with its own column names, converted by VertexDataset.preferenceJsonlAsset into the JSONL Vertex
// reads, trains a VertexTunedModel with method "preference" continued from a supervised one of the same
// stack. The create goes to v1beta1 (where the preference spec is), and the job reports its own stats.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as gemini from "../../sdk";
import { mutatingRequests, plannedOps } from "./geminiStack";
import { createVertexStack, DATA_BUCKET, VERTEX_MODEL_TYPE, type VertexStack } from "./vertexStack";

jest.setTimeout(180_000);

describe("preference tuning on the real engine", () => {
  let env: VertexStack;
  let csv: string;

  // Stands in for a gcp.storage.BucketObject: copies the converted file into the emulator's bucket folder.
  const upload = (asset: pulumi.Output<pulumi.asset.FileAsset>, object: string) =>
    asset.apply(async (file) => {
      const bytes = fs.readFileSync(await file.path);
      fs.writeFileSync(path.join(env.dataDir, object), bytes);
      return { uri: `gs://${DATA_BUCKET}/${object}`, fingerprint: `md5:${createHash("md5").update(bytes).digest("base64")}` };
    });

  const program = () => async () => {
    const supervised = new gemini.VertexTunedModel("tone", {
      baseModel: "gemini-2.5-flash",
      trainingDataset: env.writeDataset("tone.jsonl", [["hi", "hello"], ["bye", "goodbye"]]),
    });
    const prefs = upload(
      gemini.VertexDataset.preferenceJsonlAsset(gemini.PreferenceDataset.fromCsv(csv, { prompt: "question", preferred: "good", dispreferred: "bad" })),
      "prefs.jsonl",
    );
    const polite = new gemini.VertexTunedModel("tone-polite", {
      sourceModel: supervised.model,
      method: "preference",
      trainingDataset: prefs,
      hyperparameters: { epochCount: 2, beta: 0.2, adapterSize: 4 },
    });
    return { model: polite.model, stats: polite.tuningDataStats, hyper: polite.effectiveHyperparameters };
  };

  beforeAll(async () => {
    env = await createVertexStack(async () => ({}));
    csv = path.join(env.dataDir, "prefs.csv");
    fs.writeFileSync(csv, "question,good,bad\nhi,Hello! How can I help?,what\nthanks,You are welcome!,k\nbye,Goodbye and take care!,bye\n");
    env.stack.setProgram(program());
  });
  afterAll(async () => env?.dispose());

  it("preview plans both models and sends nothing", async () => {
    const preview = await env.stack.preview();
    expect(plannedOps(preview, VERTEX_MODEL_TYPE)).toEqual({ tone: ["create"], "tone-polite": ["create"] });
    expect(mutatingRequests(env.emulator)).toEqual([]);
  });

  it("up trains the preference model from the converted dataset through v1beta1", async () => {
    const up = await env.stack.up();
    expect(up.changes).toEqual({ create: 3 });
    const lines = fs.readFileSync(path.join(env.dataDir, "prefs.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as unknown);
    expect(lines[0]).toEqual({
      contents: [{ role: "user", parts: [{ text: "hi" }] }],
      completions: [
        { score: 1, completion: { role: "model", parts: [{ text: "Hello! How can I help?" }] } },
        { score: 0, completion: { role: "model", parts: [{ text: "what" }] } },
      ],
    });
    const creates = env.emulator.control.requests().filter((r) => r.route === "vertex.tuningJobs.create").map((r) => r.path.split("/")[1]);
    expect(creates).toEqual(["v1", "v1beta1"]);
    const [job] = env.emulator.control.vertexJobs();
    expect(job.job.preferenceOptimizationSpec).toMatchObject({ hyperParameters: { epochCount: "2", beta: 0.2, adapterSize: "ADAPTER_SIZE_FOUR" } });
    // 3 examples × 2 epochs at the emulator's preference batch of 4: 2 steps.
    expect(up.result.outputs.stats?.value).toMatchObject({ exampleCount: 3, stepCount: 2 });
    expect(up.result.outputs.hyper?.value).toEqual({ epochCount: 2, beta: 0.2, adapterSize: 4 });
    expect(String(up.result.outputs.model?.value)).toMatch(/@2$/);
  });

  it("destroy leaves no model and no endpoint", async () => {
    await env.stack.destroy();
    expect(env.emulator.control.vertexJobs().filter((j) => j.model !== undefined || j.endpoint !== undefined)).toEqual([]);
  });
});
