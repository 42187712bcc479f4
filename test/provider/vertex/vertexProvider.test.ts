// The VertexTunedModel provider's methods against the emulator over HTTP, authenticated with a
// service-account key through Application Default Credentials (strict auth: only the emulator's own
// tokens pass). The engine lifecycle is in test/engine/vertexLifecycle.test.ts.
import { vertexTunedModel } from "../../../provider";
import { vertexApiFor } from "../../../provider/vertex/clientFor";
import { rejection } from "../gemini/geminiFixture";
import { useVertexEmulator, vertexInputs, VERTEX_LOCATION } from "./vertexFixture";

jest.setTimeout(60_000);

const provider = vertexTunedModel;

async function checked(overrides: Record<string, unknown> = {}) {
  const result = await provider.check({}, vertexInputs(overrides));
  expect(result.failures).toEqual([]);
  return result.inputs;
}

describe("VertexTunedModel provider", () => {
  const env = useVertexEmulator();
  const emulator = () => env().emulator;

  test("check resolves project and location from stack config and normalizes names", async () => {
    const inputs = await checked({ baseModel: "publishers/google/models/gemini-2.5-flash", hyperparameters: { adapterSize: 4 } });
    expect(inputs).toMatchObject({
      project: env().project,
      location: VERTEX_LOCATION,
      baseModel: "gemini-2.5-flash",
      hyperparameters: { adapterSize: "ADAPTER_SIZE_FOUR" },
    });
  });

  test("check names each bad property", async () => {
    const { failures } = await provider.check(
      {},
      vertexInputs({
        trainingDataset: { uri: "https://example.test/data.jsonl", fingerprint: "" },
        hyperparameters: { adapterSize: 3, epochCount: 0 },
        labels: { "pulumi-gemini-tuning": "x", Team: "a" },
        tunedModelDisplayName: "x".repeat(129),
      }),
    );
    const byProperty = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
    expect(byProperty["trainingDataset.uri"]).toMatch(/Cloud Storage URI/);
    expect(byProperty["trainingDataset.fingerprint"]).toMatch(/must not be empty/);
    expect(byProperty["hyperparameters.adapterSize"]).toMatch(/1, 2, 4, 8, 16 or 32/);
    expect(byProperty["hyperparameters.epochCount"]).toMatch(/greater than 0/);
    expect(byProperty['labels["pulumi-gemini-tuning"]']).toMatch(/reserved/);
    expect(byProperty["labels.Team"]).toMatch(/lowercase/);
    expect(byProperty.tunedModelDisplayName).toMatch(/128/);
  });

  test("check reports a missing project and location with where to set them", async () => {
    await provider.configure({ config: { get: () => undefined } });
    const { failures } = await provider.check({}, vertexInputs());
    expect(failures).toEqual([
      { property: "project", reason: expect.stringMatching(/gcp:project stack setting or GOOGLE_CLOUD_PROJECT/) },
      { property: "location", reason: expect.stringMatching(/gcp:region stack setting or GOOGLE_CLOUD_LOCATION/) },
    ]);
  });

  test("create waits for the job and records the model, endpoint and stats; delete removes model and endpoint", async () => {
    const inputs = await checked({ labels: { team: "ml" } });
    const { id, outs } = await provider.create(inputs);
    expect(id).toMatch(new RegExp(`^projects/${env().project}/locations/${VERTEX_LOCATION}/tuningJobs/\\d+$`));
    expect(outs).toMatchObject({
      name: id,
      state: "JOB_STATE_SUCCEEDED",
      model: expect.stringMatching(/\/models\/\d+$/),
      endpoint: expect.stringMatching(/\/endpoints\/\d+$/),
      tuningDataStats: { exampleCount: 16, stepCount: expect.any(Number) },
      tunedModelDisplayName: "numbers",
      labels: { team: "ml" },
    });
    // The job carries the provider's creation label; the user's labels in outputs do not.
    const [recorded] = env().jobs();
    expect(Object.keys((recorded.job.labels as Record<string, string>) ?? {}).sort()).toEqual(["pulumi-gemini-tuning", "team"]);

    await provider.delete(id, outs);
    const [after] = env().jobs();
    expect(after.model).toBeUndefined();
    expect(after.endpoint).toBeUndefined();
    const methods = emulator().control.requests().filter((r) => r.method !== "GET").map((r) => r.route);
    expect(methods).toEqual(["vertex.tuningJobs.create", "vertex.endpoints.undeployModel", "vertex.endpoints.delete", "vertex.models.delete"]);
    // Deleting again finds nothing left to remove.
    await expect(provider.delete(id, outs)).resolves.toBeUndefined();
  });

  test("a create repeated after an unrecorded attempt finds that job instead of training twice", async () => {
    const inputs = await checked();
    const first = await provider.create(inputs);
    const second = await provider.create(inputs);
    expect(second.id).toBe(first.id);
    expect(env().jobs()).toHaveLength(1);
  });

  test("a create whose answer was lost (503 after the job was made) uses that job instead of sending another", async () => {
    emulator().control.addFault({ status: 503, route: "vertex.tuningJobs.create", phase: "after", count: 1 });
    const { id, outs } = await provider.create(await checked());
    expect(outs.state).toBe("JOB_STATE_SUCCEEDED");
    expect(env().jobs().map((j) => j.job.name)).toEqual([id]);
    expect(emulator().control.requests().filter((r) => r.route === "vertex.tuningJobs.create").map((r) => r.status)).toEqual([503]);
  });

  test("a create refused before it acted (503 before) is sent again and makes one job", async () => {
    emulator().control.addFault({ status: 503, route: "vertex.tuningJobs.create", count: 1 });
    await provider.create(await checked());
    expect(env().jobs()).toHaveLength(1);
    expect(emulator().control.requests().filter((r) => r.route === "vertex.tuningJobs.create").map((r) => r.status)).toEqual([503, 200]);
  });

  test("diff: datasets and hyperparameters replace, model fields update in place, equal values are no change", async () => {
    const inputs = await checked();
    const { outs } = await provider.create(inputs);
    const diff = (overrides: Record<string, unknown>) => checked(overrides).then((news) => provider.diff("id", outs, news));
    await expect(diff({})).resolves.toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    await expect(diff({ trainingDataset: { uri: "gs://tuning-data/numbers.jsonl", fingerprint: "md5:BBBB" } })).resolves.toMatchObject({
      replaces: ["trainingDataset.fingerprint"],
    });
    await expect(diff({ hyperparameters: { epochCount: 3 } })).resolves.toMatchObject({ replaces: ["hyperparameters.epochCount"] });
    await expect(diff({ description: "new" })).resolves.toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });

  test("update patches the model with an exact mask; refresh shows drift and out-of-band deletion", async () => {
    const inputs = await checked();
    const { id, outs } = await provider.create(inputs);
    const news = await checked({ tunedModelDisplayName: "renamed", labels: { env: "prod" } });
    emulator().control.clearRequests();
    const updated = await provider.update(id, outs, news);
    expect(updated.outs).toMatchObject({ tunedModelDisplayName: "renamed", labels: { env: "prod" } });
    const patch = emulator().control.requests().find((r) => r.method === "PATCH");
    expect(patch?.updateMask).toEqual(["displayName", "labels"]);

    // An edit made outside Pulumi (the console, gcloud): through a separate client, not the provider.
    const console_ = vertexApiFor({ baseUrl: emulator().url, project: env().project, location: VERTEX_LOCATION });
    await console_.updateModel(String(updated.outs.model), { description: "edited in the console" }, ["description"]);
    const refreshed = await provider.read(id, updated.outs);
    expect(refreshed.id).toBe(id);
    expect(refreshed.props).toMatchObject({ description: "edited in the console", tunedModelDisplayName: "renamed" });

    // The model deleted outside Pulumi: refresh drops the resource from state.
    await provider.delete(id, updated.outs);
    await expect(provider.read(id, updated.outs)).resolves.toEqual({ id: "", props: {} });
  });

  test("a failed job fails create with the job's error and leaves no model", async () => {
    emulator().control.failVertexJob({ atStep: 1, code: 3, message: "The training data has an invalid example on line 7." });
    const error = await rejection(provider.create(await checked()));
    expect(error.message).toMatch(/ended JOB_STATE_FAILED: INVALID_ARGUMENT: The training data has an invalid example on line 7\..*produced no model/);
    expect(env().jobs()[0].model).toBeUndefined();
  });

  test("a recorded job that failed meanwhile is recorded as failed by update, and diff then replaces it", async () => {
    emulator().control.pauseTraining();
    const inputs = await checked({ timeouts: { create: "1s" } });
    const partial = (await rejection(provider.create(inputs))) as unknown as { id: string; properties: Record<string, unknown> };
    emulator().control.failVertexJob({ tuningJob: partial.id, atStep: 1, code: 13, message: "Internal error." });
    emulator().control.resumeTraining();

    const failure = (await rejection(provider.update(partial.id, partial.properties, inputs))) as unknown as { name: string; message: string; properties: Record<string, unknown> };
    expect(failure.name).toBe("PartialStateError");
    expect(failure.message).toMatch(/ended JOB_STATE_FAILED: INTERNAL: Internal error\./);
    expect(failure.properties.state).toBe("JOB_STATE_FAILED");
    await expect(provider.diff(partial.id, failure.properties, inputs)).resolves.toMatchObject({ changes: true, replaces: ["state"] });
  });

  test("delete cancels a job that is still running", async () => {
    emulator().control.pauseTraining();
    const inputs = await checked({ timeouts: { create: "1s" } });
    const error = await rejection(provider.create(inputs));
    expect(error.name).toBe("PartialStateError");
    const { id, properties } = error as unknown as { id: string; properties: Record<string, unknown> };
    emulator().control.resumeTraining();
    await provider.delete(id, properties);
    expect(env().jobs()[0].job.state).toBe("JOB_STATE_CANCELLED");
  });
});

