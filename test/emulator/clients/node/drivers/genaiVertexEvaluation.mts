/**
 * Reads evaluation during tuning back through `@google/genai` in Vertex mode (default API version). The SDK
 * for Node sends no `evaluationConfig`, so the job is created with a plain REST call in the shape Google's
 * Python SDK sends (snake_case metrics); tunings.get and tunings.list then read its `evaluateDatasetRuns`.
 * Prints one JSON object of what the SDK returned.
 */
import { GoogleGenAI } from "@google/genai";
import { OAuth2Client } from "google-auth-library";

const input = JSON.parse(process.env.DRIVER_INPUT ?? "{}") as { trainingDatasetUri: string };
const token = process.env.EMULATOR_BEARER_TOKEN ?? "";
const authClient = new OAuth2Client();
authClient.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
const ai = new GoogleGenAI({
  vertexai: true,
  googleAuthOptions: { authClient },
  project: process.env.GOOGLE_CLOUD_PROJECT,
  location: process.env.GOOGLE_CLOUD_LOCATION,
  httpOptions: { baseUrl: process.env.EMULATOR_URL },
});

const parent = `projects/${process.env.GOOGLE_CLOUD_PROJECT}/locations/${process.env.GOOGLE_CLOUD_LOCATION}`;
const response = await fetch(new URL(`/v1beta1/${parent}/tuningJobs`, process.env.EMULATOR_URL), {
  method: "POST",
  headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
  body: JSON.stringify({
    baseModel: "gemini-2.5-flash",
    supervisedTuningSpec: {
      trainingDatasetUri: input.trainingDatasetUri,
      hyperParameters: { epochCount: "2" },
      evaluationConfig: {
        metrics: [{ aggregation_metrics: ["AVERAGE", "STANDARD_DEVIATION"], bleu_spec: {} }],
        outputConfig: { gcsDestination: { outputUriPrefix: "gs://genai-data/evaluations" } },
      },
    },
  }),
});
if (!response.ok) throw new Error(`create: ${response.status} ${await response.text()}`);
const name = ((await response.json()) as { name: string }).name;

const running = ["JOB_STATE_PENDING", "JOB_STATE_RUNNING", "JOB_STATE_QUEUED"];
let job = await ai.tunings.get({ name });
for (let i = 0; i < 1000 && running.includes(String(job.state)); i++) {
  await new Promise((r) => setTimeout(r, 10));
  job = await ai.tunings.get({ name });
}
const listed = [];
for await (const j of await ai.tunings.list()) listed.push(j);
console.log(JSON.stringify({ name, state: job.state, runs: job.evaluateDatasetRuns, listedRuns: listed.find((j) => j.name === name)?.evaluateDatasetRuns }));
