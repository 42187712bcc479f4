/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * Every create validation: the status, the canonical status name, and the BadRequest field path.
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, createBody, createModel, numberExamples, start } from "../helpers";

let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => ({ emu, api } = await start({ stepMs: 1000 })));
afterAll(() => emu.close());

function withTask(task: Record<string, unknown>): Record<string, unknown> {
  return createBody({ tuningTask: task });
}
const data = (examples: unknown[]) => ({ examples: { examples } });

interface Case {
  name: string;
  body?: Record<string, unknown> | string;
  query?: string;
  status: number;
  statusName: string;
  field?: string;
  message?: RegExp;
}

const cases: Case[] = [
  { name: "tunedModelId with uppercase", query: "?tunedModelId=Bad_Id", status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model_id" },
  { name: "tunedModelId starting with a digit", query: "?tunedModelId=1abc", status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model_id" },
  { name: "tunedModelId ending with '-'", query: "?tunedModelId=abc-", status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model_id" },
  { name: "tunedModelId of 41 characters", query: `?tunedModelId=${"a".repeat(41)}`, status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model_id" },
  { name: "displayName over 40 characters", body: createBody({ displayName: "x".repeat(41) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.display_name" },
  { name: "temperature below 0", body: createBody({ temperature: -0.1 }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.temperature" },
  { name: "temperature above 1 on gemini-1.0-pro-001", body: createBody({ temperature: 1.1 }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.temperature" },
  { name: "temperature above maxTemperature 2 on 1.5 Flash", body: createBody({ baseModel: "models/gemini-1.5-flash-001-tuning", temperature: 2.1 }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.temperature" },
  { name: "topP above 1", body: createBody({ topP: 1.5 }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.top_p" },
  { name: "topK negative", body: createBody({ topK: -1 }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.top_k" },
  { name: "both learning-rate fields", body: withTask({ hyperparameters: { learningRate: 0.001, learningRateMultiplier: 1 }, trainingData: data(numberExamples(3)) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.hyperparameters.learning_rate_multiplier", message: /Oneof field 'learning_rate_option'/ },
  { name: "epochCount 0", body: withTask({ hyperparameters: { epochCount: 0 }, trainingData: data(numberExamples(3)) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.hyperparameters.epoch_count" },
  { name: "batchSize negative", body: withTask({ hyperparameters: { batchSize: -4 }, trainingData: data(numberExamples(3)) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.hyperparameters.batch_size" },
  { name: "learningRate 0", body: withTask({ hyperparameters: { learningRate: 0 }, trainingData: data(numberExamples(3)) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.hyperparameters.learning_rate" },
  { name: "learningRateMultiplier negative", body: withTask({ hyperparameters: { learningRateMultiplier: -1 }, trainingData: data(numberExamples(3)) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.hyperparameters.learning_rate_multiplier" },
  { name: "epochCount not an integer", body: withTask({ hyperparameters: { epochCount: 2.5 }, trainingData: data(numberExamples(3)) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.hyperparameters.epoch_count", message: /TYPE_INT32/ },
  { name: "empty dataset", body: withTask({ trainingData: data([]) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.training_data.examples.examples" },
  { name: "no training data", body: withTask({ hyperparameters: { epochCount: 1 } }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.training_data" },
  { name: "no tuning task", body: { baseModel: "models/gemini-1.0-pro-001" }, status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task" },
  { name: "example input over 40,000 characters", body: withTask({ trainingData: data([{ textInput: "x".repeat(40001), output: "y" }]) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.training_data.examples.examples[0].text_input" },
  { name: "example output over 5,000 characters", body: withTask({ trainingData: data([{ textInput: "x", output: "y".repeat(5001) }]) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.training_data.examples.examples[0].output" },
  { name: "example without output", body: withTask({ trainingData: data([{ textInput: "x", output: "y" }, { textInput: "z" }]) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.training_data.examples.examples[1].output" },
  { name: "example without input", body: withTask({ trainingData: data([{ output: "y" }]) }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.tuning_task.training_data.examples.examples[0].text_input" },
  { name: "no base model", body: { tuningTask: { trainingData: data(numberExamples(2)) } }, status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.base_model" },
  { name: "both baseModel and tunedModelSource", body: createBody({ tunedModelSource: { tunedModel: "tunedModels/x" } }), status: 400, statusName: "INVALID_ARGUMENT", message: /Oneof field 'source_model'/ },
  { name: "unknown base model (default 404)", body: createBody({ baseModel: "models/gemini-0.1-nano" }), status: 404, statusName: "NOT_FOUND", message: /models\/gemini-0\.1-nano/ },
  { name: "base model that is not tunable", body: createBody({ baseModel: "models/gemini-1.5-flash-001" }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.base_model" },
  { name: "temperature of the wrong type", body: createBody({ temperature: "hot" }), status: 400, statusName: "INVALID_ARGUMENT", field: "tuned_model.temperature", message: /Invalid value at 'tuned_model.temperature' \(TYPE_FLOAT\), "hot"/ },
  { name: "body that is not JSON", body: "{not json", status: 400, statusName: "INVALID_ARGUMENT", message: /Invalid JSON payload received/ },
];

test.each(cases)("$name -> $status $statusName", async (c) => {
  const reply = await api.post(`/v1beta/tunedModels${c.query ?? ""}`, c.body ?? createBody());
  expect(reply.status).toBe(c.status);
  expect(reply.json.error.code).toBe(c.status);
  expect(reply.json.error.status).toBe(c.statusName);
  expect(typeof reply.json.error.message).toBe("string");
  if (c.field) {
    const detail = reply.json.error.details.find((d: any) => d["@type"] === "type.googleapis.com/google.rpc.BadRequest");
    expect(detail.fieldViolations.map((v: any) => v.field)).toContain(c.field);
  }
  if (c.message) expect(reply.json.error.message).toMatch(c.message);
  expect(emu.control.jobsCreated()).toBe(0);
});

test("limits are inclusive: 40 characters of display name, 40,000 in and 5,000 out are accepted", async () => {
  const reply = await api.post(
    "/v1beta/tunedModels?tunedModelId=at-the-limits",
    createBody({
      displayName: "x".repeat(40),
      tuningTask: { trainingData: data([{ textInput: "i".repeat(40000), output: "o".repeat(5000) }]) },
    }),
  );
  expect(reply.status).toBe(200);
  await api.del("/v1beta/tunedModels/at-the-limits");
});

test("every problem is reported at once", async () => {
  const reply = await api.post(
    "/v1beta/tunedModels?tunedModelId=BAD",
    createBody({ displayName: "x".repeat(50), topP: 2, tuningTask: { hyperparameters: { epochCount: 0 }, trainingData: data([]) } }),
  );
  expect(reply.status).toBe(400);
  expect(reply.json.error.details[0].fieldViolations.map((v: any) => v.field).sort()).toEqual([
    "tuned_model.display_name",
    "tuned_model.top_p",
    "tuned_model.tuning_task.hyperparameters.epoch_count",
    "tuned_model.tuning_task.training_data.examples.examples",
    "tuned_model_id",
  ]);
});

test("a duplicate tunedModelId is 409 ALREADY_EXISTS and creates no second job", async () => {
  const before = emu.control.jobsCreated();
  await createModel(api, createBody(), "dup");
  const again = await api.post("/v1beta/tunedModels?tunedModelId=dup", createBody());
  expect(again.status).toBe(409);
  expect(again.json.error).toEqual({ code: 409, message: "Tuned model tunedModels/dup already exists.", status: "ALREADY_EXISTS" });
  expect(emu.control.jobsCreated()).toBe(before + 1);
  await api.del("/v1beta/tunedModels/dup");
});

test("the unknown-base-model status is configurable to 400", async () => {
  const other = await start({ unknownBaseModelStatus: 400 });
  try {
    const reply = await other.api.post("/v1beta/tunedModels", createBody({ baseModel: "models/gemini-0.1-nano" }));
    expect(reply.status).toBe(400);
    expect(reply.json.error.status).toBe("INVALID_ARGUMENT");
    expect(reply.json.error.details[0].fieldViolations[0].field).toBe("tuned_model.base_model");
  } finally {
    await other.emu.close();
  }
});
