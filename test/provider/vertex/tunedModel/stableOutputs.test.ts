// What VertexTunedModel's check hands back for the preview of an in-place update: the trained job's stable
// outputs under an internal key, carried over from the recorded inputs or looked up once an in-place change
// is pending; nothing for a no-op (and no request), nothing for a replacement. Provider methods against the
// emulator over HTTP; the engine-level proof is test/engine/vertexDependents.test.ts.
import { vertexTunedModel } from "../../../../provider";
import { STABLE_OUTPUTS, STABLE_OUTPUTS_KEY } from "../../../../provider/vertex/tunedModel/stableOutputs";
import { checkedVertexInputs, useVertexEmulator, vertexInputs } from "../vertexFixture";

jest.setTimeout(60_000);

const provider = vertexTunedModel;

describe("VertexTunedModel check: stable outputs for the preview of an in-place update", () => {
  const env = useVertexEmulator();
  const requests = () => env().emulator.control.requests();
  const jobLookups = () => requests().filter((r) => r.method === "GET" && /\/tuningJobs/.test(r.path)).length;

  /** A trained model: its recorded inputs (what check returned for the create) and its outputs. */
  async function trained(): Promise<{ id: string; recordedInputs: Record<string, unknown>; outs: Record<string, unknown> }> {
    const recordedInputs = await checkedVertexInputs();
    const { id, outs } = await provider.create(recordedInputs);
    env().emulator.control.clearRequests();
    return { id, recordedInputs, outs };
  }

  test("a no-op sends no request and adds nothing", async () => {
    const { recordedInputs } = await trained();
    const { inputs, failures } = await provider.check(recordedInputs, vertexInputs());
    expect(failures).toEqual([]);
    expect(inputs).toEqual(recordedInputs);
    expect(requests()).toEqual([]);
  });

  test("an in-place change looks the job up once, and the recorded inputs carry the outputs from then on", async () => {
    const { id, recordedInputs, outs } = await trained();
    const renamed = await provider.check(recordedInputs, vertexInputs({ tunedModelDisplayName: "renamed" }));
    expect(renamed.failures).toEqual([]);
    const stable = renamed.inputs[STABLE_OUTPUTS_KEY];
    expect(stable).toEqual({ name: id, ...Object.fromEntries(STABLE_OUTPUTS.filter((key) => outs[key] !== undefined).map((key) => [key, outs[key]])) });
    expect(stable).toEqual(expect.objectContaining({ model: outs.model, endpoint: outs.endpoint, state: "JOB_STATE_SUCCEEDED" }));
    expect(jobLookups()).toBe(1);
    expect(requests().filter((r) => r.method !== "GET")).toEqual([]);

    // What the engine recorded after that update is what the next check receives: carried, nothing sent.
    env().emulator.control.clearRequests();
    const again = await provider.check(renamed.inputs, vertexInputs({ tunedModelDisplayName: "renamed again" }));
    expect(again.inputs[STABLE_OUTPUTS_KEY]).toEqual(stable);
    const unchanged = await provider.check(renamed.inputs, vertexInputs({ tunedModelDisplayName: "renamed" }));
    expect(unchanged.inputs[STABLE_OUTPUTS_KEY]).toEqual(stable);
    expect(requests()).toEqual([]);

    // Diff, create and update never see the key: the outputs are what they were.
    expect(await provider.diff(id, outs, again.inputs)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const updated = await provider.update(id, outs, again.inputs);
    expect(updated.outs).not.toHaveProperty(STABLE_OUTPUTS_KEY);
    expect(updated.outs).toEqual(expect.objectContaining({ model: outs.model, endpoint: outs.endpoint }));
  });

  test("a change that trains a new job drops them, so its preview shows them unknown", async () => {
    const { recordedInputs } = await trained();
    const carrying = (await provider.check(recordedInputs, vertexInputs({ tunedModelDisplayName: "renamed" }))).inputs;
    expect(carrying[STABLE_OUTPUTS_KEY]).toBeDefined();
    env().emulator.control.clearRequests();
    const retrained = await provider.check(carrying, vertexInputs({ tunedModelDisplayName: "renamed", hyperparameters: { epochCount: 3 } }));
    expect(retrained.failures).toEqual([]);
    expect(retrained.inputs).not.toHaveProperty(STABLE_OUTPUTS_KEY);
    expect(requests()).toEqual([]);
  });

  test("a look-up that fails leaves them unknown, without an error", async () => {
    const { recordedInputs } = await trained();
    // E.g. credentials that may deploy but not list jobs.
    env().emulator.control.addFault({ status: 403, route: "vertex.tuningJobs.list" });
    const { inputs, failures } = await provider.check(recordedInputs, vertexInputs({ tunedModelDisplayName: "renamed" }));
    expect(failures).toEqual([]);
    expect(inputs).not.toHaveProperty(STABLE_OUTPUTS_KEY);
    expect(jobLookups()).toBe(1);
  });
});
