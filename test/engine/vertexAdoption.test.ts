// Adopting an existing Vertex tuning job on the real Pulumi engine against the emulator: a job started
// outside Pulumi is taken over by name (no second job), and a job that does not exist or whose spec differs
// from the arguments is refused with a message naming the difference.
import * as gemini from "../../sdk";
import { expectStepFailure, shownText } from "../reliability/support/stacks";
import { createVertexStack, VERTEX_MODEL_TYPE, type VertexStack } from "./vertexStack";

jest.setTimeout(180_000);

describe("VertexTunedModel adoptExisting on the real engine", () => {
  let env: VertexStack;
  let dataset: { uri: string; fingerprint: string };
  let jobName: string;

  const adopt = (tuningJob: string, epochCount = 2) => async () => {
    const model = new gemini.VertexTunedModel("adopted", { baseModel: "gemini-2.5-flash", trainingDataset: dataset, hyperparameters: { epochCount }, adoptExisting: true, tuningJob });
    return { model: model.model };
  };

  beforeAll(async () => {
    env = await createVertexStack(async () => ({}));
    dataset = env.writeDataset("adopt.jsonl", [["a", "b"], ["c", "d"]]);
    const parent = "projects/pulumi-tests/locations/europe-west4";
    const job = await env.outOfBand.createTuningJob(parent, {
      baseModel: "gemini-2.5-flash",
      supervisedTuningSpec: { trainingDatasetUri: dataset.uri, hyperParameters: { epochCount: "2" } },
    });
    jobName = job.name;
    for (let i = 0; i < 200 && (await env.outOfBand.getTuningJob(jobName))?.state !== "JOB_STATE_SUCCEEDED"; i++) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => env?.dispose());

  it("a job that does not exist is refused, and nothing is submitted", async () => {
    env.stack.setProgram(adopt(jobName.replace(/\d+$/, "1234567890123456789")));
    const shown = shownText((await expectStepFailure(env.stack.up())).trace);
    expect(shown).toMatch(/cannot adopt projects\/.*\/tuningJobs\/1234567890123456789: it does not exist/);
    expect(env.emulator.control.vertexJobsCreated()).toBe(1);
  });

  it("a job whose hyperparameters differ is refused, naming the difference", async () => {
    env.stack.setProgram(adopt(jobName, 3));
    const shown = shownText((await expectStepFailure(env.stack.up())).trace);
    expect(shown).toMatch(/cannot adopt .*: it differs from the arguments: hyperparameters\.epochCount is 2, not 3/);
    expect(env.emulator.control.vertexJobsCreated()).toBe(1);
  });

  it("the finished job is taken over by name without training a second one", async () => {
    env.stack.setProgram(adopt(jobName));
    const up = await env.stack.up();
    // The stack itself exists since the refused attempts; the model is the one create.
    expect(up.changes).toEqual({ create: 1, same: 1 });
    expect(env.emulator.control.vertexJobsCreated()).toBe(1);
    const [job] = env.emulator.control.vertexJobs();
    expect(up.result.outputs.model?.value).toBe((job.job.tunedModel as { model: string }).model);
    const state = (await env.stack.stateResources()).find((r) => r.type === VERTEX_MODEL_TYPE);
    expect(state?.id).toBe(jobName);
    expect(up.outputLines.join("\n")).toContain(`${jobName}: adopted (JOB_STATE_SUCCEEDED)`);
  });
});
