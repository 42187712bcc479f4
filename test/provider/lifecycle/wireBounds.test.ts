// Arguments at the edges of their wire types and documented limits, on both backends: what the services
// refuse fails check naming the property, and every valid edge value passes (the engine-level table is
// test/reliability/badInputCases.ts).
import { checkTunedModel } from "../../../provider/gemini/tunedModel/provider";
import { tunedModelPermissionProvider } from "../../../provider/gemini/permission";
import { checkVertexTunedModel } from "../../../provider/vertex/tunedModel/provider";
import { configureProvider } from "../../../provider/runtime/stackConfig";
import { getTunedModel } from "../../../provider/gemini/lookup";
import { MAX_DURATION_MS, parseDuration } from "../../../provider/lifecycle/timeouts";
import { FLOAT32_MAX, INT32_MAX } from "../../../provider/lifecycle/wireNumbers";
import { fakeGoogleApiKey } from "../../fixtures/fakeApiKey";

const gemini = {
  resourceName: "edge",
  autonameSeed: "unit/dev/edge",
  baseModel: "models/gemini-1.5-flash-001-tuning",
  trainingData: { kind: "inline", examples: [{ textInput: "1", output: "2" }] },
};
const vertex = {
  resourceName: "edge",
  autonameSeed: "unit/dev/edge",
  project: "pulumi-tests",
  location: "us-central1",
  baseModel: "gemini-2.5-flash",
  trainingDataset: { uri: "gs://tuning-data/numbers.jsonl", fingerprint: "md5:AAAA" },
};
const permission = { tunedModel: "tunedModels/edge", granteeType: "EVERYONE", role: "READER" };

const geminiFailures = (overrides: Record<string, unknown>) => checkTunedModel({ ...gemini, ...overrides }).failures;
const vertexFailures = (overrides: Record<string, unknown>) => checkVertexTunedModel({ ...vertex, ...overrides }, {}).failures;
const permissionFailures = async (overrides: Record<string, unknown>) => (await tunedModelPermissionProvider.check({}, { ...permission, ...overrides })).failures;
const SECRET = "hunter2-password";

beforeAll(() => configureProvider({ config: { get: () => undefined } }));

describe("TunedModel arguments at their bounds", () => {
  it.each([
    ["epochCount", { hyperparameters: { epochCount: INT32_MAX } }],
    ["batchSize", { hyperparameters: { batchSize: INT32_MAX } }],
    ["topK", { topK: INT32_MAX }],
    ["learningRate", { hyperparameters: { learningRate: FLOAT32_MAX } }],
    ["tiny learningRateMultiplier", { hyperparameters: { learningRateMultiplier: 1e-40 } }],
    ["temperature 0 and topP 1", { temperature: 0, topP: 1 }],
    ["40 emoji as display name", { displayName: "🙂".repeat(40) }],
    ["the largest int64 project number", { readerProjectNumbers: ["9223372036854775807"] }],
    ["a project number as a number", { readerProjectNumbers: [123456789012] }],
    ["a create timeout of 1000h", { timeouts: { create: "1000h" } }],
    ["a create timeout of 8760h", { timeouts: { create: "8760h" } }],
    ["an https baseUrl with a port and path", { baseUrl: "https://localhost:8443/root" }],
  ])("accepts %s", (_what, overrides) => {
    expect(geminiFailures(overrides)).toEqual([]);
  });

  it.each([
    [{ hyperparameters: { epochCount: INT32_MAX + 1 } }, "hyperparameters.epochCount", /at most 2147483647/],
    [{ hyperparameters: { batchSize: 2 ** 40 } }, "hyperparameters.batchSize", /at most 2147483647/],
    [{ topK: INT32_MAX + 1 }, "topK", /at most 2147483647/],
    [{ hyperparameters: { learningRate: 1e39 } }, "hyperparameters.learningRate", /at most 3\.4028234663852886e\+38/],
    [{ hyperparameters: { learningRateMultiplier: 1e-50 } }, "hyperparameters.learningRateMultiplier", /would reach the service as 0/],
    [{ displayName: "🙂".repeat(41) }, "displayName", /at most 40 characters/],
    [{ readerProjectNumbers: ["9223372036854775808"] }, "readerProjectNumbers[0]", /at most 9223372036854775807/],
    [{ readerProjectNumbers: [2 ** 60] }, "readerProjectNumbers[0]", /give the project number as a string/],
    [{ timeouts: { create: "8761h" } }, "timeouts.create", /at most "8760h"/],
    [{ timeouts: { delete: 1e308 } }, "timeouts.delete", /must be a duration/],
    [{ timeouts: { update: "99999999999999999999h" } }, "timeouts.update", /at most "8760h"/],
  ])("refuses %j at %s", (overrides, property, reason) => {
    const found = geminiFailures(overrides);
    expect(found).toEqual([{ property, reason: expect.stringMatching(reason) }]);
  });

  it.each([`http://user:${SECRET}@localhost:1234`, `https://${SECRET}@generativelanguage.googleapis.com`, `http://:${SECRET}@127.0.0.1`])(
    "refuses credentials in baseUrl %s without repeating them",
    (baseUrl) => {
      const found = geminiFailures({ baseUrl });
      expect(found).toEqual([{ property: "baseUrl", reason: expect.stringMatching(/must not carry a user name or password/) }]);
      expect(JSON.stringify(found)).not.toContain(SECRET);
    },
  );

  it("refuses credentials in gemini:baseUrl and GEMINI_BASE_URL without repeating them", async () => {
    await configureProvider({ config: { get: (key: string) => (key === "gemini:baseUrl" ? `http://user:${SECRET}@localhost:1` : undefined) } });
    try {
      const found = geminiFailures({});
      expect(found).toEqual([{ property: "baseUrl", reason: expect.stringMatching(/^stack config gemini:baseUrl must not carry a user name or password/) }]);
      expect(JSON.stringify(found)).not.toContain(SECRET);
    } finally {
      await configureProvider({ config: { get: () => undefined } });
    }
    const before = process.env.GEMINI_BASE_URL;
    process.env.GEMINI_BASE_URL = `http://user:${SECRET}@localhost:1`;
    try {
      const found = geminiFailures({});
      expect(found).toEqual([{ property: "baseUrl", reason: expect.stringMatching(/^environment variable GEMINI_BASE_URL must not carry/) }]);
      expect(JSON.stringify(found)).not.toContain(SECRET);
    } finally {
      if (before === undefined) delete process.env.GEMINI_BASE_URL;
      else process.env.GEMINI_BASE_URL = before;
    }
  });
});

describe("API keys", () => {
  const KEY = fakeGoogleApiKey();
  it("accepts a key with a trailing newline and refuses blank or multi-line keys without repeating them", async () => {
    expect(geminiFailures({ apiKey: `${KEY}\n` })).toEqual([]);
    expect(geminiFailures({ apiKey: " \n" })).toEqual([{ property: "apiKey", reason: "must not be empty" }]);
    const multiLine = geminiFailures({ apiKey: `${KEY}\nsecond-line` });
    expect(multiLine).toEqual([{ property: "apiKey", reason: expect.stringMatching(/printable ASCII/) }]);
    expect(await permissionFailures({ apiKey: `${KEY} x` })).toEqual([{ property: "apiKey", reason: expect.stringMatching(/printable ASCII/) }]);
    expect(JSON.stringify(multiLine)).not.toContain(KEY);
  });

  it("checks gemini:apiKey and GEMINI_API_KEY too: a blank one would fall back to other credentials silently", async () => {
    await configureProvider({ config: { get: (key: string) => (key === "gemini:apiKey" ? "   " : undefined) } });
    try {
      expect(geminiFailures({})).toEqual([{ property: "apiKey", reason: "stack config gemini:apiKey must not be empty" }]);
    } finally {
      await configureProvider({ config: { get: () => undefined } });
    }
    const before = process.env.GEMINI_API_KEY;
    process.env.GEMINI_API_KEY = `${KEY}\r\nx`;
    try {
      const found = geminiFailures({});
      expect(found).toEqual([{ property: "apiKey", reason: expect.stringMatching(/^environment variable GEMINI_API_KEY must be one word/) }]);
      expect(JSON.stringify(found)).not.toContain(KEY);
      expect(geminiFailures({ apiKey: KEY })).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.GEMINI_API_KEY;
      else process.env.GEMINI_API_KEY = before;
    }
  });
});

describe("getTunedModel", () => {
  it("refuses a baseUrl with credentials before any request, without repeating them", async () => {
    const error = (await getTunedModel("some-model", { apiKey: "test-key-123456", baseUrl: `http://user:${SECRET}@127.0.0.1:9` }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/getTunedModel\(tunedModels\/some-model\): the service root .* must not carry a user name or password/);
    expect(error.message).not.toContain(SECRET);
  });
});

describe("TunedModelPermission connection settings", () => {
  it("refuses credentials in baseUrl and accepts a plain URL", async () => {
    const found = await permissionFailures({ baseUrl: `http://user:${SECRET}@localhost:1` });
    expect(found).toEqual([{ property: "baseUrl", reason: expect.stringMatching(/must not carry a user name or password/) }]);
    expect(JSON.stringify(found)).not.toContain(SECRET);
    expect(await permissionFailures({ baseUrl: "http://localhost:1" })).toEqual([]);
  });
});

describe("VertexTunedModel arguments at their bounds", () => {
  it.each([
    ["epochCount beyond int32", { hyperparameters: { epochCount: 2 ** 40 } }],
    ["the largest exact epochCount", { hyperparameters: { epochCount: Number.MAX_SAFE_INTEGER } }],
    ["a large learningRateMultiplier (a double)", { hyperparameters: { learningRateMultiplier: 1e300 } }],
    ["labels of 64 characters", { labels: { [`k${"a".repeat(63)}`]: "v".repeat(64) } }],
    ["128 emoji as display name", { tunedModelDisplayName: "🙂".repeat(128) }],
    ["a create timeout of 1000h", { timeouts: { create: "1000h" } }],
  ])("accepts %s", (_what, overrides) => {
    expect(vertexFailures(overrides)).toEqual([]);
  });

  it.each([
    [{ hyperparameters: { epochCount: 2 ** 60 } }, "hyperparameters.epochCount", /at most 9007199254740991/],
    [{ labels: { [`k${"a".repeat(64)}`]: "v" } }, "labels", /at most 64/],
    [{ labels: { team: "v".repeat(65) } }, "labels.team", /at most 64/],
    [{ tunedModelDisplayName: "🙂".repeat(129) }, "tunedModelDisplayName", /at most 128 characters/],
    [{ timeouts: { delete: "9000h" } }, "timeouts.delete", /at most "8760h"/],
  ])("refuses %j at %s", (overrides, property, reason) => {
    const found = vertexFailures(overrides);
    expect(found).toEqual([{ property: expect.stringContaining(property), reason: expect.stringMatching(reason) }]);
  });

  it("refuses credentials in baseUrl, gemini:vertexBaseUrl and GOOGLE_VERTEX_BASE_URL without repeating them", async () => {
    const fromArgument = vertexFailures({ baseUrl: `https://user:${SECRET}@us-central1-aiplatform.googleapis.com` });
    expect(fromArgument).toEqual([{ property: "baseUrl", reason: expect.stringMatching(/must not carry a user name or password/) }]);
    const fromEnv = checkVertexTunedModel(vertex, { GOOGLE_VERTEX_BASE_URL: `http://user:${SECRET}@localhost:1` }).failures;
    expect(fromEnv).toEqual([{ property: "baseUrl", reason: expect.stringMatching(/GOOGLE_VERTEX_BASE_URL\) must not carry a user name or password/) }]);
    await configureProvider({ config: { get: (key: string) => (key === "gemini:vertexBaseUrl" ? `http://user:${SECRET}@localhost:1` : undefined) } });
    try {
      expect(vertexFailures({})).toEqual([{ property: "baseUrl", reason: expect.stringMatching(/must not carry a user name or password/) }]);
    } finally {
      await configureProvider({ config: { get: () => undefined } });
    }
    expect(JSON.stringify([fromArgument, fromEnv])).not.toContain(SECRET);
  });
});

describe("durations", () => {
  it("keeps the documented maximum and rejects non-finite numbers of seconds", () => {
    expect(parseDuration("8760h")).toBe(MAX_DURATION_MS);
    expect(parseDuration(1e308)).toBeUndefined();
  });
});
