/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * tunedModels.patch with and without updateMask: mutable paths, immutable and output-only paths, clearing,
 * range checks, and updateTime.
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, createBody, createModel, start } from "../helpers";

let emu: EmulatorHandle;
let api: Api;
let model: any;
beforeAll(async () => ({ emu, api } = await start({ stepMs: 1000 })));
afterAll(() => emu.close());
beforeEach(async () => {
  emu.control.reset();
  await createModel(api, createBody({ description: "first description" }), "patched");
  model = (await api.get("/v1beta/tunedModels/patched")).json;
});

const patch = (query: string, body: unknown) => api.patch(`/v1beta/tunedModels/patched${query}`, body);

test("updateMask names the fields to change; the rest is untouched and updateTime advances", async () => {
  const reply = await patch("?updateMask=displayName,temperature", { displayName: "renamed", temperature: 0.2, topK: 7 });
  expect(reply.status).toBe(200);
  expect(reply.json).toMatchObject({ displayName: "renamed", temperature: 0.2, topK: 1, description: "first description" });
  expect(Date.parse(reply.json.updateTime)).toBeGreaterThan(Date.parse(model.updateTime));
  expect(reply.json.createTime).toBe(model.createTime);
  expect((await api.get("/v1beta/tunedModels/patched")).json.displayName).toBe("renamed");
  expect(emu.control.requests().find((r) => r.route === "tunedModels.patch")?.updateMask).toEqual(["displayName", "temperature"]);
});

test("mask paths in snake_case, repeated updateMask parameters and * are accepted", async () => {
  expect((await patch("?update_mask=display_name,top_p", { displayName: "snake", topP: 0.5 })).json).toMatchObject({ displayName: "snake", topP: 0.5 });
  expect((await patch("?updateMask=topK&updateMask=description", { topK: 3, description: "d" })).json).toMatchObject({ topK: 3, description: "d" });
  const all = await patch("?updateMask=*", { displayName: "star", description: "", temperature: 0.5, topP: 0.5, topK: 2, readerProjectNumbers: ["42"] });
  expect(all.json).toMatchObject({ displayName: "star", temperature: 0.5, readerProjectNumbers: ["42"] });
  expect(all.json.description).toBeUndefined();
});

test("a masked field missing from the body is cleared", async () => {
  const reply = await patch("?updateMask=description", {});
  expect(reply.status).toBe(200);
  expect(reply.json.description).toBeUndefined();
});

test.each([
  ["baseModel", "is immutable"],
  ["tuningTask.hyperparameters.epochCount", "is immutable"],
  ["tuning_task", "is immutable"],
  ["state", "is output only"],
  ["createTime", "is output only"],
  ["name", "is output only"],
  ["colour", "does not name a field"],
])("updateMask=%s is a 400 (%s)", async (path, why) => {
  const reply = await patch(`?updateMask=${path}`, { displayName: "x" });
  expect(reply.status).toBe(400);
  expect(reply.json.error.status).toBe("INVALID_ARGUMENT");
  expect(reply.json.error.details[0].fieldViolations[0]).toEqual({ field: "update_mask", description: expect.stringContaining(why) });
  expect((await api.get("/v1beta/tunedModels/patched")).json.displayName).toBe("number generator");
});

test("without a mask, every populated mutable field is updated and the resource may be sent back as read", async () => {
  const reply = await patch("", { ...model, displayName: "round trip", topK: 9 });
  expect(reply.status).toBe(200);
  expect(reply.json).toMatchObject({ displayName: "round trip", topK: 9, description: "first description" });
  expect(emu.control.requests().find((r) => r.route === "tunedModels.patch")?.updateMask).toBeUndefined();
});

test("without a mask, a changed immutable field is a 400; an empty update is a 400", async () => {
  const changed = await patch("", { baseModel: "models/gemini-1.5-flash-001-tuning", displayName: "x" });
  expect(changed.status).toBe(400);
  expect(changed.json.error.details[0].fieldViolations[0].field).toBe("tuned_model.base_model");
  const hp = await patch("", { tuningTask: { hyperparameters: { epochCount: 99 } } });
  expect(hp.status).toBe(400);
  expect((await patch("", {})).status).toBe(400);
});

test("patched values are range-checked like on create", async () => {
  for (const [body, field] of [
    [{ temperature: 1.5 }, "tuned_model.temperature"],
    [{ topP: -1 }, "tuned_model.top_p"],
    [{ topK: -2 }, "tuned_model.top_k"],
    [{ displayName: "y".repeat(41) }, "tuned_model.display_name"],
    [{ readerProjectNumbers: ["0"] }, "tuned_model.reader_project_numbers[0]"],
  ] as const) {
    const reply = await patch("", body);
    expect(reply.status).toBe(400);
    expect(reply.json.error.details[0].fieldViolations[0].field).toBe(field);
  }
});

test("readerProjectNumbers are patched and returned as strings", async () => {
  const reply = await patch("?updateMask=readerProjectNumbers", { readerProjectNumbers: [1234567890, "42"] });
  expect(reply.json.readerProjectNumbers).toEqual(["1234567890", "42"]);
});

test("patching a model that does not exist is a 404", async () => {
  expect((await api.patch("/v1beta/tunedModels/ghost?updateMask=displayName", { displayName: "x" })).status).toBe(404);
});
