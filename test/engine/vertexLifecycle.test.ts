// VertexTunedModel's lifecycle on the real Pulumi engine against the emulator's Vertex AI routes over
// loopback, authenticated with Application Default Credentials (a service-account key file): preview,
// up, no-op, in-place update, replacements on the dataset fingerprint and on a hyperparameter, refresh
// after an out-of-band deletion, destroy. Each step asserts on what the engine reports, on the exported
// state and on the emulator's own records; every up is preceded by a preview that must plan exactly what
// the up then does (previewThenUp).
import * as fs from "node:fs";
import { vertexProjectNumber } from "../../emulator/vertex/projects";
import * as gemini from "../../sdk";
import { previewThenUp, type StateResource } from "../harness";
import { mutatingRequests, operationOf, plannedOps } from "./geminiStack";
import { createVertexStack, deleteOutOfBand, VERTEX_MODEL_TYPE, VERTEX_STACK_PROJECT, VERTEX_STACK_REGION, type VertexStack } from "./vertexStack";

jest.setTimeout(180_000);

const CAPITALS: ReadonlyArray<readonly [string, string]> = [
  ["France", "Paris"],
  ["Japan", "Tokyo"],
  ["Peru", "Lima"],
  ["Kenya", "Nairobi"],
];

describe("VertexTunedModel lifecycle on the real engine", () => {
  let env: VertexStack;
  let dataset: { uri: string; fingerprint: string };
  let settings = { displayName: "capitals", labels: { team: "ml" } as Record<string, string>, epochCount: 2 };

  const program = () => async () => {
    const model = new gemini.VertexTunedModel("capitals", {
      baseModel: "gemini-2.5-flash",
      tunedModelDisplayName: settings.displayName,
      labels: settings.labels,
      trainingDataset: dataset,
      hyperparameters: { epochCount: settings.epochCount, adapterSize: 4 },
    });
    return { job: model.name, model: model.model, endpoint: model.endpoint, examples: model.tuningDataStats.apply((s) => s?.exampleCount) };
  };

  const recorded = async (): Promise<StateResource | undefined> =>
    (await env.stack.stateResources()).find((r) => r.type === VERTEX_MODEL_TYPE);
  const jobsByState = () =>
    env.emulator.control.vertexJobs().reduce<Record<string, number>>((counts, j) => {
      const state = String(j.job.state);
      counts[state] = (counts[state] ?? 0) + 1;
      return counts;
    }, {});

  beforeAll(async () => {
    env = await createVertexStack(program());
    dataset = env.writeDataset("capitals.jsonl", CAPITALS);
  });
  afterAll(async () => env?.dispose());

  it("1. preview plans one create and sends nothing", async () => {
    const preview = await env.stack.preview();
    expect(plannedOps(preview, VERTEX_MODEL_TYPE)).toEqual({ capitals: ["create"] });
    expect(mutatingRequests(env.emulator)).toEqual([]);
  });

  it("2. up trains the model, showing the job's progress, and records model, endpoint and stats", async () => {
    // Slow enough (a second per step) that the first poll, sent right after the create, sees the job pending.
    env.emulator.control.setStepMs(1000);
    const { up } = await previewThenUp(env.stack);
    env.emulator.control.setStepMs(10);
    expect(up.changes).toEqual({ create: 2 });
    const lines = up.outputLines.join("\n");
    expect(lines).toMatch(/tuningJobs\/\d+: tuning job submitted \(base model gemini-2\.5-flash\)/);
    expect(lines).toMatch(/tuningJobs\/\d+: JOB_STATE_(PENDING|RUNNING)/);
    expect(up.result.outputs.examples?.value).toBe(4); // the emulator read the dataset from the mapped bucket
    const state = await recorded();
    // Vertex names what it returns with the project number, though the stack names the project by id.
    expect(state?.id).toMatch(new RegExp(`^projects/${vertexProjectNumber(VERTEX_STACK_PROJECT)}/locations/${VERTEX_STACK_REGION}/tuningJobs/\\d+$`));
    expect(state?.outputs).toEqual(
      expect.objectContaining({
        state: "JOB_STATE_SUCCEEDED",
        model: up.result.outputs.model?.value,
        endpoint: up.result.outputs.endpoint?.value,
        effectiveHyperparameters: { epochCount: 2, adapterSize: 4 },
      }),
    );
    const [job] = env.emulator.control.vertexJobs();
    expect(job.model?.displayName).toBe("capitals");
    expect(job.endpoint).toBeDefined();
  });

  it("3. up with no change reports none and only reads reach the service", async () => {
    const { preview, up } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(preview.changes).toEqual({ same: 2 });
    expect(up.changes).toEqual({ same: 2 });
    expect(mutatingRequests(env.emulator)).toEqual([]);
  });

  it("4. a display name and labels change is one PATCH of the model with exactly those paths", async () => {
    const before = await recorded();
    settings = { ...settings, displayName: "capitals v2", labels: { team: "ml", env: "prod" } };
    env.stack.setProgram(program());
    const { preview } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(plannedOps(preview, VERTEX_MODEL_TYPE)).toEqual({ capitals: ["update"] });

    expect(mutatingRequests(env.emulator)).toEqual([expect.objectContaining({ method: "PATCH", path: `/v1/${String(before?.outputs?.model)}` })]);
    expect(env.emulator.control.requests().find((r) => r.method === "PATCH")?.updateMask).toEqual(["displayName", "labels"]);
    expect((await recorded())?.id).toBe(before?.id);
    expect(env.emulator.control.vertexJobs()[0].model).toEqual(expect.objectContaining({ displayName: "capitals v2", labels: expect.objectContaining({ env: "prod", "pulumi-gemini-tuning": expect.any(String) }) }));
  });

  it("5. new data at the same URI replaces on the dataset fingerprint: the new model first, then the old one goes", async () => {
    const before = await recorded();
    dataset = env.writeDataset("capitals.jsonl", [...CAPITALS, ["Chile", "Santiago"]]);
    env.stack.setProgram(program());
    const { preview, up } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(plannedOps(preview, VERTEX_MODEL_TYPE).capitals).toEqual(["create-replacement", "replace", "delete-replaced"]);
    expect(operationOf(preview, "capitals", "replace")?.replaces).toEqual(["trainingDataset.fingerprint"]);

    expect(up.result.outputs.examples?.value).toBe(5);
    const order = mutatingRequests(env.emulator).map((r) => r.path.replace(/\/\d+(?=$|:|@)/g, "/N"));
    // The create names the project as the stack does (its id); the teardown uses the names the job reported,
    // which carry the project number; DeleteModel names the model itself, without the version the job gives.
    const byId = `/v1/projects/${VERTEX_STACK_PROJECT}/locations/${VERTEX_STACK_REGION}`;
    const byNumber = `/v1/projects/${vertexProjectNumber(VERTEX_STACK_PROJECT)}/locations/${VERTEX_STACK_REGION}`;
    expect(order).toEqual([
      `${byId}/tuningJobs`,
      `${byNumber}/endpoints/N:undeployModel`,
      `${byNumber}/endpoints/N`,
      `${byNumber}/models/N`,
    ]);
    expect((await recorded())?.id).not.toBe(before?.id);
    expect(env.emulator.control.vertexJobs().filter((j) => j.model !== undefined)).toHaveLength(1);
  });

  it("6. an epochCount change replaces on the hyperparameter", async () => {
    settings = { ...settings, epochCount: 3 };
    env.stack.setProgram(program());
    const { preview, up } = await previewThenUp(env.stack);
    expect(operationOf(preview, "capitals", "replace")?.replaces).toEqual(["hyperparameters.epochCount"]);
    expect(up.changes).toEqual({ same: 1, replace: 1 });
    expect((await recorded())?.outputs?.effectiveHyperparameters).toEqual({ epochCount: 3, adapterSize: 4 });
  });

  it("7. a model deleted outside Pulumi leaves state on refresh, and up trains it again", async () => {
    const before = await recorded();
    const checkpoints = (before?.outputs?.checkpoints ?? []) as Array<{ endpoint?: string }>;
    expect(checkpoints.length).toBeGreaterThan(0);
    const endpoints = [String(before?.outputs?.endpoint), ...checkpoints.map((c) => String(c.endpoint))];
    await deleteOutOfBand(env.outOfBand, String(before?.outputs?.model), endpoints);
    expect(env.emulator.control.vertexResources()).toMatchObject({ models: 0, endpoints: 0 });
    const refresh = await env.stack.refresh();
    expect(refresh.changes).toEqual(expect.objectContaining({ delete: 1 }));
    expect(await recorded()).toBeUndefined();

    const { preview, up } = await previewThenUp(env.stack);
    expect(plannedOps(preview, VERTEX_MODEL_TYPE).capitals).toEqual(["create"]);
    expect(plannedOps(up, VERTEX_MODEL_TYPE).capitals).toEqual(["create"]);
    expect((await recorded())?.outputs?.state).toBe("JOB_STATE_SUCCEEDED");
  });

  it("8. neither state nor output holds the service account's key or an access token", async () => {
    const keyFile = JSON.parse(fs.readFileSync(env.keyFile, "utf8")) as { private_key: string };
    const keyBody = keyFile.private_key.split("\n")[1];
    const tokens = env.emulator.control.tokenRequests();
    expect(tokens.length).toBeGreaterThan(0);
    const everything = [JSON.stringify(await env.stack.exportState()), ...env.stack.history.flatMap((s) => [...s.outputLines, ...s.errorLines])].join("\n");
    expect(everything).not.toContain(keyBody);
    expect(everything).not.toMatch(/bearer\s+\S{20,}/i);
  });

  it("9. destroy leaves no job running, no model and no endpoint", async () => {
    const destroy = await env.stack.destroy();
    expect(destroy.changes).toEqual({ delete: 2 });
    expect(await recorded()).toBeUndefined();
    const jobs = env.emulator.control.vertexJobs();
    expect(jobs.filter((j) => j.model !== undefined || j.endpoint !== undefined)).toEqual([]);
    expect(jobsByState()).toEqual({ JOB_STATE_SUCCEEDED: jobs.length });
    // Checkpoints' endpoints included: nothing the jobs produced is left.
    expect(env.emulator.control.vertexResources()).toEqual({ models: 0, endpoints: 0, activeJobs: 0 });
  });
});
