/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * tunedModels.create: the operation's first form, the stored model, ids, defaults, step counts, proto3 JSON
 * conventions (lenient input, snake_case, unknown global parameters, int64 strings, timestamps).
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, createBody, createModel, numberExamples, start, waitForModel } from "../helpers";

const RFC3339_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3}|\.\d{6}|\.\d{9})?Z$/;

let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => ({ emu, api } = await start()));
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

test("the create response is exactly {name, metadata{@type, totalSteps, tunedModel}} with no done key", async () => {
  emu.control.pauseTraining();
  const op = await createModel(api, createBody(), "number-generator");
  expect(Object.keys(op).sort()).toEqual(["metadata", "name"]);
  expect(op.name).toMatch(/^tunedModels\/number-generator\/operations\/[a-z0-9]{12}$/);
  expect(op.metadata).toEqual({
    "@type": "type.googleapis.com/google.ai.generativelanguage.v1beta.CreateTunedModelMetadata",
    totalSteps: 19,
    tunedModel: "tunedModels/number-generator",
  });
  expect(Object.keys(op.metadata)).toEqual(["@type", "totalSteps", "tunedModel"]);
});

test("the model is visible at once, CREATING, with base defaults copied in and no training data", async () => {
  emu.control.pauseTraining();
  await createModel(api, createBody(), "fresh");
  const reply = await api.get("/v1beta/tunedModels/fresh");
  expect(reply.status).toBe(200);
  const m = reply.json;
  expect(m).toMatchObject({
    name: "tunedModels/fresh",
    baseModel: "models/gemini-1.0-pro-001",
    displayName: "number generator",
    state: "CREATING",
    temperature: 0.9,
    topP: 1,
    topK: 1,
    tuningTask: { hyperparameters: { epochCount: 5, batchSize: 4, learningRate: 0.001 } },
  });
  expect(m.createTime).toBe(m.updateTime);
  expect(m.createTime).toMatch(RFC3339_Z);
  expect(m.tuningTask.startTime).toMatch(RFC3339_Z);
  expect(m.tuningTask.completeTime).toBeUndefined();
  expect(m.tuningTask.snapshots).toBeUndefined();
  expect(m.tuningTask.trainingData).toBeUndefined();
  expect(reply.text).not.toContain("textInput");
  expect(m.description).toBeUndefined();
  expect(m.readerProjectNumbers).toBeUndefined();
});

test("ids: tunedModelId is used verbatim; otherwise display-name slug plus suffix, or a random id", async () => {
  const named = await createModel(api, createBody({ displayName: "Number Generator Model" }));
  expect(named.metadata.tunedModel).toMatch(/^tunedModels\/number-generator-model-[a-z0-9]{12}$/);
  const { displayName: _unused, ...anonymous } = createBody();
  const bare = await createModel(api, anonymous);
  expect(bare.metadata.tunedModel).toMatch(/^tunedModels\/[a-z][a-z0-9]{10}$/);
  const long = await createModel(api, createBody({ displayName: "a forty character display name, exactly!" }));
  const id = long.metadata.tunedModel.slice("tunedModels/".length);
  expect(id.length).toBeLessThanOrEqual(40);
  expect(id).toMatch(/^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$/);
});

test("defaults apply when hyperparameters are omitted; the batch-size threshold is configurable", async () => {
  const body = createBody();
  delete (body.tuningTask as any).hyperparameters;
  const op = await createModel(api, body, "defaults");
  expect(op.metadata.totalSteps).toBe(19);
  expect((await api.get("/v1beta/tunedModels/defaults")).json.tuningTask.hyperparameters).toEqual({
    learningRate: 0.001,
    epochCount: 5,
    batchSize: 4,
  });
  const small = await start({ defaultBatchSizeThreshold: 10, stepMs: 1000 });
  try {
    const op2 = await createModel(small.api, body, "big-batch");
    expect(op2.metadata.totalSteps).toBe(5);
    expect((await small.api.get("/v1beta/tunedModels/big-batch")).json.tuningTask.hyperparameters).toEqual({
      learningRate: 0.0002,
      epochCount: 5,
      batchSize: 16,
    });
  } finally {
    await small.emu.close();
  }
});

test("totalSteps = ceil(N*E/B): 15 examples give 38, 19 and 375 steps as observed", async () => {
  const steps = async (batchSize: number, epochCount: number) =>
    (await createModel(api, createBody({ tuningTask: { hyperparameters: { batchSize, epochCount }, trainingData: { examples: { examples: numberExamples(15) } } } })))
      .metadata.totalSteps;
  expect(await steps(2, 5)).toBe(38);
  expect(await steps(4, 5)).toBe(19);
  expect(await steps(4, 100)).toBe(375);
});

test("a learning-rate multiplier is echoed instead of a rate", async () => {
  await createModel(
    api,
    createBody({ tuningTask: { hyperparameters: { learningRateMultiplier: 2 }, trainingData: { examples: { examples: numberExamples(3) } } } }),
    "multiplied",
  );
  expect((await api.get("/v1beta/tunedModels/multiplied")).json.tuningTask.hyperparameters).toEqual({
    learningRateMultiplier: 2,
    epochCount: 5,
    batchSize: 4,
  });
});

test("sampling parameters: explicit values (even 0) are kept; flash bases copy their own defaults", async () => {
  await createModel(api, createBody({ temperature: 0, topP: 0.5, topK: 0 }), "explicit");
  expect((await api.get("/v1beta/tunedModels/explicit")).json).toMatchObject({ temperature: 0, topP: 0.5, topK: 0 });
  await createModel(api, createBody({ baseModel: "models/gemini-1.5-flash-001-tuning" }), "flash");
  expect((await api.get("/v1beta/tunedModels/flash")).json).toMatchObject({ temperature: 1, topP: 0.95, topK: 64 });
  await createModel(api, createBody({ baseModel: "models/gemini-1.5-flash-001-tuning", temperature: 1.5 }), "flash-hot");
  expect((await api.get("/v1beta/tunedModels/flash-hot")).json.temperature).toBe(1.5);
});

test("Google's tutorial body: snake_case names, trailing commas, tuned_model_id in snake_case", async () => {
  const raw = `{
    "display_name": "number generator model",
    "base_model": "models/gemini-1.0-pro-001",
    "tuning_task": {
      "hyperparameters": { "batch_size": 2, "learning_rate": 0.001, "epoch_count": 5, },
      "training_data": { "examples": { "examples": [
        { "text_input": "1", "output": "2", },
        { "text_input": "3", "output": "4", },
      ] } }
    }
  }`;
  const reply = await api.post("/v1beta/tunedModels?tuned_model_id=from-tutorial", raw);
  expect(reply.status).toBe(200);
  expect(reply.json.metadata.totalSteps).toBe(5);
  expect((await api.get("/v1beta/tunedModels/from-tutorial")).json.tuningTask.hyperparameters.batchSize).toBe(2);
});

test("unknown global query parameters are ignored; prettyPrint=false gives compact JSON", async () => {
  const reply = await api.post("/v1beta/tunedModels?tunedModelId=globals&alt=json&prettyPrint=false&fields=name&$.xgafv=2&quotaUser=q", createBody());
  expect(reply.status).toBe(200);
  expect(reply.text).not.toContain("\n");
  const pretty = await api.get("/v1beta/tunedModels/globals?key=whatever&callback=cb&uploadType=x");
  expect(pretty.status).toBe(200);
  expect(pretty.text).toContain('\n  "name"');
});

test("an unknown field in the body is a 400 naming it, as a proto3 JSON parser answers", async () => {
  const reply = await api.post("/v1beta/tunedModels", createBody({ colour: "blue" }));
  expect(reply.status).toBe(400);
  expect(reply.json.error.message).toBe(`Invalid JSON payload received. Unknown name "colour" at 'tuned_model': Cannot find field.`);
  expect(reply.json.error.details[0]["@type"]).toBe("type.googleapis.com/google.rpc.BadRequest");
  const nested = await api.post("/v1beta/tunedModels", createBody({ tuningTask: { trainingData: { examples: numberExamples(2) } } }));
  expect(nested.status).toBe(400);
  expect(nested.json.error.message).toContain("tuned_model.tuning_task.training_data.examples");
});

test("int64 project numbers come back as strings whether sent as numbers or strings", async () => {
  await createModel(api, createBody({ readerProjectNumbers: [123456789012, "987654321098"] }), "readers");
  expect((await api.get("/v1beta/tunedModels/readers")).json.readerProjectNumbers).toEqual(["123456789012", "987654321098"]);
});

test("a base model name without the models/ prefix is accepted and stored qualified", async () => {
  await createModel(api, createBody({ baseModel: "gemini-1.0-pro-001" }), "bare-base");
  expect((await api.get("/v1beta/tunedModels/bare-base")).json.baseModel).toBe("models/gemini-1.0-pro-001");
});

test("tuning from an ACTIVE tuned model (tunedModelSource); refused for 1.5 Flash and for unfinished sources", async () => {
  const op = await createModel(api, createBody({ tuningTask: { hyperparameters: { epochCount: 1, batchSize: 16 }, trainingData: { examples: { examples: numberExamples(3) } } } }), "source");
  await waitForModel(api, op.metadata.tunedModel);
  const { baseModel: _drop, ...rest } = createBody();
  await createModel(api, { ...rest, tunedModelSource: { tunedModel: "tunedModels/source" } }, "derived");
  const derived = (await api.get("/v1beta/tunedModels/derived")).json;
  expect(derived.tunedModelSource).toEqual({ tunedModel: "tunedModels/source", baseModel: "models/gemini-1.0-pro-001" });
  expect(derived.baseModel).toBeUndefined();
  expect(derived.temperature).toBe(0.9);

  emu.control.pauseTraining();
  await createModel(api, createBody({ baseModel: "models/gemini-1.5-flash-001-tuning" }), "pending-source");
  const pending = await api.post("/v1beta/tunedModels", { ...rest, tunedModelSource: { tunedModel: "tunedModels/pending-source" } });
  expect(pending.status).toBe(400);
  expect(pending.json.error.status).toBe("FAILED_PRECONDITION");
  emu.control.resumeTraining();
  await waitForModel(api, "tunedModels/pending-source");
  const flash = await api.post("/v1beta/tunedModels", { ...rest, tunedModelSource: { tunedModel: "tunedModels/pending-source" } });
  expect(flash.status).toBe(400);
  expect(flash.json.error.status).toBe("INVALID_ARGUMENT");
  const missing = await api.post("/v1beta/tunedModels", { ...rest, tunedModelSource: { tunedModel: "tunedModels/nope" } });
  expect(missing.status).toBe(404);
});

test("accepted creates are counted as jobs, rejected ones are not", async () => {
  await createModel(api, createBody(), "counted");
  await api.post("/v1beta/tunedModels?tunedModelId=counted", createBody());
  await api.post("/v1beta/tunedModels", createBody({ displayName: "x".repeat(41) }));
  expect(emu.control.jobsCreated()).toBe(1);
  const [entry] = emu.control.models();
  expect(entry).toMatchObject({ exampleCount: 15, jobCount: 1 });
  expect(entry.operationName).toMatch(/^tunedModels\/counted\/operations\/[a-z0-9]{12}$/);
  expect(entry.model.name).toBe("tunedModels/counted");
  expect(emu.control.counters().requestsByRoute["tunedModels.create"]).toBe(3);
});
