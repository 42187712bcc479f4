// A 409 on create is resumed only for a model this resource can show it made: the creation marker in the
// description (user-chosen ids) or an id derived from the stack-qualified name (autonamed ids).
import { getTunedModel, tunedModel } from "../../../../provider";
import { modelInputs, rejection, useEmulator } from "../geminiFixture";

const emulator = useEmulator();

async function checked(overrides: Record<string, unknown> = {}) {
  const { inputs, failures } = await tunedModel.check({}, modelInputs(emulator().url, overrides));
  expect(failures).toEqual([]);
  return inputs;
}

const descriptionOf = (id: string) => emulator().control.models().find((m) => m.model.name === `tunedModels/${id}`)?.model.description;

describe("TunedModel create with a user-chosen id that already exists", () => {
  it("refuses another stack's model with the same id and spec, and leaves it alone", async () => {
    const mine = await checked({ tunedModelId: "shared-id", autonameSeed: "proj/first/numbers" });
    await tunedModel.create(mine);
    const theirs = await checked({ tunedModelId: "shared-id", autonameSeed: "proj/second/numbers" });
    const error = await rejection(tunedModel.create(theirs));
    expect(error.message).toMatch(/tunedModels\/shared-id already exists \(ACTIVE\) and this stack did not create it/);
    expect(error.message).toMatch(/adoptExisting: true/);
    expect(emulator().control.models()).toHaveLength(1);
    expect(emulator().control.jobsCreated()).toBe(1);
  });

  it("refuses another stack's model still training, even when its own create was interrupted", async () => {
    emulator().control.setStepMs(100);
    try {
      const mine = await checked({ tunedModelId: "busy-id", autonameSeed: "proj/first/numbers", timeouts: { create: "200ms" } });
      await rejection(tunedModel.create(mine)); // left training, unrecorded
      const theirs = await checked({ tunedModelId: "busy-id", autonameSeed: "proj/second/numbers" });
      expect((await rejection(tunedModel.create(theirs))).message).toMatch(/busy-id already exists \(CREATING\) and this stack did not create it/);
    } finally {
      emulator().control.setStepMs(10);
    }
  });

  it("never deletes another stack's FAILED model to take its id", async () => {
    const mine = await checked({ tunedModelId: "failed-id", autonameSeed: "proj/first/numbers", timeouts: { create: "5s" } });
    emulator().control.setStepMs(100);
    const interrupted = await rejection(tunedModel.create({ ...mine, timeouts: { create: "150ms" } }));
    expect(interrupted.message).toMatch(/still training/);
    emulator().control.failJob({ tunedModelId: "failed-id", atStep: 1, message: "failed on purpose" });
    emulator().control.setStepMs(10);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(emulator().control.models()[0].model.state).toBe("FAILED");
    const theirs = await checked({ tunedModelId: "failed-id", autonameSeed: "proj/second/numbers" });
    expect((await rejection(tunedModel.create(theirs))).message).toMatch(/failed-id already exists \(FAILED\) and this stack did not create it/);
    expect(emulator().control.models()).toHaveLength(1);
  });

  it("resumes its own interrupted create: the marker is written by the create request and removed once ACTIVE", async () => {
    emulator().control.setStepMs(100);
    const inputs = await checked({ tunedModelId: "own-id", description: "my model", timeouts: { create: "200ms" } });
    await rejection(tunedModel.create(inputs)); // the engine "forgot" this attempt
    expect(descriptionOf("own-id")).toMatch(/^my model\n\n\[pulumi-gemini-tuning create [0-9a-f]{32}\]$/);
    emulator().control.setStepMs(10);
    const resumed = { ...inputs, timeouts: undefined };
    const { outs } = await tunedModel.create(resumed);
    expect(outs).toEqual(expect.objectContaining({ state: "ACTIVE", description: "my model" }));
    expect(emulator().control.jobsCreated()).toBe(1);
    expect(descriptionOf("own-id")).toBe("my model");
    expect(await tunedModel.diff(outs.name as string, outs, resumed)).toEqual(expect.objectContaining({ changes: false }));
  });

  it("resumes its own create whose answer was lost: the retried POST's 409 finds its marker", async () => {
    emulator().control.addFault({ route: "tunedModels.create", status: 503, count: 1, phase: "after" });
    const inputs = await checked({ tunedModelId: "lost-answer" });
    const { outs } = await tunedModel.create(inputs);
    expect(outs.state).toBe("ACTIVE");
    expect(emulator().control.jobsCreated()).toBe(1);
    const creates = emulator().control.requests().filter((r) => r.route === "tunedModels.create").map((r) => r.status);
    expect(creates).toEqual([503, 409]);
  });

  it("records a model still training without the marker in its outputs; neither refresh nor getTunedModel shows it", async () => {
    emulator().control.setStepMs(100);
    try {
      const inputs = await checked({ tunedModelId: "quiet-id", timeouts: { create: "200ms" } });
      const partial = (await rejection(tunedModel.create(inputs))) as unknown as { id: string; properties: Record<string, unknown> };
      expect(descriptionOf("quiet-id")).toMatch(/^\[pulumi-gemini-tuning create [0-9a-f]{32}\]$/);
      expect(partial.properties).not.toHaveProperty("description");
      const read = await tunedModel.read(partial.id, partial.properties);
      expect(read.props).not.toHaveProperty("description");
      expect((await getTunedModel("quiet-id", { baseUrl: emulator().url })).description).toBeUndefined();
    } finally {
      emulator().control.setStepMs(10);
    }
  });

  it("adopts another stack's model only when told to", async () => {
    await tunedModel.create(await checked({ tunedModelId: "adoptable", autonameSeed: "proj/first/numbers" }));
    const adopted = await checked({ tunedModelId: "adoptable", autonameSeed: "proj/second/numbers", adoptExisting: true, trainingData: undefined });
    expect((await tunedModel.create(adopted)).outs.state).toBe("ACTIVE");
    expect(emulator().control.jobsCreated()).toBe(1);
  });
});
