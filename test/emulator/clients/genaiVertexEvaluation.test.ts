/* eslint-disable @typescript-eslint/no-explicit-any -- the driver's report is inspected loosely */
/**
 * Google's GenAI SDK for Node, `@google/genai`, in Vertex AI mode, reads a job's `evaluateDatasetRuns` back
 * from a strict-auth emulator through tunings.get and tunings.list (driver:
 * node/drivers/genaiVertexEvaluation.mts; scores per emulator/vertex/evaluation.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { EmulatorHandle, startEmulator } from "../../../emulator";
import { exampleLine, writeDataset } from "../vertexHelpers";
import { runNodeDriver } from "./node/runNodeDriver";

const TOKEN = "ya29.genai-vertex-evaluation-token";
let emu: EmulatorHandle;
let bucketDir: string;
let out: any;

beforeAll(async () => {
  bucketDir = mkdtempSync(path.join(tmpdir(), "genai-vertex-eval-bucket-"));
  writeDataset(bucketDir, "numbers.jsonl", Array.from({ length: 8 }, (_, i) => exampleLine(String(i + 1), String(i + 2))));
  emu = await startEmulator({ stepMs: 5, strictAuth: true, bearerTokens: [TOKEN], vertex: { gcsBuckets: { "genai-data": bucketDir } } });
  out = await runNodeDriver("genaiVertexEvaluation.mts", {
    emulatorUrl: emu.url,
    project: "genai-vertex",
    input: { trainingDatasetUri: "gs://genai-data/numbers.jsonl" },
    env: { EMULATOR_BEARER_TOKEN: TOKEN },
  });
}, 120_000);
afterAll(async () => {
  await emu?.close();
  rmSync(bucketDir, { recursive: true, force: true });
});

test("tunings.get and tunings.list return one evaluation run per checkpoint, as the emulator reports them", () => {
  expect(out.state).toBe("JOB_STATE_SUCCEEDED");
  const id = String(out.name).split("/").pop();
  // Two epochs: checkpoint 1 at p = 0.5 and checkpoint 2 at p = 1.
  expect(out.runs).toEqual(
    [
      ["1", 0.45, 0.1],
      ["2", 0.7, 0.05],
    ].map(([checkpointId, average, sd]) => ({
      operationName: expect.stringMatching(/^projects\/\d+\/locations\/us-central1\/operations\/\d+$/),
      checkpointId,
      evaluateDatasetResponse: {
        aggregationOutput: {
          dataset: { gcsSource: { uris: ["gs://genai-data/numbers.jsonl"] } },
          aggregationResults: [
            { aggregationMetric: "AVERAGE", bleuMetricValue: { score: average } },
            { aggregationMetric: "STANDARD_DEVIATION", bleuMetricValue: { score: sd } },
          ],
        },
        outputInfo: { gcsOutputDirectory: `gs://genai-data/evaluations/tuning_job_${id}/checkpoint_${checkpointId}/` },
      },
      evaluationRun: expect.stringMatching(/^projects\/\d+\/locations\/us-central1\/evaluationRuns\/\d+$/),
    })),
  );
  expect(out.listedRuns).toEqual(out.runs);
});
