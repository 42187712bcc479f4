// A Gemini create that timed out is resumed by the next `up`; when the job then fails, the failure is
// recorded and the next preview proposes a replacement (the policy both backends share, see
// provider/lifecycle/settle.ts). Provider methods against the emulator over HTTP.
import { tunedModel } from "../../../../provider";
import { PartialStateError } from "../../../../provider/runtime/partialStateError";
import { modelInputs, rejection, useEmulator } from "../geminiFixture";
import { recordedTunedModelId } from "../../../../provider/gemini/tunedModel/recordedId";

const emulator = useEmulator();

async function checked(overrides: Record<string, unknown> = {}) {
  const result = await tunedModel.check({}, modelInputs(emulator().url, overrides));
  expect(result.failures).toEqual([]);
  return result.inputs;
}

describe("TunedModel: a resumed job that fails", () => {
  it("is recorded as failed by update, the next diff replaces it (old model first), and the replacement trains", async () => {
    emulator().control.pauseTraining();
    const inputs = await checked({ timeouts: { create: "1s" } });
    const partial = (await rejection(tunedModel.create(inputs))) as unknown as PartialStateError;
    expect(partial).toBeInstanceOf(PartialStateError);
    expect(partial.properties.state).toBe("CREATING");

    // The next `up` resumes the recorded job; meanwhile the job fails.
    emulator().control.failJob({ tunedModelId: recordedTunedModelId(inputs), atStep: 1, code: 13, message: "simulated trainer crash" });
    emulator().control.resumeTraining();
    const failure = (await rejection(tunedModel.update(partial.id, partial.properties, inputs))) as unknown as PartialStateError;
    expect(failure).toBeInstanceOf(PartialStateError);
    expect(failure.id).toBe(partial.id);
    expect(failure.message).toMatch(/^tuning job tunedModels\/\S+\/operations\/\S+ failed: INTERNAL \(code 13\): simulated trainer crash; the failure is recorded/);
    expect(failure.message).not.toMatch(/failed:.*failed:/);
    expect(failure.properties.state).toBe("FAILED");
    // Nothing was deleted behind the engine's back: the failed model is still there, and recorded.
    expect(emulator().control.models().map((m) => m.model.name)).toEqual([partial.id]);

    // The next preview: a replacement, with the old model deleted first (the replacement keeps its id).
    const diff = await tunedModel.diff(partial.id, failure.properties, inputs);
    expect(diff).toEqual({ changes: true, replaces: ["state"], deleteBeforeReplace: true });

    // The engine then deletes the failed model and creates the replacement.
    emulator().control.clearJobFailures();
    await tunedModel.delete(partial.id, failure.properties);
    const { timeouts: _short, ...withDefaultTimeouts } = inputs;
    const replacement = await tunedModel.create(withDefaultTimeouts);
    expect(replacement.id).toBe(partial.id);
    expect(replacement.outs.state).toBe("ACTIVE");
    expect(emulator().control.jobsCreated()).toBe(2);
  });

  it("a refresh of the recorded failure keeps proposing the replacement", async () => {
    emulator().control.pauseTraining();
    const inputs = await checked({ timeouts: { create: "1s" } });
    const partial = (await rejection(tunedModel.create(inputs))) as unknown as PartialStateError;
    emulator().control.failJob({ tunedModelId: recordedTunedModelId(inputs), atStep: 1, code: 13, message: "simulated trainer crash" });
    emulator().control.resumeTraining();
    const failure = (await rejection(tunedModel.update(partial.id, partial.properties, inputs))) as unknown as PartialStateError;

    const refreshed = await tunedModel.read(partial.id, failure.properties);
    expect(refreshed.id).toBe(partial.id);
    expect(refreshed.props.state).toBe("FAILED");
    await expect(tunedModel.diff(partial.id, refreshed.props, inputs)).resolves.toMatchObject({ changes: true, replaces: ["state"] });
  });
});
