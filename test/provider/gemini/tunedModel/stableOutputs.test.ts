// What TunedModel's check hands back for the preview of an in-place update: the trained model's stable
// outputs under an internal key, carried over from the recorded inputs or read with one GET once an
// in-place change is pending; nothing for a no-op (and no request), nothing for a replacement. Provider
// methods against the emulator over HTTP; the engine-level proof is test/engine/dependents.test.ts.
import { tunedModel } from "../../../../provider";
import { STABLE_OUTPUTS } from "../../../../provider/gemini/tunedModel/stableOutputs";
import { STABLE_OUTPUTS_KEY } from "../../../../provider/lifecycle/stableOutputs";
import { NUMBER_EXAMPLES } from "../../../fixtures/numbers";
import { modelInputs, TEST_API_KEY, useEmulator } from "../geminiFixture";

jest.setTimeout(60_000);

const emulator = useEmulator();
const requests = () => emulator().control.requests();
const modelReads = () => requests().filter((r) => r.method === "GET" && /\/tunedModels\//.test(r.path)).length;
const inputs = (overrides: Record<string, unknown> = {}) => modelInputs(emulator().url, overrides);

/** The stable outputs among recorded outputs, as the carried key holds them (absent ones left out). */
const stableOf = (outs: Record<string, unknown>) => Object.fromEntries(STABLE_OUTPUTS.filter((key) => outs[key] !== undefined).map((key) => [key, outs[key]]));

/** A trained model: its recorded inputs (what check returned for the create) and its outputs. */
async function trained(overrides: Record<string, unknown> = {}) {
  const checked = await tunedModel.check({}, inputs(overrides));
  expect(checked.failures).toEqual([]);
  const { id, outs } = await tunedModel.create(checked.inputs);
  emulator().control.clearRequests();
  return { id, recordedInputs: checked.inputs, outs };
}

describe("TunedModel check: stable outputs for the preview of an in-place update", () => {
  it("a no-op sends no request and adds nothing", async () => {
    const { recordedInputs } = await trained();
    const { inputs: checked, failures } = await tunedModel.check(recordedInputs, inputs());
    expect(failures).toEqual([]);
    expect(checked).toEqual(recordedInputs);
    expect(requests()).toEqual([]);
  });

  it("an in-place change reads the model once, and the recorded inputs carry its outputs from then on", async () => {
    const { id, recordedInputs, outs } = await trained();
    const renamed = await tunedModel.check(recordedInputs, inputs({ displayName: "renamed" }));
    expect(renamed.failures).toEqual([]);
    const stable = renamed.inputs[STABLE_OUTPUTS_KEY] as Record<string, unknown>;
    // What the create recorded, the base model's sampling defaults and the dataset's count included.
    expect(stable).toEqual({ name: id, ...stableOf(outs) });
    expect(stable).toEqual(expect.objectContaining({ state: "ACTIVE", createTime: outs.createTime, snapshots: outs.snapshots, exampleCount: NUMBER_EXAMPLES.length }));
    expect(stable.temperature).toEqual(expect.any(Number));
    expect(modelReads()).toBe(1);
    expect(requests().filter((r) => r.method !== "GET")).toEqual([]);
    // The connection's key is no part of what is carried.
    expect(JSON.stringify(renamed.inputs)).not.toContain(TEST_API_KEY);

    // What the engine recorded after that update is what the next check receives: carried, nothing sent.
    emulator().control.clearRequests();
    const again = await tunedModel.check(renamed.inputs, inputs({ displayName: "renamed again" }));
    expect(again.inputs[STABLE_OUTPUTS_KEY]).toEqual(stable);
    const unchanged = await tunedModel.check(renamed.inputs, inputs({ displayName: "renamed" }));
    expect(unchanged.inputs[STABLE_OUTPUTS_KEY]).toEqual(stable);
    expect(requests()).toEqual([]);

    // Diff, create and update never see the key, and up leaves the carried values as they are.
    expect(await tunedModel.diff(id, outs, again.inputs)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    const updated = await tunedModel.update(id, outs, again.inputs);
    expect(updated.outs).not.toHaveProperty(STABLE_OUTPUTS_KEY);
    expect({ name: id, ...stableOf(updated.outs) }).toEqual(stable);
  });

  it("a sampling default declared and then left unset is carried as the model keeps it", async () => {
    const { id, recordedInputs, outs } = await trained();
    const declared = await tunedModel.check(recordedInputs, inputs({ temperature: 0.25 }));
    expect(declared.inputs[STABLE_OUTPUTS_KEY]).toEqual(expect.objectContaining({ temperature: 0.25 }));
    const { outs: updated } = await tunedModel.update(id, outs, declared.inputs);
    expect(updated.temperature).toBe(0.25);
    const unset = await tunedModel.check(declared.inputs, inputs({ displayName: "renamed" }));
    expect(unset.inputs[STABLE_OUTPUTS_KEY]).toEqual(expect.objectContaining({ temperature: 0.25 }));
  });

  it("a change that trains a new model drops them, so its preview shows them unknown", async () => {
    const { recordedInputs } = await trained();
    const carrying = (await tunedModel.check(recordedInputs, inputs({ displayName: "renamed" }))).inputs;
    expect(carrying[STABLE_OUTPUTS_KEY]).toBeDefined();
    emulator().control.clearRequests();
    const retrained = await tunedModel.check(carrying, inputs({ displayName: "renamed", hyperparameters: { epochCount: 3, batchSize: 5 } }));
    expect(retrained.failures).toEqual([]);
    expect(retrained.inputs).not.toHaveProperty(STABLE_OUTPUTS_KEY);
    const newData = await tunedModel.check(carrying, inputs({ displayName: "renamed", trainingData: { kind: "inline", examples: [{ textInput: "1", output: "2" }] } }));
    expect(newData.failures).toEqual([]);
    expect(newData.inputs).not.toHaveProperty(STABLE_OUTPUTS_KEY);
    expect(requests()).toEqual([]);
  });

  it("a read that fails leaves them unknown, without an error", async () => {
    const { recordedInputs } = await trained();
    emulator().control.addFault({ route: "tunedModels.get", status: 403, count: 1 });
    const { inputs: checked, failures } = await tunedModel.check(recordedInputs, inputs({ displayName: "renamed" }));
    expect(failures).toEqual([]);
    expect(checked).not.toHaveProperty(STABLE_OUTPUTS_KEY);
    expect(modelReads()).toBe(1);
  });
});
