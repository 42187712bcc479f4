// VertexTunedModel's update and read against the emulator over HTTP, authenticated with a service-account key
// through Application Default Credentials (strict auth: only the emulator's own tokens pass). The
// engine lifecycle is in test/engine/vertexLifecycle.test.ts.
import { vertexTunedModel } from "../../../../provider";
import { vertexApiFor } from "../../../../provider/vertex/clientFor";
import { rejection } from "../../gemini/geminiFixture";
import { checkedVertexInputs, useVertexEmulator, VERTEX_LOCATION } from "../vertexFixture";

jest.setTimeout(60_000);

const provider = vertexTunedModel;

const checked = checkedVertexInputs;

describe("VertexTunedModel update and read", () => {
  const env = useVertexEmulator();
  const emulator = () => env().emulator;

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
});
