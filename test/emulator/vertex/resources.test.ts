/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * What a succeeded Vertex job leaves behind, and tearing it down the way a provider's delete does: the model
 * (get, patch with updateMask, delete), the endpoint (get, undeployModel, delete) and the long-running
 * operations of those calls.
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, pollUntil, start } from "../helpers";
import { createJob, jobBody, V, v1, waitForJob } from "../vertexHelpers";

let emu: EmulatorHandle;
let api: Api;
let job: any;
beforeEach(async () => {
  ({ emu, api } = await start({ stepMs: 5 }));
  job = await waitForJob(api, (await createJob(api, jobBody({ description: "first", labels: { team: "ml" } }))).name);
});
afterEach(() => emu.close());

async function waitForOperation(name: string): Promise<any> {
  return (await pollUntil(() => api.get(v1(name)), (r) => r.json.done === true)).json;
}

test("the model and the endpoint exist, deployed on each other", async () => {
  const model = (await api.get(v1(job.tunedModel.model))).json;
  const endpoint = (await api.get(v1(job.tunedModel.endpoint))).json;
  const modelName = job.tunedModel.model.replace(/@1$/, "");
  expect(job.tunedModel.model).toBe(`${modelName}@1`);
  expect(model).toMatchObject({
    name: modelName,
    displayName: "number generator",
    description: "first",
    labels: { team: "ml" },
    versionId: "1",
  });
  expect(endpoint.deployedModels).toHaveLength(1);
  const deployed = endpoint.deployedModels[0];
  expect(deployed.model).toBe(modelName);
  expect(endpoint.trafficSplit).toEqual({ [deployed.id]: 100 });
  // The first of the two checkpoints is served on an endpoint of its own, the same model at that checkpoint.
  const [first, last] = job.tunedModel.checkpoints;
  expect(last.endpoint).toBe(job.tunedModel.endpoint);
  expect(first.endpoint).not.toBe(job.tunedModel.endpoint);
  const checkpointEndpoint = (await api.get(v1(first.endpoint))).json;
  expect(checkpointEndpoint.deployedModels).toEqual([expect.objectContaining({ model: modelName })]);
  expect(model.deployedModels).toEqual([
    { endpoint: job.tunedModel.endpoint, deployedModelId: deployed.id },
    { endpoint: first.endpoint, deployedModelId: checkpointEndpoint.deployedModels[0].id },
  ]);
  expect((await api.get(v1(modelName))).status).toBe(200);
  expect((await api.get(`${v1(modelName)}@default`)).status).toBe(200);
  expect((await api.get(`${v1(modelName)}@7`)).status).toBe(404);
});

test("patch changes displayName, description and labels per updateMask, and nothing else", async () => {
  const path = v1(job.tunedModel.model);
  const reply = await api.patch(`${path}?updateMask=displayName,labels`, {
    displayName: "renamed",
    description: "ignored: not in the mask",
    labels: { team: "search", env: "prod" },
  });
  expect(reply.status).toBe(200);
  expect(reply.json).toMatchObject({ displayName: "renamed", description: "first", labels: { team: "search", env: "prod" } });
  expect(Date.parse(reply.json.updateTime)).toBeGreaterThanOrEqual(Date.parse(reply.json.createTime));
  const cleared = await api.patch(`${path}?update_mask=description`, {});
  expect(cleared.json.description).toBeUndefined();
  expect((await api.get(path)).json.displayName).toBe("renamed");
  // The job keeps what it was created with.
  expect((await api.get(v1(job.name))).json.tunedModelDisplayName).toBe("number generator");
});

test("patch errors: no mask, an immutable path, an emptied display name, bad labels", async () => {
  const path = v1(job.tunedModel.model);
  for (const [query, body] of [
    ["", { displayName: "x" }],
    ["?updateMask=baseModel", {}],
    ["?updateMask=displayName", { displayName: "" }],
    ["?updateMask=labels", { labels: { "Bad Key": "v" } }],
  ] as const) {
    const reply = await api.patch(`${path}${query}`, body);
    expect(reply.status).toBe(400);
    expect(reply.json.error.status).toBe("INVALID_ARGUMENT");
  }
});

test("teardown: model delete refused while deployed; undeploy, endpoint delete and model delete are operations", async () => {
  const modelPath = v1(job.tunedModel.model);
  const endpointPath = v1(job.tunedModel.endpoint);
  const refused = await api.del(modelPath);
  expect(refused.status).toBe(400);
  expect(refused.json.error.status).toBe("FAILED_PRECONDITION");
  const endpointRefused = await api.del(endpointPath);
  expect(endpointRefused.status).toBe(400);
  expect(endpointRefused.json.error.status).toBe("FAILED_PRECONDITION");

  const deployedModelId = (await api.get(endpointPath)).json.deployedModels[0].id;
  const undeploy = await api.post(`${endpointPath}:undeployModel`, { deployedModelId });
  expect(undeploy.status).toBe(200);
  expect(undeploy.json.name).toMatch(new RegExp(`^${job.tunedModel.endpoint}/operations/\\d+$`));
  expect(undeploy.json.metadata["@type"]).toBe("type.googleapis.com/google.cloud.aiplatform.v1.UndeployModelOperationMetadata");
  const undeployed = await waitForOperation(undeploy.json.name);
  expect(undeployed.response).toEqual({ "@type": "type.googleapis.com/google.cloud.aiplatform.v1.UndeployModelResponse" });
  expect((await api.get(endpointPath)).json.deployedModels).toBeUndefined();
  const checkpointEndpoint = job.tunedModel.checkpoints[0].endpoint;
  expect((await api.get(modelPath)).json.deployedModels).toEqual([{ endpoint: checkpointEndpoint, deployedModelId: expect.any(String) }]);
  expect((await api.post(`${endpointPath}:undeployModel`, { deployedModelId })).status).toBe(404);
  expect((await api.post(`${endpointPath}:undeployModel`, {})).status).toBe(400);

  const endpointDelete = await api.del(endpointPath);
  expect(endpointDelete.status).toBe(200);
  expect(endpointDelete.json.metadata).toMatchObject({
    "@type": "type.googleapis.com/google.cloud.aiplatform.v1.DeleteOperationMetadata",
    genericMetadata: { createTime: expect.any(String), updateTime: expect.any(String) },
  });
  expect((await waitForOperation(endpointDelete.json.name)).response).toEqual({ "@type": "type.googleapis.com/google.protobuf.Empty" });
  expect((await api.get(endpointPath)).status).toBe(404);

  // The first checkpoint's endpoint still serves the model: the model cannot go until that endpoint does.
  expect((await api.del(modelPath)).json.error?.status).toBe("FAILED_PRECONDITION");
  const checkpointPath = v1(checkpointEndpoint);
  const checkpointDeployment = (await api.get(checkpointPath)).json.deployedModels[0].id;
  await waitForOperation((await api.post(`${checkpointPath}:undeployModel`, { deployedModelId: checkpointDeployment })).json.name);
  await waitForOperation((await api.del(checkpointPath)).json.name);
  expect((await api.get(checkpointPath)).status).toBe(404);
  expect((await api.get(modelPath)).json.deployedModels).toBeUndefined();

  const modelDelete = await api.del(modelPath);
  expect(modelDelete.status).toBe(200);
  expect(modelDelete.json.name).toMatch(new RegExp(`^${job.tunedModel.model.replace(/@1$/, "")}/operations/\\d+$`));
  const done = await waitForOperation(modelDelete.json.name);
  expect(done.metadata["@type"]).toBe("type.googleapis.com/google.cloud.aiplatform.v1.DeleteOperationMetadata");
  expect((await api.get(modelPath)).status).toBe(404);
  expect((await api.del(modelPath)).status).toBe(404);
  // The job still names what it produced, as the real service's record does.
  expect((await api.get(v1(job.name))).json.tunedModel.model).toBe(job.tunedModel.model);
  expect(emu.control.vertexJobs()[0].model).toBeUndefined();
  expect(emu.control.vertexJobs()[0].endpoint).toBeUndefined();
  expect(emu.control.vertexJobs()[0].checkpointEndpoints).toEqual([]);
  expect(emu.control.vertexResources()).toEqual({ models: 0, endpoints: 0, activeJobs: 0 });
});

test("operations: first answer not done (step time > 0), 404 for unknown ids or another location", async () => {
  emu.control.setStepMs(60000);
  const endpointPath = v1(job.tunedModel.endpoint);
  const deployedModelId = (await api.get(endpointPath)).json.deployedModels[0].id;
  const op = (await api.post(`${endpointPath}:undeployModel`, { deployedModelId })).json;
  expect(op.done).toBeUndefined();
  expect((await api.get(v1(op.name))).json.done).toBeUndefined();
  expect((await api.get(`${V}/operations/42`)).status).toBe(404);
  const id = op.name.split("/").pop();
  expect((await api.get(`/v1/projects/test-project/locations/asia-east1/operations/${id}`)).status).toBe(404);
});

test("operations are served under every GetOperation binding: ui/, v1/, v1beta1/, under their resource and their location, typed for the version", async () => {
  const endpointPath = job.tunedModel.endpoint.replace(/^projects\/\d+\//, "projects/test-project/");
  const deployedModelId = (await api.get(v1(endpointPath))).json.deployedModels[0].id;
  const op = (await api.post(`${v1(endpointPath)}:undeployModel`, { deployedModelId })).json;
  const id = op.name.split("/").pop();
  for (const name of [op.name, `${endpointPath}/operations/${id}`, `${V.replace("/v1/", "")}/operations/${id}`]) {
    for (const prefix of ["/ui/", "/v1/", "/v1beta1/"]) {
      const reply = await api.get(`${prefix}${name}`);
      const typeVersion = prefix === "/v1beta1/" ? "v1beta1" : "v1";
      expect([prefix, name, reply.status, reply.json.name, reply.json.metadata["@type"]]).toEqual([
        prefix, name, 200, op.name, `type.googleapis.com/google.cloud.aiplatform.${typeVersion}.UndeployModelOperationMetadata`,
      ]);
    }
  }
  const elsewhere = job.tunedModel.model.replace(/@1$/, "");
  expect((await api.get(`/ui/${elsewhere}/operations/${id}`)).status).toBe(404);
  expect((await api.get(`/ui/${V.replace("/v1/", "")}/tuningJobs/1/operations/${id}`)).status).toBe(404);
});

test("generateContent on the endpoint: fixed answer when the dataset was not read; 400 once undeployed", async () => {
  const path = `${v1(job.tunedModel.endpoint)}:generateContent`;
  const reply = await api.post(path, { contents: [{ role: "user", parts: [{ text: "hello" }] }] });
  expect(reply.status).toBe(200);
  expect(reply.json.candidates[0]).toEqual({
    content: { role: "model", parts: [{ text: "This is the emulated tuned model's answer." }] },
    finishReason: "STOP",
  });
  expect(reply.json.modelVersion).toBe("gemini-2.5-flash");
  expect(reply.json.usageMetadata.totalTokenCount).toBeGreaterThan(0);
  expect((await api.post(path, { contents: [] })).status).toBe(400);
  const deployedModelId = (await api.get(v1(job.tunedModel.endpoint))).json.deployedModels[0].id;
  await api.post(`${v1(job.tunedModel.endpoint)}:undeployModel`, { deployedModelId });
  const refused = await api.post(path, { contents: [{ role: "user", parts: [{ text: "hello" }] }] });
  expect(refused.status).toBe(400);
  expect(refused.json.error.status).toBe("FAILED_PRECONDITION");
});

test("generateContent and streamGenerateContent answer under every binding: the endpoint with or without its parent, base models", async () => {
  const prompt = { contents: [{ role: "user", parts: [{ text: "hello" }] }] };
  const endpointId = job.tunedModel.endpoint.split("/").pop();
  const fixed = "This is the emulated tuned model's answer.";
  const textOf = (reply: any) => reply.json.candidates[0].content.parts[0].text;
  for (const prefix of ["/v1", "/v1beta1"]) {
    for (const target of [job.tunedModel.endpoint, `endpoints/${endpointId}`, `${V.replace("/v1/", "")}/publishers/google/models/gemini-2.5-flash`, "publishers/google/models/gemini-2.5-flash"]) {
      const plain = await api.post(`${prefix}/${target}:generateContent`, prompt);
      expect([target, plain.status, textOf(plain)]).toEqual([target, 200, fixed]);
      const stream = await api.post(`${prefix}/${target}:streamGenerateContent`, prompt);
      expect([target, stream.status, stream.text.startsWith("["), stream.text.endsWith("]"), stream.json?.[0]?.candidates[0].content.parts[0].text]).toEqual([
        target, 200, true, true, fixed,
      ]);
      const sse = await api.post(`${prefix}/${target}:streamGenerateContent?alt=sse`, prompt);
      expect([target, sse.status, sse.headers.get("content-type")]).toEqual([target, 200, "text/event-stream"]);
      expect(JSON.parse(sse.text.replace(/^data: /, "")).candidates[0].content.parts[0].text).toBe(fixed);
    }
  }
  expect((await api.post("/v1/publishers/google/models/text-bison:generateContent", prompt)).status).toBe(404);
  expect((await api.post("/v1/publishers/acme/models/gemini-2.5-flash:generateContent", prompt)).status).toBe(404);
  expect((await api.post("/v1/endpoints/404:generateContent", prompt)).status).toBe(404);
});
