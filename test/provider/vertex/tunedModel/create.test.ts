// VertexTunedModel's create against the emulator over HTTP, authenticated with a service-account key
// through Application Default Credentials (strict auth: only the emulator's own tokens pass). The
// engine lifecycle is in test/engine/vertexLifecycle.test.ts.
import { vertexProjectNumber } from "../../../../emulator/vertex/projects";
import { vertexTunedModel } from "../../../../provider";
import { rejection } from "../../gemini/geminiFixture";
import { checkedVertexInputs, useVertexEmulator, VERTEX_LOCATION } from "../vertexFixture";

jest.setTimeout(60_000);

const provider = vertexTunedModel;

const checked = checkedVertexInputs;

describe("VertexTunedModel create", () => {
  const env = useVertexEmulator();
  const emulator = () => env().emulator;

  test("create waits for the job and records the model, endpoint and stats; delete removes model and endpoint", async () => {
    const inputs = await checked({ labels: { team: "ml" } });
    const { id, outs } = await provider.create(inputs);
    expect(id).toMatch(new RegExp(`^projects/${vertexProjectNumber(env().project)}/locations/${VERTEX_LOCATION}/tuningJobs/\\d+$`));
    expect(outs).toMatchObject({
      name: id,
      state: "JOB_STATE_SUCCEEDED",
      model: expect.stringMatching(/\/models\/\d+@1$/),
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
    // Two epochs, two checkpoints: the job's endpoint serves the last, the first has an endpoint of its own.
    expect(outs.checkpoints).toEqual([
      { checkpointId: "1", epoch: 1, step: expect.any(Number), endpoint: expect.stringMatching(/\/endpoints\/\d+$/) },
      { checkpointId: "2", epoch: 2, step: expect.any(Number), endpoint: outs.endpoint },
    ]);
    expect(methods).toEqual([
      "vertex.tuningJobs.create",
      "vertex.endpoints.undeployModel",
      "vertex.endpoints.delete",
      "vertex.endpoints.undeployModel",
      "vertex.endpoints.delete",
      "vertex.models.delete",
    ]);
    expect(after.checkpointEndpoints).toEqual([]);
    // DeleteModel names the model itself: its request carries no version.
    const deletedModel = emulator().control.requests().find((r) => r.route === "vertex.models.delete");
    expect(deletedModel?.path).toBe(`/v1/${(outs.model as string).replace(/@1$/, "")}`);
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

  test("a job found by its creation label must carry this stack's key: another stack with the same spec trains its own", async () => {
    const inputs = await checked();
    const first = await provider.create(inputs);
    // The same resource name and spec in another stack (or project): its stack-qualified name differs.
    const otherStack = await checked({ autonameSeed: "other-project/prod/numbers" });
    const second = await provider.create(otherStack);
    expect(second.id).not.toBe(first.id);
    expect(env().jobs()).toHaveLength(2);
    const keys = env().jobs().map((job) => (job.job.labels as Record<string, string>)["pulumi-gemini-tuning"]);
    expect(new Set(keys).size).toBe(2);
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

  test("a failed job fails create with the job's error and leaves no model", async () => {
    emulator().control.failVertexJob({ atStep: 1, code: 3, message: "The training data has an invalid example on line 7." });
    const error = await rejection(provider.create(await checked()));
    expect(error.message).toMatch(/ended JOB_STATE_FAILED: INVALID_ARGUMENT: The training data has an invalid example on line 7\..*produced no model/);
    expect(env().jobs()[0].model).toBeUndefined();
  });
});
