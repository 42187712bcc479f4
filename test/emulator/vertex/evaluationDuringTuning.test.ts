/**
 * Evaluation during tuning (`evaluationConfig` in the tuning spec, v1 and v1beta1): the config is echoed,
 * checked with field violations in Google's error envelope, and a succeeded job reports one deterministic
 * `evaluateDatasetRuns` entry per checkpoint (scores per `emulator/vertex/evaluation.ts`).
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, start } from "../helpers";
import { createJob, jobBody, NUMBERED_PARENT, V, waitForJob } from "../vertexHelpers";

let emu: EmulatorHandle;
let api: Api;
beforeEach(async () => {
  ({ emu, api } = await start({ stepMs: 2 }));
});
afterEach(() => emu.close());

const OUTPUT = { gcsDestination: { outputUriPrefix: "gs://eval-bucket/runs/" } };

function withEvaluation(evaluationConfig: Record<string, unknown>, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return jobBody({ supervisedTuningSpec: { trainingDatasetUri: "gs://unmapped-bucket/train.jsonl", hyperParameters: { epochCount: "2" }, evaluationConfig, ...spec } });
}

test("a succeeded job reports one run per checkpoint with scores from the checkpoint's progress", async () => {
  const evaluationConfig = {
    metrics: [
      { aggregationMetrics: ["AVERAGE", "STANDARD_DEVIATION"], exactMatchSpec: {} },
      { bleuSpec: {} },
      { aggregationMetrics: ["AVERAGE"], rougeSpec: { rougeType: "rougeL" } },
      { pointwiseMetricSpec: { metricPromptTemplate: "Rate the answer: {response}" } },
      { aggregationMetrics: ["MODE"], pairwiseMetricSpec: { metricPromptTemplate: "Which is better?" } },
    ],
    outputConfig: OUTPUT,
    autoraterConfig: { samplingCount: 4 },
  };
  const created = await createJob(api, withEvaluation(evaluationConfig));
  expect(created.supervisedTuningSpec.evaluationConfig).toEqual(evaluationConfig);
  expect(created.evaluateDatasetRuns).toBeUndefined();
  const job = await waitForJob(api, created.name);
  expect(job.state).toBe("JOB_STATE_SUCCEEDED");
  const id = String(job.name).split("/").pop();
  expect(job.tunedModel.checkpoints.map((c: { epoch: string }) => c.epoch)).toEqual(["1", "2"]);
  // Epoch 1 of 2 is p = 0.5, epoch 2 is p = 1.
  const results = (p: number) => [
    { aggregationMetric: "AVERAGE", exactMatchMetricValue: { score: p === 1 ? 0.8 : 0.55 } },
    { aggregationMetric: "STANDARD_DEVIATION", exactMatchMetricValue: { score: p === 1 ? 0.05 : 0.1 } },
    { aggregationMetric: "AVERAGE", bleuMetricValue: { score: p === 1 ? 0.7 : 0.45 } },
    { aggregationMetric: "AVERAGE", rougeMetricValue: { score: p === 1 ? 0.75 : 0.5 } },
    { aggregationMetric: "AVERAGE", pointwiseMetricResult: { score: p === 1 ? 4.2 : 3.2 } },
    { aggregationMetric: "MODE", pairwiseMetricResult: { pairwiseChoice: "CANDIDATE" } },
  ];
  expect(job.evaluateDatasetRuns).toEqual(
    ["1", "2"].map((checkpointId) => ({
      operationName: expect.stringMatching(new RegExp(`^${NUMBERED_PARENT}/operations/\\d+$`)),
      checkpointId,
      evaluateDatasetResponse: {
        aggregationOutput: { dataset: { gcsSource: { uris: ["gs://unmapped-bucket/train.jsonl"] } }, aggregationResults: results(Number(checkpointId) / 2) },
        outputInfo: { gcsOutputDirectory: `gs://eval-bucket/runs/tuning_job_${id}/checkpoint_${checkpointId}/` },
      },
      evaluationRun: expect.stringMatching(new RegExp(`^${NUMBERED_PARENT}/evaluationRuns/\\d+$`)),
    })),
  );
  // Listed jobs carry the same runs.
  const listed = (await api.get(`${V}/tuningJobs`)).json.tuningJobs[0];
  expect(listed.evaluateDatasetRuns).toEqual(job.evaluateDatasetRuns);
});

test("snake_case bodies (as Google's Python SDK sends metrics) and v1beta1 preference tuning take it too", async () => {
  const snake = jobBody({
    supervised_tuning_spec: {
      training_dataset_uri: "gs://unmapped-bucket/train.jsonl",
      export_last_checkpoint_only: true,
      evaluation_config: { metrics: [{ aggregation_metrics: ["AVERAGE"], bleu_spec: {} }], output_config: { gcs_destination: { output_uri_prefix: "gs://eval-bucket/x" } } },
    },
  });
  delete snake.supervisedTuningSpec;
  const job = await waitForJob(api, (await createJob(api, snake)).name);
  // One checkpoint (the last), at p = 1.
  expect(job.evaluateDatasetRuns).toHaveLength(1);
  expect(job.evaluateDatasetRuns[0].evaluateDatasetResponse.aggregationOutput.aggregationResults).toEqual([{ aggregationMetric: "AVERAGE", bleuMetricValue: { score: 0.7 } }]);

  const preference = await api.post("/v1beta1/projects/test-project/locations/us-central1/tuningJobs", {
    baseModel: "gemini-2.5-flash",
    preferenceOptimizationSpec: { trainingDatasetUri: "gs://unmapped-bucket/prefs.jsonl", evaluationConfig: { metrics: [{ exactMatchSpec: {} }], outputConfig: OUTPUT } },
  });
  expect(preference.status).toBe(200);
  expect((await waitForJob(api, preference.json.name)).evaluateDatasetRuns.length).toBeGreaterThan(0);
});

test("an unsupported predefined metric fails each run with INVALID_ARGUMENT; the job still succeeds", async () => {
  const job = await waitForJob(api, (await createJob(api, withEvaluation({ metrics: [{ predefinedMetricSpec: { metricSpecName: "made_up_v9" } }], outputConfig: OUTPUT }))).name);
  expect(job.state).toBe("JOB_STATE_SUCCEEDED");
  expect(job.evaluateDatasetRuns.map((r: { error: unknown }) => r.error)).toEqual([
    { code: 3, message: expect.stringContaining('Predefined metric "made_up_v9" is not supported') },
    { code: 3, message: expect.stringContaining('Predefined metric "made_up_v9" is not supported') },
  ]);
  expect(job.evaluateDatasetRuns[0].evaluateDatasetResponse).toBeUndefined();
});

test.each([
  ["no metrics", { metrics: [], outputConfig: OUTPUT }, "evaluation_config.metrics"],
  ["a metric without a spec", { metrics: [{ aggregationMetrics: ["AVERAGE"] }], outputConfig: OUTPUT }, "evaluation_config.metrics[0]"],
  ["no output location", { metrics: [{ bleuSpec: {} }] }, "evaluation_config.output_config.gcs_destination.output_uri_prefix"],
  ["an output location outside Cloud Storage", { metrics: [{ bleuSpec: {} }], outputConfig: { gcsDestination: { outputUriPrefix: "s3://x/y" } } }, "evaluation_config.output_config.gcs_destination.output_uri_prefix"],
  ["a pairwise metric averaged", { metrics: [{ aggregationMetrics: ["AVERAGE"], pairwiseMetricSpec: { metricPromptTemplate: "t" } }], outputConfig: OUTPUT }, "evaluation_config.metrics[0].aggregation_metrics"],
  ["a pointwise metric without a prompt", { metrics: [{ pointwiseMetricSpec: {} }], outputConfig: OUTPUT }, "evaluation_config.metrics[0].pointwise_metric_spec.metric_prompt_template"],
  ["an unknown rouge type", { metrics: [{ rougeSpec: { rougeType: "rougeX" } }], outputConfig: OUTPUT }, "evaluation_config.metrics[0].rouge_spec.rouge_type"],
  ["33 autorater samples", { metrics: [{ bleuSpec: {} }], outputConfig: OUTPUT, autoraterConfig: { samplingCount: 33 } }, "evaluation_config.autorater_config.sampling_count"],
])("%s is a 400 with a field violation and creates nothing", async (_what, evaluationConfig, field) => {
  const reply = await api.post(`${V}/tuningJobs`, withEvaluation(evaluationConfig));
  expect(reply.status).toBe(400);
  expect(reply.json.error.status).toBe("INVALID_ARGUMENT");
  const violations = reply.json.error.details.find((d: { "@type": string }) => d["@type"] === "type.googleapis.com/google.rpc.BadRequest").fieldViolations;
  expect(violations.map((v: { field: string }) => v.field)).toContain(`tuning_job.supervised_tuning_spec.${field}`);
  expect(emu.control.vertexJobsCreated()).toBe(0);
});

test("two specs in one metric break the oneof, and an unknown metric field is refused", async () => {
  const two = await api.post(`${V}/tuningJobs`, withEvaluation({ metrics: [{ bleuSpec: {}, exactMatchSpec: {} }], outputConfig: OUTPUT }));
  expect(two.status).toBe(400);
  expect(two.json.error.message).toMatch(/Oneof field 'metric_spec' is already set/);
  const unknown = await api.post(`${V}/tuningJobs`, withEvaluation({ metrics: [{ bleuSpec: {}, weight: 2 }], outputConfig: OUTPUT }));
  expect(unknown.status).toBe(400);
  expect(unknown.json.error.message).toMatch(/Unknown name "weight"/);
});
