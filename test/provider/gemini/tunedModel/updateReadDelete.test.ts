import { tunedModel } from "../../../../provider";
import { modelInputs, useEmulator } from "../geminiFixture";

const emulator = useEmulator();

async function created(overrides: Record<string, unknown> = {}) {
  const { inputs } = await tunedModel.check({}, modelInputs(emulator().url, overrides));
  const { id, outs } = await tunedModel.create(inputs);
  return { id, outs, inputs };
}

function patchMasks(): string[][] {
  return emulator()
    .control.requests()
    .filter((request) => request.method === "PATCH")
    .map((request) => request.updateMask ?? []);
}

describe("TunedModel update, read and delete", () => {
  it("sends one PATCH whose mask names exactly the changed fields", async () => {
    const { id, outs, inputs } = await created({ temperature: 0.5 });
    const news = { ...inputs, displayName: "renamed", temperature: 0.25 };
    const diff = await tunedModel.diff(id, outs, news);
    expect(diff).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const { outs: updated } = await tunedModel.update(id, outs, news);
    expect(patchMasks()).toEqual([["displayName", "temperature"]]);
    expect(updated).toEqual(expect.objectContaining({ name: id, displayName: "renamed", temperature: 0.25, state: "ACTIVE" }));
    expect(await tunedModel.diff(id, updated, news)).toEqual(expect.objectContaining({ changes: false }));
  });

  it("reads drift made outside Pulumi, and the next diff proposes to restore it", async () => {
    const { id, outs, inputs } = await created({ description: "declared" });
    const response = await fetch(`${emulator().url}/v1beta/${id}?updateMask=description`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ description: "edited by hand" }),
    });
    expect(response.status).toBe(200);
    const refreshed = await tunedModel.read(id, outs);
    expect(refreshed).toEqual({ id, props: expect.objectContaining({ description: "edited by hand" }) });
    const diff = await tunedModel.diff(id, refreshed.props, inputs);
    expect(diff.changes).toBe(true);
    await tunedModel.update(id, refreshed.props, inputs);
    expect(patchMasks().at(-1)).toEqual(["description"]);
  });

  it("reads a model deleted outside Pulumi as gone, and deleting it again succeeds", async () => {
    const { id, outs } = await created();
    await tunedModel.delete(id, outs);
    expect(emulator().control.models()).toEqual([]);
    expect(await tunedModel.read(id, outs)).toEqual({ id: "", props: {} });
    await expect(tunedModel.delete(id, outs)).resolves.toBeUndefined();
  });

  it("makes no request but a read when nothing changed", async () => {
    const { id, outs, inputs } = await created();
    emulator().control.clearRequests();
    expect((await tunedModel.diff(id, outs, inputs)).changes).toBe(false);
    await tunedModel.read(id, outs);
    expect(emulator().control.requests().map((request) => request.method)).toEqual(["GET"]);
  });
});
