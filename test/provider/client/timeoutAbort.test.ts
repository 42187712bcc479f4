import { apiKeyAuthorizer } from "../../../provider/auth";
import { z } from "zod";
import { ApiCallAbortedError, ApiTransportError, GoogleApiClient, isAbortError, type ApiCall } from "../../../provider/client";
import { googleError, startScriptedServer, type ScriptedServer } from "./scriptedServer";

const Thing = z.looseObject({ name: z.string() });
const call: ApiCall<z.infer<typeof Thing>> = {
  httpMethod: "GET",
  path: "v1beta/tunedModels/x",
  schema: Thing,
  method: "tunedModels.get",
  resource: "tunedModels/x",
};

describe("GoogleApiClient timeouts and aborts", () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test("a request that gets no answer times out per attempt and is retried", async () => {
    server = await startScriptedServer(["hang", { status: 200, body: { name: "tunedModels/x" } }]);
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456"), requestTimeoutMs: 200, retry: { initialDelayMs: 1 } });
    const started = Date.now();
    await expect(client.request(call)).resolves.toMatchObject({ name: "tunedModels/x" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(server.requests).toHaveLength(2);
  });

  test("timeouts on every attempt end in a timeout error", async () => {
    server = await startScriptedServer(["hang"]);
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456"), requestTimeoutMs: 100, retry: { initialDelayMs: 1, maxAttempts: 2 } });
    const error = (await client.request(call).catch((e: unknown) => e)) as ApiTransportError;
    expect(error).toBeInstanceOf(ApiTransportError);
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/^tunedModels\.get tunedModels\/x failed: no answer within the request timeout/);
  });

  test("an abort during a request stops at once, without retry", async () => {
    server = await startScriptedServer(["hang"]);
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456"), requestTimeoutMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await client.request({ ...call, signal: controller.signal }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(ApiCallAbortedError);
    expect(isAbortError(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  test("an abort during the backoff wait stops at once", async () => {
    server = await startScriptedServer([{ ...googleError(503, "UNAVAILABLE", "busy"), headers: { "retry-after": "5" } }]);
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456") });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("deploy interrupted")), 150);
    const started = Date.now();
    const error = (await client.request({ ...call, signal: controller.signal }).catch((e: unknown) => e)) as Error;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(ApiCallAbortedError);
    expect(error.message).toBe("tunedModels.get tunedModels/x was aborted: deploy interrupted");
    expect(server.requests).toHaveLength(1);
  });

  test("an already aborted signal sends nothing", async () => {
    server = await startScriptedServer([{ status: 200, body: { name: "tunedModels/x" } }]);
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456") });
    await expect(client.request({ ...call, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(ApiCallAbortedError);
    expect(server.requests).toHaveLength(0);
  });
});
