/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * Base models: the historical catalogue with its limits and defaults, and the "none" mode of production today.
 */
import { Api, createBody, start } from "../helpers";
import { EmulatorHandle } from "../../../emulator";

describe("historical base models", () => {
  let emu: EmulatorHandle;
  let api: Api;
  beforeAll(async () => ({ emu, api } = await start()));
  afterAll(() => emu.close());

  test("ListModels advertises the two tunable bases with their limits and sampling defaults", async () => {
    const reply = await api.get("/v1beta/models");
    expect(reply.status).toBe(200);
    const byName = Object.fromEntries(reply.json.models.map((m: any) => [m.name, m]));
    expect(byName["models/gemini-1.0-pro-001"]).toMatchObject({
      inputTokenLimit: 30720,
      outputTokenLimit: 2048,
      supportedGenerationMethods: ["generateContent", "countTokens", "createTunedModel"],
      temperature: 0.9,
      topP: 1,
      topK: 1,
    });
    expect(byName["models/gemini-1.5-flash-001-tuning"]).toMatchObject({
      inputTokenLimit: 16384,
      outputTokenLimit: 8192,
      supportedGenerationMethods: ["generateContent", "countTokens", "createTunedModel"],
      temperature: 1,
      topP: 0.95,
      topK: 64,
      maxTemperature: 2,
    });
    const tunable = reply.json.models.filter((m: any) => m.supportedGenerationMethods.includes("createTunedModel"));
    expect(tunable.map((m: any) => m.name)).toEqual(["models/gemini-1.0-pro-001", "models/gemini-1.5-flash-001-tuning"]);
    expect(reply.json.nextPageToken).toBeUndefined();
  });

  test("GetModel, on v1beta and v1; an unknown model is a 404 in Google's envelope", async () => {
    const reply = await api.get("/v1beta/models/gemini-1.5-flash-001-tuning");
    expect(reply.status).toBe(200);
    expect(reply.json.name).toBe("models/gemini-1.5-flash-001-tuning");
    expect((await api.get("/v1/models/gemini-1.0-pro-001")).json.version).toBe("001");
    const missing = await api.get("/v1beta/models/gemini-9");
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      error: { code: 404, message: expect.stringContaining("models/gemini-9"), status: "NOT_FOUND" },
    });
  });

  test("ListModels pages with pageSize and an opaque token", async () => {
    const first = await api.get("/v1beta/models?pageSize=2");
    expect(first.json.models).toHaveLength(2);
    expect(typeof first.json.nextPageToken).toBe("string");
    const second = await api.get(`/v1beta/models?pageSize=2&pageToken=${first.json.nextPageToken}`);
    expect(second.json.models).toHaveLength(1);
    expect(second.json.nextPageToken).toBeUndefined();
  });
});

describe('"none" mode (production today)', () => {
  let emu: EmulatorHandle;
  let api: Api;
  beforeAll(async () => ({ emu, api } = await start({ baseModelsMode: "none" })));
  afterAll(() => emu.close());

  test("no model advertises createTunedModel and the retired tuning bases are gone", async () => {
    const reply = await api.get("/v1beta/models");
    expect(reply.json.models.length).toBeGreaterThan(0);
    for (const m of reply.json.models) expect(m.supportedGenerationMethods).not.toContain("createTunedModel");
    expect((await api.get("/v1beta/models/gemini-1.5-flash-001-tuning")).status).toBe(404);
  });

  test("create fails like the real service: retired base 404, existing non-tunable base 400", async () => {
    const retired = await api.post("/v1beta/tunedModels", createBody({ baseModel: "models/gemini-1.5-flash-001-tuning" }));
    expect(retired.status).toBe(404);
    expect(retired.json.error.status).toBe("NOT_FOUND");
    const current = await api.post("/v1beta/tunedModels", createBody({ baseModel: "models/gemini-2.5-flash" }));
    expect(current.status).toBe(400);
    expect(current.json.error.status).toBe("INVALID_ARGUMENT");
    expect(current.json.error.details[0].fieldViolations[0].field).toBe("tuned_model.base_model");
    expect(emu.control.jobsCreated()).toBe(0);
  });
});
