/**
 * generateContent on tuned models: only ACTIVE models answer; the answer follows the documented rule.
 */
import { EmulatorHandle } from "../../../emulator";
import { BASE_MODEL_ANSWER } from "../../../emulator/gemini/routes/generateContent";
import { Api, createBody, createModel, start, waitForModel } from "../helpers";

let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => {
  ({ emu, api } = await start({ stepMs: 0 }));
  await createModel(api, createBody(), "numbers");
  await waitForModel(api, "tunedModels/numbers");
});
afterAll(() => emu.close());

const ask = (text: string, extra: Record<string, unknown> = {}, version = "v1beta") =>
  api.post(`/${version}/tunedModels/numbers:generateContent`, { contents: [{ parts: [{ text }] }], ...extra });

test("an exact training input answers with its output, in the observed response shape", async () => {
  const reply = await ask("3");
  expect(reply.status).toBe(200);
  expect(reply.json.candidates).toEqual([
    {
      content: { parts: [{ text: "4" }], role: "model" },
      finishReason: "STOP",
      index: 0,
      safetyRatings: expect.arrayContaining([{ category: "HARM_CATEGORY_HARASSMENT", probability: "NEGLIGIBLE" }]),
    },
  ]);
  expect(reply.json.promptFeedback.safetyRatings.length).toBeGreaterThan(0);
  expect(reply.json.usageMetadata).toEqual({ promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 });
});

test("matching ignores case and surrounding/duplicate whitespace; otherwise the nearest input answers", async () => {
  expect((await ask("  12 ")).json.candidates[0].content.parts[0].text).toBe("13");
  expect((await ask("151")).json.candidates[0].content.parts[0].text).toBe("12"); // "11" and "15" tie at 1 edit; the earlier wins
  expect((await ask("14x")).json.candidates[0].content.parts[0].text).toBe("15");
  expect((await ask("9x")).json.candidates[0].content.parts[0].text).toBe("10");
});

test("the last content entry is the prompt; v1 serves generateContent too", async () => {
  const reply = await api.post("/v1/tunedModels/numbers:generateContent", {
    contents: [
      { role: "user", parts: [{ text: "1" }] },
      { role: "model", parts: [{ text: "2" }] },
      { role: "user", parts: [{ text: "1" }, { text: "4" }] },
    ],
  });
  expect(reply.json.candidates[0].content.parts[0].text).toBe("15");
});

test("streamGenerateContent: server-sent events with alt=sse, a JSON array otherwise", async () => {
  const body = { contents: [{ parts: [{ text: "5" }] }] };
  const res = await fetch(`${emu.url}/v1beta/tunedModels/numbers:streamGenerateContent?alt=sse`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  expect(res.headers.get("content-type")).toBe("text/event-stream");
  const text = await res.text();
  expect(text.startsWith("data: ")).toBe(true);
  expect(JSON.parse(text.slice(6)).candidates[0].content.parts[0].text).toBe("6");
  const array = await api.post("/v1beta/tunedModels/numbers:streamGenerateContent", body);
  expect(array.json[0].candidates[0].content.parts[0].text).toBe("6");
  // One JSON array with nothing after its closing bracket, as Python's REST stream parser requires.
  expect(array.text.startsWith("[")).toBe(true);
  expect(array.text.endsWith("]")).toBe(true);
});

test("maxOutputTokens truncates and reports MAX_TOKENS", async () => {
  await createModel(api, createBody({ tuningTask: { trainingData: { examples: { examples: [{ textInput: "long", output: "abcdefghijkl" }] } } } }), "wordy");
  await waitForModel(api, "tunedModels/wordy");
  const reply = await api.post("/v1beta/tunedModels/wordy:generateContent", {
    contents: [{ parts: [{ text: "long" }] }],
    generationConfig: { maxOutputTokens: 2 },
  });
  expect(reply.json.candidates[0]).toMatchObject({ content: { parts: [{ text: "abcdefgh" }] }, finishReason: "MAX_TOKENS" });
});

test("unsupported features of tuned models are 400: system instructions, JSON mode, missing contents", async () => {
  expect((await ask("1", { systemInstruction: { parts: [{ text: "be nice" }] } })).status).toBe(400);
  expect((await ask("1", { generationConfig: { responseMimeType: "application/json" } })).status).toBe(400);
  const empty = await api.post("/v1beta/tunedModels/numbers:generateContent", { contents: [] });
  expect(empty.status).toBe(400);
  expect(empty.json.error.details[0].fieldViolations[0].field).toBe("contents");
  expect((await api.post("/v1beta/tunedModels/numbers:generateContent", { contents: [{ parts: [] }] })).status).toBe(400);
});

test("a CREATING or FAILED model is 400 FAILED_PRECONDITION; a missing one is 404", async () => {
  emu.control.setStepMs(1000);
  await createModel(api, createBody(), "not-ready");
  const creating = await api.post("/v1beta/tunedModels/not-ready:generateContent", { contents: [{ parts: [{ text: "1" }] }] });
  expect(creating.status).toBe(400);
  expect(creating.json.error.status).toBe("FAILED_PRECONDITION");
  expect(creating.json.error.message).toContain("CREATING");
  emu.control.setStepMs(0);
  emu.control.failJob({ next: true });
  await createModel(api, createBody(), "broken");
  await waitForModel(api, "tunedModels/broken");
  const failed = await api.post("/v1beta/tunedModels/broken:generateContent", { contents: [{ parts: [{ text: "1" }] }] });
  expect(failed.status).toBe(400);
  expect(failed.json.error.status).toBe("FAILED_PRECONDITION");
  expect((await api.post("/v1beta/tunedModels/ghost:generateContent", { contents: [{ parts: [{ text: "1" }] }] })).status).toBe(404);
});

test("the methods' first binding, models/{id}: a base model of the catalog answers with the stand-in text", async () => {
  for (const version of ["v1beta", "v1"]) {
    const reply = await api.post(`/${version}/models/gemini-1.5-flash-001-tuning:generateContent`, {
      contents: [{ parts: [{ text: "hello" }] }],
    });
    expect(reply.status).toBe(200);
    expect(reply.json.candidates[0]).toMatchObject({ content: { parts: [{ text: BASE_MODEL_ANSWER }], role: "model" }, finishReason: "STOP" });
  }
  const stream = await api.post("/v1beta/models/gemini-1.0-pro-001:streamGenerateContent", { contents: [{ parts: [{ text: "hi" }] }] });
  expect(stream.json[0].candidates[0].content.parts[0].text).toBe(BASE_MODEL_ANSWER);
  expect(stream.text.endsWith("]")).toBe(true);
  const unknown = await api.post("/v1beta/models/gemini-9:generateContent", { contents: [{ parts: [{ text: "hi" }] }] });
  expect(unknown.status).toBe(404);
  expect(unknown.json.error.message).toMatch(/^models\/gemini-9 is not found for API version v1beta, or is not supported for generateContent/);
  expect(emu.control.requests().filter((r) => r.route === "models.generateContent")).toHaveLength(3);
});

test("with no base models served (baseModelsMode none), models/{id}:generateContent is 404", async () => {
  const { emu: none, api: noneApi } = await start({ baseModelsMode: "none" });
  try {
    const reply = await noneApi.post("/v1beta/models/gemini-1.5-flash-001-tuning:generateContent", { contents: [{ parts: [{ text: "hi" }] }] });
    expect(reply.status).toBe(404);
  } finally {
    await none.close();
  }
});
