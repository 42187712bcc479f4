// Evaluation during tuning through VertexTunedModel's provider against the emulator over HTTP: check takes
// `evaluationConfig` in the API's shape and names each bad property; create sends it in the tuning spec
// (v1 for supervised, v1beta1 with preference tuning) and summarizes the job's `evaluateDatasetRuns` in the
// outputs; read refreshes them; diff replaces on a changed config and leaves state without one as it was.
// The engine lifecycle is in test/engine/vertexEvaluation.test.ts.
import { vertexTunedModel } from "../../../../provider";
import { summarizeEvaluateDatasetRuns } from "../../../../provider/vertex/evaluationRuns";
import { creationKey } from "../../../../provider/vertex/tunedModel/creationKey";
import { diffVertexTunedModel } from "../../../../provider/vertex/tunedModel/diff";
import type { CheckedVertexInputs } from "../../../../provider/vertex/tunedModel/inputs";
import { checkedVertexInputs, useVertexEmulator, vertexInputs } from "../vertexFixture";

jest.setTimeout(60_000);

const provider = vertexTunedModel;

const evaluationConfig = {
  metrics: [{ aggregationMetrics: ["AVERAGE", "STANDARD_DEVIATION"], exactMatchSpec: {} }, { bleuSpec: {} }],
  outputConfig: { gcsDestination: { outputUriPrefix: "gs://eval-results/numbers/" } },
};

describe("VertexTunedModel evaluationConfig check", () => {
  test.each([
    ["evaluationConfig.metrics", { metrics: [], outputConfig: evaluationConfig.outputConfig }, /needs at least one metric/],
    ["evaluationConfig.metrics[0]", { metrics: [{ aggregationMetrics: ["AVERAGE"] }], outputConfig: evaluationConfig.outputConfig }, /needs exactly one metric spec .*; none is set/],
    ["evaluationConfig.metrics[0]", { metrics: [{ bleuSpec: {}, exactMatchSpec: {} }], outputConfig: evaluationConfig.outputConfig }, /exactMatchSpec and bleuSpec are set/],
    ["evaluationConfig.metrics[0].aggregationMetrics[0]", { metrics: [{ bleuSpec: {}, aggregationMetrics: ["MEAN"] }], outputConfig: evaluationConfig.outputConfig }, /must be one of AVERAGE, MODE/],
    ["evaluationConfig.metrics[0].aggregationMetrics", { metrics: [{ pairwiseMetricSpec: { metricPromptTemplate: "t" }, aggregationMetrics: ["AVERAGE"] }], outputConfig: evaluationConfig.outputConfig }, /aggregates by MODE only/],
    ["evaluationConfig.metrics[0].pointwiseMetricSpec.metricPromptTemplate", { metrics: [{ pointwiseMetricSpec: {} }], outputConfig: evaluationConfig.outputConfig }, /is required/],
    ["evaluationConfig.metrics[0].rougeSpec.rougeType", { metrics: [{ rougeSpec: { rougeType: "rouge10" } }], outputConfig: evaluationConfig.outputConfig }, /"rouge1" to "rouge9"/],
    ["evaluationConfig.metrics[0].bleuSpec", { metrics: [{ bleuSpec: { smoothing: true } }], outputConfig: evaluationConfig.outputConfig }, /unknown field; the fields are useEffectiveOrder/],
    ["evaluationConfig.outputConfig", { metrics: [{ bleuSpec: {} }] }, /is required: \{ gcsDestination/],
    ["evaluationConfig.outputConfig.gcsDestination.outputUriPrefix", { metrics: [{ bleuSpec: {} }], outputConfig: { gcsDestination: { outputUriPrefix: "/tmp/out" } } }, /must be a Cloud Storage folder/],
    ["evaluationConfig.autoraterConfig.samplingCount", { ...evaluationConfig, autoraterConfig: { samplingCount: 33 } }, /at most 32/],
    ["evaluationConfig.autoraterConfig.autoraterModel", { ...evaluationConfig, autoraterConfig: { autoraterModel: "gemini-2.5-pro" } }, /must name a publisher model/],
  ])("a bad value fails at %s, naming the reason", async (property, config, reason) => {
    const { failures } = await provider.check({}, vertexInputs({ evaluationConfig: config }));
    expect(failures).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });
});

test("check takes rouge types in any case (Google's Python SDK sends them lowercased)", async () => {
  const config = { metrics: [{ rougeSpec: { rougeType: "rougel" } }, { rougeSpec: { rougeType: "rougeLsum" } }], outputConfig: evaluationConfig.outputConfig };
  const { failures, inputs } = await provider.check({}, vertexInputs({ project: "p-123456", location: "us-central1", evaluationConfig: config }));
  expect(failures).toEqual([]);
  expect(inputs).toMatchObject({ evaluationConfig: config });
});

describe("VertexTunedModel evaluation during tuning", () => {
  const env = useVertexEmulator();

  test("create sends the config in the supervised spec on v1 and records each checkpoint's run", async () => {
    const inputs = await checkedVertexInputs({ evaluationConfig });
    const { id, outs } = await provider.create(inputs);
    const create = env().emulator.control.requests().find((r) => r.route === "vertex.tuningJobs.create");
    expect(create?.path).toMatch(/^\/v1\//);
    expect(env().jobs()[0].job.supervisedTuningSpec).toMatchObject({ evaluationConfig });
    const jobId = id.split("/").pop();
    // 16 unread examples over two epochs: checkpoints 1 (p = 0.5) and 2 (p = 1); scores per emulator/vertex/evaluation.ts.
    expect(outs.evaluateDatasetRuns).toEqual([
      {
        checkpointId: "1",
        evaluationRun: expect.stringMatching(/\/evaluationRuns\/\d+$/),
        operationName: expect.stringMatching(/\/operations\/\d+$/),
        metrics: { exactMatchAverage: 0.55, exactMatchStandardDeviation: 0.1, bleuAverage: 0.45 },
        outputDirectory: `gs://eval-results/numbers/tuning_job_${jobId}/checkpoint_1/`,
      },
      {
        checkpointId: "2",
        evaluationRun: expect.stringMatching(/\/evaluationRuns\/\d+$/),
        operationName: expect.stringMatching(/\/operations\/\d+$/),
        metrics: { exactMatchAverage: 0.8, exactMatchStandardDeviation: 0.05, bleuAverage: 0.7 },
        outputDirectory: `gs://eval-results/numbers/tuning_job_${jobId}/checkpoint_2/`,
      },
    ]);
    expect(outs.evaluationConfig).toEqual(evaluationConfig);

    // Refresh of state recorded without the runs brings them in.
    const { evaluateDatasetRuns: _runs, ...recordedBefore } = outs;
    const read = await provider.read(id, recordedBefore);
    expect(read.props.evaluateDatasetRuns).toEqual(outs.evaluateDatasetRuns);
  });

  test("with preference tuning the config goes in the preference spec on v1beta1", async () => {
    const inputs = await checkedVertexInputs({ method: "preference", hyperparameters: { epochCount: 1, beta: 0.1 }, evaluationConfig });
    const { outs } = await provider.create(inputs);
    const create = env().emulator.control.requests().find((r) => r.route === "vertex.tuningJobs.create");
    expect(create?.path).toMatch(/^\/v1beta1\//);
    expect(env().jobs()[0].job.preferenceOptimizationSpec).toMatchObject({ evaluationConfig });
    expect(outs.evaluateDatasetRuns).toEqual([expect.objectContaining({ checkpointId: "1", metrics: { exactMatchAverage: 0.8, exactMatchStandardDeviation: 0.05, bleuAverage: 0.7 } })]);
  });

  test("a job without evaluationConfig reports no runs, as before", async () => {
    const { outs } = await provider.create(await checkedVertexInputs());
    expect(outs).not.toHaveProperty("evaluateDatasetRuns");
    expect(outs).not.toHaveProperty("evaluationConfig");
    expect(env().jobs()[0].job).not.toHaveProperty("evaluateDatasetRuns");
  });
});

describe("evaluationConfig in diff and the creation key (no service)", () => {
  const news: CheckedVertexInputs = {
    resourceName: "m",
    autonameSeed: "p/s/m",
    project: "p",
    location: "us-central1",
    baseModel: "gemini-2.5-flash",
    trainingDataset: { uri: "gs://b/train.jsonl", fingerprint: "md5:AA" },
  };
  // Outputs as versions before evaluationConfig wrote them: no such key at all.
  const olds: Record<string, unknown> = { ...news, name: "projects/p/locations/us-central1/tuningJobs/1", state: "JOB_STATE_SUCCEEDED" };
  const config = evaluationConfig as CheckedVertexInputs["evaluationConfig"];

  test("state recorded before the argument existed, and no config, is no change", () => {
    expect(diffVertexTunedModel(olds, news)).toEqual({ changes: false, replaces: [], updates: [] });
  });

  test("the same config in another key order is no change; a changed part replaces, naming it", () => {
    const recorded = { ...olds, evaluationConfig };
    const reordered = { outputConfig: evaluationConfig.outputConfig, metrics: [{ exactMatchSpec: {}, aggregationMetrics: ["AVERAGE", "STANDARD_DEVIATION"] }, { bleuSpec: {} }] };
    expect(diffVertexTunedModel(recorded, { ...news, evaluationConfig: reordered as CheckedVertexInputs["evaluationConfig"] }).replaces).toEqual([]);
    const moreMetrics = { ...evaluationConfig, metrics: [...evaluationConfig.metrics, { rougeSpec: { rougeType: "rougeL" } }] };
    expect(diffVertexTunedModel(recorded, { ...news, evaluationConfig: moreMetrics as CheckedVertexInputs["evaluationConfig"] }).replaces).toEqual(["evaluationConfig.metrics"]);
    expect(diffVertexTunedModel(olds, { ...news, evaluationConfig: config }).replaces).toEqual(["evaluationConfig"]);
    expect(diffVertexTunedModel(recorded, news).replaces).toEqual(["evaluationConfig"]);
  });

  test("the creation key is unchanged without a config and new with one", () => {
    const withConfig = creationKey({ ...news, evaluationConfig: config });
    expect(creationKey({ ...news, evaluationConfig: undefined })).toBe(creationKey(news));
    expect(withConfig).not.toBe(creationKey(news));
    expect(creationKey({ ...news, evaluationConfig: { ...evaluationConfig, metrics: [{ bleuSpec: {} }] } as CheckedVertexInputs["evaluationConfig"] })).not.toBe(withConfig);
  });
});

describe("summarizeEvaluateDatasetRuns (no service)", () => {
  test("names scores by kind and aggregation, numbers repeats, keeps pairwise choices and errors", () => {
    const summary = summarizeEvaluateDatasetRuns([
      {
        checkpointId: "3",
        evaluationRun: "projects/1/locations/l/evaluationRuns/9",
        evaluateDatasetResponse: {
          aggregationOutput: {
            aggregationResults: [
              { aggregationMetric: "AVERAGE", rougeMetricValue: { score: 0.5 } },
              { aggregationMetric: "AVERAGE", rougeMetricValue: { score: 0.25 } },
              { aggregationMetric: "PERCENTILE_P90", pointwiseMetricResult: { score: 4.5 } },
              { aggregationMetric: "MODE", pairwiseMetricResult: { pairwiseChoice: "TIE" } },
            ],
          },
          outputInfo: { gcsOutputDirectory: "gs://b/out/" },
        },
      },
      { checkpointId: "4", operationName: "projects/1/locations/l/operations/7", error: { code: 13, message: "internal" } },
    ]);
    expect(summary).toEqual([
      {
        checkpointId: "3",
        evaluationRun: "projects/1/locations/l/evaluationRuns/9",
        operationName: undefined,
        metrics: { rougeAverage: 0.5, rougeAverage2: 0.25, pointwisePercentileP90: 4.5, pairwiseMode: "TIE" },
        outputDirectory: "gs://b/out/",
        error: undefined,
      },
      { checkpointId: "4", evaluationRun: undefined, operationName: "projects/1/locations/l/operations/7", metrics: undefined, outputDirectory: undefined, error: { code: 13, message: "internal" } },
    ]);
  });
});
