// Evaluation during tuning on the real Pulumi engine against the emulator's Vertex AI routes: a
// VertexTunedModel with `evaluationConfig` trains with the config in its tuning spec and its outputs carry
// the emulator's deterministic `evaluateDatasetRuns` (one per checkpoint); a new metric previews as a
// replacement naming `evaluationConfig.metrics` and up does exactly that; an invalid config fails at preview
// naming the property with nothing sent; destroy leaves no model or endpoint.
import * as gemini from "../../sdk";
import { previewThenUp } from "../harness";
import { expectStepFailure, shownText } from "../reliability/support/stacks";
import { checkFailure } from "./checkFailure";
import { mutatingRequests, operationOf, plannedOps } from "./geminiStack";
import { COLOURS } from "../fixtures/colours";
import { createVertexStack, VERTEX_MODEL_TYPE, type VertexStack } from "./vertexStack";

jest.setTimeout(180_000);

const OUTPUT = { gcsDestination: { outputUriPrefix: "gs://eval-results/colours/" } };

describe("VertexTunedModel evaluation during tuning on the real engine", () => {
  let env: VertexStack;
  let dataset: { uri: string; fingerprint: string };
  let metrics: gemini.VertexEvaluationMetricArgs[] = [{ aggregationMetrics: ["AVERAGE", "STANDARD_DEVIATION"], exactMatchSpec: {} }, { bleuSpec: {} }];

  const program = () => async () => {
    const model = new gemini.VertexTunedModel("colours", {
      baseModel: "gemini-2.5-flash",
      trainingDataset: dataset,
      hyperparameters: { epochCount: 2 },
      evaluationConfig: { metrics, outputConfig: OUTPUT },
    });
    return { runs: model.evaluateDatasetRuns, job: model.name };
  };

  /** The run summaries the emulator's scores give (emulator/vertex/evaluation.ts): epoch 1 of 2 is p = 0.5. */
  const expectedRuns = (job: string, extra: (p: number) => Record<string, number> = () => ({})) =>
    [
      { checkpointId: "1", p: 0.5, exact: 0.55, sd: 0.1, bleu: 0.45 },
      { checkpointId: "2", p: 1, exact: 0.8, sd: 0.05, bleu: 0.7 },
    ].map(({ checkpointId, p, exact, sd, bleu }) => ({
      checkpointId,
      evaluationRun: expect.stringMatching(/^projects\/\d+\/locations\/europe-west4\/evaluationRuns\/\d+$/),
      operationName: expect.stringMatching(/^projects\/\d+\/locations\/europe-west4\/operations\/\d+$/),
      metrics: { exactMatchAverage: exact, exactMatchStandardDeviation: sd, bleuAverage: bleu, ...extra(p) },
      outputDirectory: `gs://eval-results/colours/tuning_job_${job.split("/").pop()}/checkpoint_${checkpointId}/`,
    }));

  beforeAll(async () => {
    env = await createVertexStack(async () => ({}));
    dataset = env.writeDataset("colours.jsonl", COLOURS);
    env.stack.setProgram(program());
  });
  afterAll(async () => env?.dispose());

  it("1. preview then up trains with the config in the spec; the outputs carry each checkpoint's run", async () => {
    const { preview, up } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(plannedOps(preview, VERTEX_MODEL_TYPE)).toEqual({ colours: ["create"] });
    const [job] = env.emulator.control.vertexJobs();
    expect(job.job.supervisedTuningSpec).toMatchObject({ evaluationConfig: { metrics, outputConfig: OUTPUT } });
    const name = String(up.result.outputs.job?.value);
    expect(up.result.outputs.runs?.value).toEqual(expectedRuns(name));
  });

  it("2. a new metric previews as a replacement naming evaluationConfig.metrics, and up does exactly that", async () => {
    metrics = [...metrics, { aggregationMetrics: ["AVERAGE"], rougeSpec: { rougeType: "rougeL" } }];
    env.stack.setProgram(program());
    const { preview, up } = await previewThenUp(env.stack, { beforeUp: () => env.emulator.control.clearRequests() });
    expect(plannedOps(preview, VERTEX_MODEL_TYPE).colours).toEqual(["create-replacement", "replace", "delete-replaced"]);
    expect(operationOf(preview, "colours", "replace")?.replaces).toEqual(["evaluationConfig.metrics"]);
    expect(preview.outputLines.map((line) => line.trim())).toContain("colours: replaced by a newly trained model because evaluationConfig.metrics changed");
    expect(up.changes).toEqual({ same: 1, replace: 1 });
    // A new job (a new creation key), not the old one found again by its label.
    expect(mutatingRequests(env.emulator).filter((r) => r.path.endsWith("/tuningJobs"))).toHaveLength(1);
    const name = String(up.result.outputs.job?.value);
    expect(up.result.outputs.runs?.value).toEqual(expectedRuns(name, (p) => ({ rougeAverage: p === 1 ? 0.75 : 0.5 })));
  });

  it("3. an invalid config fails at preview naming the property, and nothing is sent", async () => {
    env.stack.setProgram(async () => {
      new gemini.VertexTunedModel("colours", {
        baseModel: "gemini-2.5-flash",
        trainingDataset: dataset,
        evaluationConfig: { metrics: [{ aggregationMetrics: ["AVERAGE"], pairwiseMetricSpec: { metricPromptTemplate: "Which is better?" } }], outputConfig: OUTPUT },
      });
      return {};
    });
    env.emulator.control.clearRequests();
    const shown = shownText((await expectStepFailure(env.stack.preview())).trace);
    expect(shown).toMatch(checkFailure("evaluationConfig.metrics[0].aggregationMetrics", "a pairwise metric aggregates by MODE only"));
    expect(env.emulator.control.requests()).toEqual([]);
  });

  it("4. destroy leaves no model, no endpoint and no running job", async () => {
    env.stack.setProgram(program());
    const destroy = await env.stack.destroy();
    expect(destroy.changes).toEqual({ delete: 2 });
    expect(env.emulator.control.vertexResources()).toEqual({ models: 0, endpoints: 0, activeJobs: 0 });
  });
});
