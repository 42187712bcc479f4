/**
 * Drives Vertex AI tuning through `@google/genai` in Vertex mode, unchanged but for the base URL, on its
 * default API version (see ../../runDriver.ts): tunings.tune, get, list (page size 1), cancel, and
 * models.generateContent and generateContentStream on the tuned model's endpoint. Prints one JSON object of what each call returned.
 *
 * Credentials: the bearer token in EMULATOR_BEARER_TOKEN, through the SDK's `googleAuthOptions.authClient`.
 * (With a service-account key, google-auth-library for Node sends its token request to Google's own token
 * endpoint whatever the key's `token_uri` says, so that path cannot run offline.)
 */
import { AdapterSize, GoogleGenAI } from "@google/genai";
import { OAuth2Client } from "google-auth-library";

const input = JSON.parse(process.env.DRIVER_INPUT ?? "{}") as { trainingDatasetUri: string };
const authClient = new OAuth2Client();
authClient.setCredentials({ access_token: process.env.EMULATOR_BEARER_TOKEN, expiry_date: Date.now() + 3_600_000 });
const ai = new GoogleGenAI({
  vertexai: true,
  googleAuthOptions: { authClient },
  project: process.env.GOOGLE_CLOUD_PROJECT,
  location: process.env.GOOGLE_CLOUD_LOCATION,
  httpOptions: { baseUrl: process.env.EMULATOR_URL },
});

const running = ["JOB_STATE_PENDING", "JOB_STATE_RUNNING", "JOB_STATE_QUEUED"];
const tune = (displayName: string) =>
  ai.tunings.tune({
    baseModel: "gemini-2.5-flash",
    trainingDataset: { gcsUri: input.trainingDatasetUri },
    config: { tunedModelDisplayName: displayName, epochCount: 2, adapterSize: AdapterSize.ADAPTER_SIZE_FOUR },
  });

/** The HTTP status a rejected call carried. */
async function statusOf(call: Promise<unknown>): Promise<number | string> {
  try {
    await call;
    return "resolved";
  } catch (error) {
    return (error as { status?: number }).status ?? String(error);
  }
}

const out: Record<string, unknown> = {};
/** Calls the emulator's control API (`POST /emulator/<path>`), outside Google's surface. */
async function emulatorControl(path: string): Promise<void> {
  const response = await fetch(new URL(`/emulator/${path}`, process.env.EMULATOR_URL), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  if (!response.ok) throw new Error(`POST /emulator/${path}: ${response.status} ${await response.text()}`);
}

const created = await tune("genai job");
out.created = { name: created.name, state: created.state };
// Training is held while the second job is created and cancelled: with 5 ms steps a busy machine could
// otherwise let it finish first, and a finished job cannot be cancelled.
await emulatorControl("training/pause");
const second = await tune("genai second");
await ai.tunings.cancel({ name: second.name ?? "" });
await emulatorControl("training/resume");
const cancelled = await ai.tunings.get({ name: second.name ?? "" });
out.cancelled = { name: second.name, state: cancelled.state, errorCode: cancelled.error?.code };

const pager = await ai.tunings.list({ config: { pageSize: 1 } });
const firstPage = pager.page.map((j) => j.name);
const all = [];
for await (const j of pager) all.push(j.name);
out.list = { firstPage, all };

let job = await ai.tunings.get({ name: created.name ?? "" });
for (let i = 0; i < 1000 && running.includes(String(job.state)); i++) {
  await new Promise((r) => setTimeout(r, 10));
  job = await ai.tunings.get({ name: created.name ?? "" });
}
out.job = { state: job.state, model: job.tunedModel?.model, endpoint: job.tunedModel?.endpoint };

const answer = await ai.models.generateContent({ model: job.tunedModel?.endpoint ?? "", contents: "3" });
out.answer = answer.text;
const streamed = [];
for await (const chunk of await ai.models.generateContentStream({ model: job.tunedModel?.endpoint ?? "", contents: "5" })) streamed.push(chunk.text);
out.streamed = streamed;

out.errors = {
  notFound: await statusOf(ai.tunings.get({ name: `projects/${process.env.GOOGLE_CLOUD_PROJECT}/locations/${process.env.GOOGLE_CLOUD_LOCATION}/tuningJobs/404` })),
};
console.log(JSON.stringify(out));
