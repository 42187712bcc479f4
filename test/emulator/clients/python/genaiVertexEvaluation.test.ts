/* eslint-disable @typescript-eslint/no-explicit-any -- the driver's report is inspected loosely */
/**
 * Google's GenAI SDK for Python, `google-genai` (pinned in requirements.txt), in Vertex AI mode: tunings.tune
 * with an `evaluation_config` reaches the emulator in the SDK's own shape (snake_case metrics it builds from
 * `Metric(name=...)`), and tunings.get reads the job's `evaluate_dataset_runs` back (driver:
 * drivers/genai_vertex_evaluation.py; scores per emulator/vertex/evaluation.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EmulatorHandle, startEmulator } from "../../../../emulator";
import { exampleLine, writeDataset } from "../../vertexHelpers";
import { ensurePythonVenv } from "./ensurePythonVenv";
import { runPythonDriver } from "./runPythonDriver";

let emu: EmulatorHandle;
let bucketDir: string;
let out: any;

beforeAll(async () => {
  await ensurePythonVenv();
  bucketDir = mkdtempSync(path.join(tmpdir(), "python-genai-eval-bucket-"));
  writeDataset(bucketDir, "numbers.jsonl", Array.from({ length: 8 }, (_, i) => exampleLine(String(i + 1), String(i + 2))));
  emu = await startEmulator({ stepMs: 5, strictAuth: true, vertex: { gcsBuckets: { "python-data": bucketDir } } });
  out = await runPythonDriver("genai_vertex_evaluation.py", {
    emulatorUrl: emu.url,
    project: "python-genai-eval",
    input: { trainingDatasetUri: "gs://python-data/numbers.jsonl", outputUriPrefix: "gs://python-data/evaluations/" },
  });
}, 600_000);
afterAll(async () => {
  await emu?.close();
  rmSync(bucketDir, { recursive: true, force: true });
});

test("the SDK sends evaluation_config in the supervised spec on v1beta1, its metrics as it builds them", () => {
  const create = emu.control.requests().find((r) => r.route === "vertex.tuningJobs.create");
  expect(create?.path).toMatch(/^\/v1beta1\//);
  const [job] = emu.control.vertexJobs();
  // The SDK asks for the average and the standard deviation of every metric.
  expect(job.job.supervisedTuningSpec).toMatchObject({
    evaluationConfig: {
      metrics: [
        { aggregationMetrics: ["AVERAGE", "STANDARD_DEVIATION"], bleuSpec: {} },
        { aggregationMetrics: ["AVERAGE", "STANDARD_DEVIATION"], rougeSpec: { rougeType: "rougel" } },
      ],
      outputConfig: { gcsDestination: { outputUriPrefix: "gs://python-data/evaluations/" } },
    },
  });
});

test("tunings.get reads one evaluation run per checkpoint back", () => {
  expect(out.state).toBe("JOB_STATE_SUCCEEDED");
  expect(out.runs.map((run: any) => run.checkpointId)).toEqual(["1", "2"]);
  expect(out.runs[1].evaluateDatasetResponse.aggregationOutput.aggregationResults).toEqual([
    { aggregationMetric: "AVERAGE", bleuMetricValue: { score: 0.7 } },
    { aggregationMetric: "STANDARD_DEVIATION", bleuMetricValue: { score: 0.05 } },
    { aggregationMetric: "AVERAGE", rougeMetricValue: { score: 0.75 } },
    { aggregationMetric: "STANDARD_DEVIATION", rougeMetricValue: { score: 0.05 } },
  ]);
  expect(out.runs[1].evaluationRun).toMatch(/^projects\/\d+\/locations\/us-central1\/evaluationRuns\/\d+$/);
});
