/**
 * Drives a tuning job's whole life through `@google-cloud/aiplatform`, its v1 or v1beta1 clients as
 * DRIVER_INPUT's `version` says, over the REST transport (`fallback: true`), unchanged but for the endpoint
 * and the service-account key (see ../../runDriver.ts): GenAiTuningService create/get/list (page size
 * 1)/cancel, ModelService get/list/delete, EndpointService get/undeployModel/delete, PredictionService
 * generateContent and streamGenerateContent, every long-running operation awaited with `op.promise()`, then
 * the errors the client maps. Prints one JSON object of what each call returned.
 */
import * as aiplatform from "@google-cloud/aiplatform";

const url = new URL(process.env.EMULATOR_URL ?? "");
const parent = `projects/${process.env.GOOGLE_CLOUD_PROJECT}/locations/${process.env.GOOGLE_CLOUD_LOCATION}`;
const input = JSON.parse(process.env.DRIVER_INPUT ?? "{}") as { trainingDatasetUri: string; version: "v1" | "v1beta1" };
// The v1beta1 clients have the same shape for every call made here.
const v1 = aiplatform[input.version] as typeof aiplatform.v1;

// Credentials come from Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS), as in a CI job.
const options = { fallback: true, protocol: "http", apiEndpoint: url.hostname, port: Number(url.port) };

const tuning = new v1.GenAiTuningServiceClient(options);
const models = new v1.ModelServiceClient(options);
const endpoints = new v1.EndpointServiceClient(options);
const prediction = new v1.PredictionServiceClient(options);

/** The gRPC status code a rejected call carried (the client maps HTTP errors to them). */
async function codeOf(call: Promise<unknown>): Promise<number | string> {
  try {
    await call;
    return "resolved";
  } catch (error) {
    return (error as { code?: number }).code ?? String(error);
  }
}

function tuningJob(displayName: string, trainingDatasetUri = input.trainingDatasetUri) {
  return {
    baseModel: "gemini-2.5-flash",
    tunedModelDisplayName: displayName,
    supervisedTuningSpec: { trainingDatasetUri, hyperParameters: { epochCount: 2, adapterSize: "ADAPTER_SIZE_FOUR" as const } },
  };
}

async function waitForJob(name: string) {
  for (let i = 0; i < 1000; i++) {
    const [job] = await tuning.getTuningJob({ name });
    if (!["JOB_STATE_PENDING", "JOB_STATE_RUNNING", "JOB_STATE_QUEUED"].includes(String(job.state))) return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${name} did not finish`);
}

/** Calls the emulator's control API (`POST /emulator/<path>`), outside Google's surface. */
async function emulatorControl(path: string): Promise<void> {
  const response = await fetch(new URL(`/emulator/${path}`, url), { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  if (!response.ok) throw new Error(`POST /emulator/${path}: ${response.status} ${await response.text()}`);
}

const out: Record<string, unknown> = {};

const [created] = await tuning.createTuningJob({ parent, tuningJob: tuningJob("client job") });
out.created = { name: created.name, state: created.state, adapterSize: created.supervisedTuningSpec?.hyperParameters?.adapterSize };
// Training is held while the second job is created and cancelled: with 5 ms steps a busy machine could
// otherwise let it finish first, and a finished job cannot be cancelled.
await emulatorControl("training/pause");
const [second] = await tuning.createTuningJob({ parent, tuningJob: tuningJob("second job") });
out.second = second.name;
await tuning.cancelTuningJob({ name: second.name ?? "" });
await emulatorControl("training/resume");
const [cancelled] = await tuning.getTuningJob({ name: second.name ?? "" });
out.cancelled = { state: cancelled.state, errorCode: cancelled.error?.code };

const [page1, , response1] = await tuning.listTuningJobs({ parent, pageSize: 1 }, { autoPaginate: false });
const [page2] = await tuning.listTuningJobs({ parent, pageSize: 1, pageToken: response1?.nextPageToken ?? "" }, { autoPaginate: false });
const all = [];
for await (const j of tuning.listTuningJobsAsync({ parent, pageSize: 1 })) all.push(j);
out.pages = [page1.map((j) => j.name), page2.map((j) => j.name)];
out.all = all.map((j) => j.name);


const job = await waitForJob(created.name ?? "");
const modelName = job.tunedModel?.model ?? "";
const endpointName = job.tunedModel?.endpoint ?? "";
out.job = { state: job.state, model: modelName, endpoint: endpointName };

const [model] = await models.getModel({ name: modelName });
out.model = { name: model.name, versionId: model.versionId };
const [listedModels] = await models.listModels({ parent });
out.listedModels = listedModels.map((m) => m.name);

const [endpoint] = await endpoints.getEndpoint({ name: endpointName });
const deployed = endpoint.deployedModels?.[0];
out.endpoint = { name: endpoint.name, deployed: endpoint.deployedModels?.map((d) => ({ id: d.id, model: d.model })) };

const [answer] = await prediction.generateContent({ model: endpointName, contents: [{ role: "user", parts: [{ text: "3" }] }] });
out.answer = { text: answer.candidates?.[0]?.content?.parts?.[0]?.text, finishReason: answer.candidates?.[0]?.finishReason };
const streamed: unknown[] = [];
for await (const chunk of prediction.streamGenerateContent({ model: endpointName, contents: [{ role: "user", parts: [{ text: "5" }] }] })) {
  streamed.push((chunk as { candidates?: { content?: { parts?: { text?: string }[] } }[] }).candidates?.[0]?.content?.parts?.[0]?.text);
}
out.streamed = streamed;

const [undeploy] = await endpoints.undeployModel({ endpoint: endpointName, deployedModelId: deployed?.id ?? "" });
await undeploy.promise();
const [afterUndeploy] = await endpoints.getEndpoint({ name: endpointName });
out.undeploy = { operation: undeploy.name, done: undeploy.done, deployedAfter: afterUndeploy.deployedModels?.length ?? 0 };

const [deleteEndpoint] = await endpoints.deleteEndpoint({ name: endpointName });
await deleteEndpoint.promise();
out.deleteEndpoint = { operation: deleteEndpoint.name, done: deleteEndpoint.done, getAfter: await codeOf(endpoints.getEndpoint({ name: endpointName })) };

// Each earlier checkpoint is served on an endpoint of its own: retire those too before the model can go.
const checkpointEndpoints = (job.tunedModel?.checkpoints ?? []).map((c) => c.endpoint ?? "").filter((e) => e !== "" && e !== endpointName);
for (const name of checkpointEndpoints) {
  const [served] = await endpoints.getEndpoint({ name });
  for (const d of served.deployedModels ?? []) await (await endpoints.undeployModel({ endpoint: name, deployedModelId: d.id ?? "" }))[0].promise();
  await (await endpoints.deleteEndpoint({ name }))[0].promise();
}
out.checkpointEndpoints = checkpointEndpoints.length;

const [deleteModel] = await models.deleteModel({ name: model.name ?? "" });
await deleteModel.promise();
out.deleteModel = { operation: deleteModel.name, done: deleteModel.done, getAfter: await codeOf(models.getModel({ name: modelName })) };

out.errors = {
  notFound: await codeOf(tuning.getTuningJob({ name: `${parent}/tuningJobs/404` })),
  invalidArgument: await codeOf(tuning.createTuningJob({ parent, tuningJob: tuningJob("bad", "https://not-a-bucket/x.jsonl") })),
  // Vertex AI takes OAuth only: a client configured with an API key is refused.
  unauthenticated: await codeOf(new v1.GenAiTuningServiceClient({ ...options, apiKey: "an-api-key" }).listTuningJobs({ parent })),
};

console.log(JSON.stringify(out));
