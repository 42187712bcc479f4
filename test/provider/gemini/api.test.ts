import { GoogleApiClient, GoogleApiError, isAlreadyExists } from "../../../provider/client";
import { apiKeyAuthorizer } from "../../../provider/auth";
import { GeminiApi } from "../../../provider/gemini/api";
import { operationProgress, waitForTuningOperation } from "../../../provider/gemini/operationPoller";
import type { TuningOperation } from "../../../provider/gemini/wire";
import type { CreateTunedModelBody } from "../../../provider/gemini/wire";
import { WaitFailedError } from "../../../provider/waiter";
import { startEmulator, type EmulatorHandle } from "../../../emulator";

const SEED: Array<[string, string]> = [
  ["1", "2"], ["3", "4"], ["-3", "-2"], ["twenty two", "twenty three"], ["two hundred", "two hundred one"],
  ["ninety nine", "one hundred"], ["8", "9"], ["-98", "-97"], ["1,000", "1,001"], ["10,100,000", "10,100,001"],
  ["thirteen", "fourteen"], ["eighty", "eighty one"], ["one", "two"], ["three", "four"], ["seven", "eight"],
];

function body(overrides: Partial<CreateTunedModelBody> = {}): CreateTunedModelBody {
  return {
    displayName: "number generator",
    baseModel: "models/gemini-1.5-flash-001-tuning",
    tuningTask: {
      hyperparameters: { epochCount: 5, batchSize: 2, learningRate: 0.001 },
      trainingData: { examples: { examples: SEED.map(([textInput, output]) => ({ textInput, output })) } },
    },
    ...overrides,
  };
}

describe("GeminiApi against the emulator", () => {
  let emulator: EmulatorHandle;
  let api: GeminiApi;
  beforeAll(async () => {
    emulator = await startEmulator({ stepMs: 10 });
    api = new GeminiApi(new GoogleApiClient(emulator.url, { authorizer: apiKeyAuthorizer("test-key-123456"), retry: { initialDelayMs: 5 }, project: "quota-project" }));
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.control.clearFaults();
    emulator.control.clearRequests();
  });

  test("create → poll → get → patch with a mask → list → generate → delete (absent the second time)", async () => {
    const operation = await api.createTunedModel(body(), "number-generator-abc12");
    expect(operation.name).toMatch(/^tunedModels\/number-generator-abc12\/operations\/[a-z0-9]+$/);
    expect(operation.done).toBeUndefined();
    expect(operationProgress(operation)).toMatchObject({ totalSteps: 38, completedSteps: 0, tunedModel: "tunedModels/number-generator-abc12" });

    const done = await waitForTuningOperation({ poll: (signal) => api.getOperation(operation.name, signal), timeoutMs: 30_000 });
    expect(done.done).toBe(true);
    expect(done.response?.name).toBe("tunedModels/number-generator-abc12");

    const model = await api.getTunedModel("tunedModels/number-generator-abc12");
    expect(model).toMatchObject({
      name: "tunedModels/number-generator-abc12",
      state: "ACTIVE",
      displayName: "number generator",
      baseModel: "models/gemini-1.5-flash-001-tuning",
      tuningTask: { hyperparameters: { epochCount: 5, batchSize: 2, learningRate: 0.001 } },
    });
    expect(model?.tuningTask?.snapshots).toHaveLength(38);
    expect(model?.tuningTask?.trainingData).toBeUndefined();

    const patched = await api.updateTunedModel(
      "tunedModels/number-generator-abc12",
      { displayName: "renamed", description: "counts up", temperature: 0.3 },
      ["displayName", "description"],
    );
    expect(patched).toMatchObject({ displayName: "renamed", description: "counts up" });
    expect(patched.temperature).not.toBe(0.3);
    const patch = emulator.control.requests().find((r) => r.route === "tunedModels.patch");
    expect(patch?.updateMask).toEqual(["displayName", "description"]);
    expect(patch?.userProject).toBe("quota-project");
    expect(patch?.authKind).toBe("apiKey");

    const listed = await api.listTunedModels();
    expect(listed.map((m) => m.name)).toContain("tunedModels/number-generator-abc12");
    expect(await api.listTunedModels("renamed")).toHaveLength(1);

    const operations = await api.listOperations("tunedModels/number-generator-abc12");
    expect(operations).toHaveLength(1);
    expect(operations[0]).toMatchObject({ name: operation.name, done: true });

    await expect(api.generateText("tunedModels/number-generator-abc12", "LXIII")).resolves.toEqual(expect.any(String));

    await expect(api.deleteTunedModel("tunedModels/number-generator-abc12")).resolves.toBe("deleted");
    await expect(api.deleteTunedModel("tunedModels/number-generator-abc12")).resolves.toBe("absent");
    await expect(api.getTunedModel("tunedModels/number-generator-abc12")).resolves.toBeUndefined();
  });

  test("readerProjectNumbers go out and come back as strings", async () => {
    await api.createTunedModel(body({ readerProjectNumbers: ["123456789012"] }), "readers-1");
    const model = await api.updateTunedModel("tunedModels/readers-1", { readerProjectNumbers: ["123456789012", "210987654321"] }, ["readerProjectNumbers"]);
    expect(model.readerProjectNumbers).toEqual(["123456789012", "210987654321"]);
    await api.deleteTunedModel("tunedModels/readers-1");
  });

  test("a second create with the same id answers ALREADY_EXISTS", async () => {
    await api.createTunedModel(body(), "duplicate-1");
    const error = await api.createTunedModel(body(), "duplicate-1").catch((e: unknown) => e);
    expect(isAlreadyExists(error)).toBe(true);
    expect((error as Error).message).toMatch(/^tunedModels\.create tunedModels\/duplicate-1 failed: HTTP 409 ALREADY_EXISTS: /);
    await api.deleteTunedModel("tunedModels/duplicate-1");
  });

  test("a create whose answer was lost is retried and the retry finds the model it made", async () => {
    emulator.control.addFault({ route: "tunedModels.create", status: 503, count: 1, phase: "after" });
    const error = await api.createTunedModel(body(), "lost-answer-1").catch((e: unknown) => e);
    // The first attempt did create the model; the retry learns so, and the caller adopts it.
    expect(isAlreadyExists(error)).toBe(true);
    expect(emulator.control.requests().filter((r) => r.route === "tunedModels.create").map((r) => r.status)).toEqual([503, 409]);
    expect(emulator.control.jobsCreated()).toBeGreaterThan(0);
    await expect(api.getTunedModel("tunedModels/lost-answer-1")).resolves.toMatchObject({ name: "tunedModels/lost-answer-1" });
    await api.deleteTunedModel("tunedModels/lost-answer-1");
  });

  test("reads ride out 429 (with Retry-After), 500, 503 and dropped connections", async () => {
    await api.createTunedModel(body(), "flaky-1");
    emulator.control.addFault({ route: "tunedModels.get", status: 429, count: 1, retryAfterSeconds: 1 });
    emulator.control.addFault({ route: "tunedModels.get", status: 500, count: 1 });
    emulator.control.addFault({ route: "tunedModels.get", status: 503, count: 1 });
    emulator.control.addFault({ route: "tunedModels.get", drop: true, count: 1 });
    const started = Date.now();
    await expect(api.getTunedModel("tunedModels/flaky-1")).resolves.toMatchObject({ name: "tunedModels/flaky-1" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(emulator.control.requests().filter((r) => r.route === "tunedModels.get").map((r) => r.status)).toEqual([429, 500, 503, 0, 200]);
    await api.deleteTunedModel("tunedModels/flaky-1");
  });

  test("operations fall back to v1 when v1beta says 404", async () => {
    const api = new GeminiApi(new GoogleApiClient(emulator.url, { authorizer: apiKeyAuthorizer("test-key-123456") }));
    const operation = await api.createTunedModel(body(), "fallback-1");
    emulator.control.addFault({ pathPattern: "^/v1beta/tunedModels/fallback-1/operations/", status: 404, count: 1 });
    await expect(api.getOperation(operation.name)).resolves.toMatchObject({ name: operation.name });
    await expect(api.getOperation(operation.name)).resolves.toMatchObject({ name: operation.name });
    // Having learnt that, later polls go to v1 directly.
    expect(emulator.control.requests().filter((r) => r.route === "operations.get").map((r) => r.path)).toEqual([
      `/v1beta/${operation.name}`,
      `/v1/${operation.name}`,
      `/v1/${operation.name}`,
    ]);
    await api.deleteTunedModel("tunedModels/fallback-1");
  });

  test("a job that fails reports the service's code and message through the waiter", async () => {
    emulator.control.failJob({ tunedModelId: "failing-1", atStep: 3, code: 13, message: "Tuning failed: loss diverged." });
    const operation = await api.createTunedModel(body(), "failing-1");
    const error = (await waitForTuningOperation({ poll: (signal) => api.getOperation(operation.name, signal), timeoutMs: 30_000 }).catch((e: unknown) => e)) as WaitFailedError<TuningOperation>;
    expect(error).toBeInstanceOf(WaitFailedError);
    expect(error.reason).toBe("INTERNAL (code 13): Tuning failed: loss diverged.");
    expect(error.lastObserved?.error).toMatchObject({ code: 13, message: "Tuning failed: loss diverged." });
    await expect(api.getTunedModel("tunedModels/failing-1")).resolves.toMatchObject({ state: "FAILED" });
    await api.deleteTunedModel("tunedModels/failing-1");
  });

  test("permissions: create, get, list, change role, delete (absent the second time)", async () => {
    await api.createTunedModel(body(), "shared-1");
    const permission = await api.createPermission("tunedModels/shared-1", { granteeType: "USER", emailAddress: "reader@example.com", role: "READER" });
    expect(permission.name).toMatch(/^tunedModels\/shared-1\/permissions\/[^/]+$/);
    expect(permission).toMatchObject({ granteeType: "USER", emailAddress: "reader@example.com", role: "READER" });
    await expect(api.getPermission(permission.name)).resolves.toMatchObject({ role: "READER" });
    expect((await api.listPermissions("tunedModels/shared-1")).map((p) => p.name)).toContain(permission.name);
    await expect(api.updatePermissionRole(permission.name, "WRITER")).resolves.toMatchObject({ role: "WRITER" });
    expect(emulator.control.requests().find((r) => r.route === "permissions.patch")?.updateMask).toEqual(["role"]);
    await expect(api.deletePermission(permission.name)).resolves.toBe("deleted");
    await expect(api.deletePermission(permission.name)).resolves.toBe("absent");
    await expect(api.getPermission(permission.name)).resolves.toBeUndefined();

    const everyone = await api.createPermission("tunedModels/shared-1", { granteeType: "EVERYONE", role: "READER" });
    expect(everyone.emailAddress).toBeUndefined();
    await api.deleteTunedModel("tunedModels/shared-1");
  });

  test("errors from the service name the call and carry Google's status", async () => {
    const error = (await api.updateTunedModel("tunedModels/nope-1", { description: "x" }, ["description"]).catch((e: unknown) => e)) as GoogleApiError;
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error).toMatchObject({ httpStatus: 404, status: "NOT_FOUND", method: "tunedModels.patch", resource: "tunedModels/nope-1" });
    await expect(api.updateTunedModel("tunedModels/x", {}, ["baseModel"])).rejects.toThrow(/cannot update baseModel in place/);
  });
});
