import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { datasets, tunedModel } from "../../../../provider";
import { PartialStateError } from "../../../../provider/runtime/partialStateError";
import { modelInputs, rejection, useEmulator } from "../geminiFixture";
import { recordedTunedModelId } from "../../../../provider/gemini/tunedModel/recordedId";

const emulator = useEmulator();

async function checked(overrides: Record<string, unknown> = {}) {
  const { inputs, failures } = await tunedModel.check({}, modelInputs(emulator().url, overrides));
  expect(failures).toEqual([]);
  return inputs;
}

describe("TunedModel create", () => {
  it("submits the job, waits until ACTIVE and reports the training", async () => {
    const inputs = await checked();
    const { id, outs } = await tunedModel.create(inputs);
    expect(id).toBe(`tunedModels/${recordedTunedModelId(inputs)}`);
    expect(outs).toEqual(
      expect.objectContaining({
        name: id,
        state: "ACTIVE",
        totalSteps: 6, // ceil(15 examples x 2 epochs / batch 5)
        exampleCount: 15,
        datasetFingerprint: expect.stringMatching(/^sha256:/),
        finalMeanLoss: expect.any(Number),
        completeTime: expect.any(String),
        temperature: expect.any(Number), // the base model's default, copied by the service
      }),
    );
    expect((outs.snapshots as unknown[]).length).toBe(6);
    expect(outs).not.toHaveProperty("apiKey");
    expect(emulator().control.counters().modelsByState).toEqual(expect.objectContaining({ ACTIVE: 1, CREATING: 0 }));
  });

  it("fails with the service's message and leaves nothing behind when the job fails", async () => {
    const inputs = await checked();
    emulator().control.failJob({ tunedModelId: recordedTunedModelId(inputs), atStep: 2, code: 13, message: "simulated trainer crash" });
    const error = await rejection(tunedModel.create(inputs));
    expect(error.message).toMatch(/simulated trainer crash/);
    expect(error).not.toBeInstanceOf(PartialStateError);
    expect(emulator().control.models()).toEqual([]);

    emulator().control.clearJobFailures();
    expect((await tunedModel.create(inputs)).outs.state).toBe("ACTIVE");
  });

  it("records a model still training at the deadline, and update resumes the same job", async () => {
    emulator().control.setStepMs(100);
    try {
      const inputs = await checked({ timeouts: { create: "300ms" } });
      const error = await rejection(tunedModel.create(inputs));
      expect(error).toBeInstanceOf(PartialStateError);
      const partial = error as unknown as PartialStateError;
      expect(partial.id).toBe(`tunedModels/${recordedTunedModelId(inputs)}`);
      expect(partial.properties).toEqual(expect.objectContaining({ state: "CREATING", operationName: expect.stringMatching(/\/operations\//) }));
      expect(partial.message).toMatch(/still training after the create timeout.*resumes/);

      emulator().control.setStepMs(10);
      const resumed = await tunedModel.update(partial.id, partial.properties, { ...inputs, timeouts: undefined });
      expect(resumed.outs.state).toBe("ACTIVE");
      expect(emulator().control.jobsCreated()).toBe(1);
    } finally {
      emulator().control.setStepMs(10);
    }
  });

  it("finds and waits for the job an interrupted create started instead of training twice", async () => {
    emulator().control.setStepMs(100);
    const inputs = await checked({ timeouts: { create: "200ms" } });
    await rejection(tunedModel.create(inputs)); // the engine "forgot" this attempt
    emulator().control.setStepMs(10);
    const retried = await tunedModel.create({ ...inputs, timeouts: undefined });
    expect(retried.outs.state).toBe("ACTIVE");
    expect(emulator().control.jobsCreated()).toBe(1);
  });

  it("refuses an existing id trained with a different spec", async () => {
    const first = await checked({ tunedModelId: "taken-id" });
    await tunedModel.create(first);
    const other = await checked({ tunedModelId: "taken-id", hyperparameters: { epochCount: 3, batchSize: 5 } });
    expect((await rejection(tunedModel.create(other))).message).toMatch(/already exists with a different spec \(hyperparameters\.epochCount is 2, not 3\)/);
  });

  it("refuses to train on a file that changed since the program read it", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "changed-")), "data.jsonl");
    writeFileSync(path, '{"textInput":"1","output":"2"}\n');
    const summary = await datasets.scanDatasetFile({ path, format: "jsonl", mapping: datasets.DEFAULT_MAPPING });
    const inputs = await checked({ trainingData: { kind: "file", path, format: "jsonl", mapping: datasets.DEFAULT_MAPPING, ...summary } });
    writeFileSync(path, '{"textInput":"1","output":"3"}\n');
    expect((await rejection(tunedModel.create(inputs))).message).toMatch(/changed since the program read it/);
    expect(emulator().control.jobsCreated()).toBe(0);
  });

  it("adopts an existing model without creating one, and refuses a missing one", async () => {
    const original = await checked({ tunedModelId: "adopt-me" });
    await tunedModel.create(original);
    const adopted = await checked({ tunedModelId: "adopt-me", adoptExisting: true, trainingData: undefined });
    expect((await tunedModel.create(adopted)).outs.state).toBe("ACTIVE");
    expect(emulator().control.jobsCreated()).toBe(1);
    const missing = await checked({ tunedModelId: "not-there", adoptExisting: true, trainingData: undefined });
    expect((await rejection(tunedModel.create(missing))).message).toMatch(/cannot adopt tunedModels\/not-there: it does not exist/);
  });
});
