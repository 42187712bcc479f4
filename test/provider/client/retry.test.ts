import { apiKeyAuthorizer } from "../../../provider/auth";
import { z } from "zod";
import { ApiTransportError, GoogleApiClient, GoogleApiError, type ApiCall } from "../../../provider/client";
import { googleError, startScriptedServer, type ScriptedReply, type ScriptedServer } from "./scriptedServer";

const Thing = z.looseObject({ name: z.string() });
const ok: ScriptedReply = { status: 200, body: { name: "tunedModels/x" } };
const fastRetries = { initialDelayMs: 5, maxDelayMs: 2000, maxAttempts: 4 };

function get(overrides: Partial<ApiCall<z.infer<typeof Thing>>> = {}): ApiCall<z.infer<typeof Thing>> {
  return { httpMethod: "GET", path: "v1beta/tunedModels/x", schema: Thing, method: "tunedModels.get", resource: "tunedModels/x", ...overrides };
}

describe("GoogleApiClient retries", () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function clientFor(script: ScriptedReply[]) {
    server = await startScriptedServer(script);
    return new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456"), retry: fastRetries });
  }

  test.each([500, 502, 503, 504])("retries HTTP %i and then succeeds", async (status) => {
    const client = await clientFor([googleError(status, "UNAVAILABLE", "try again"), ok]);
    await expect(client.request(get())).resolves.toMatchObject({ name: "tunedModels/x" });
    expect(server!.requests).toHaveLength(2);
  });

  test("429 with Retry-After in seconds waits that long", async () => {
    const client = await clientFor([{ ...googleError(429, "RESOURCE_EXHAUSTED", "quota"), headers: { "retry-after": "1" } }, ok]);
    await client.request(get());
    const [first, second] = server!.requests;
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
  });

  test("429 with Retry-After as an HTTP date waits until then", async () => {
    const at = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000).toUTCString();
    server = await startScriptedServer([{ ...googleError(429, "RESOURCE_EXHAUSTED", "quota"), headers: { "retry-after": at } }, ok]);
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456"), retry: { ...fastRetries, maxDelayMs: 5000 } });
    await client.request(get());
    expect(server!.requests[1].at).toBeGreaterThanOrEqual(Date.parse(at) - 50);
  });

  test("429 with google.rpc.RetryInfo waits the retryDelay", async () => {
    const retryInfo = { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "0.4s" };
    const client = await clientFor([googleError(429, "RESOURCE_EXHAUSTED", "quota", [retryInfo]), ok]);
    await client.request(get());
    const [first, second] = server!.requests;
    expect(second.at - first.at).toBeGreaterThanOrEqual(380);
  });

  test("a dropped connection is retried", async () => {
    const client = await clientFor(["drop", "drop", ok]);
    await expect(client.request(get())).resolves.toMatchObject({ name: "tunedModels/x" });
    expect(server!.requests).toHaveLength(3);
  });

  test("a refused connection is retried and reported with its code", async () => {
    const closed = await startScriptedServer([ok]);
    const url = closed.url;
    await closed.close();
    const client = new GoogleApiClient(url, { authorizer: apiKeyAuthorizer("test-key-123456"), retry: { ...fastRetries, maxAttempts: 2 } });
    const error = await client.request(get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiTransportError);
    expect((error as ApiTransportError).code).toBe("ECONNREFUSED");
    expect((error as ApiTransportError).attempts).toBe(2);
    expect((error as Error).message).toMatch(/^tunedModels\.get tunedModels\/x failed: connection failed: .*gave up after 2 attempts/);
  });

  test.each([
    [400, "INVALID_ARGUMENT"],
    [404, "NOT_FOUND"],
    [403, "PERMISSION_DENIED"],
    [409, "ALREADY_EXISTS"],
  ])("HTTP %i is not retried", async (status, name) => {
    const client = await clientFor([googleError(status, name, "no"), ok]);
    const error = await client.request(get()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiError);
    expect((error as GoogleApiError).httpStatus).toBe(status);
    expect((error as GoogleApiError).attempts).toBe(1);
    expect(server!.requests).toHaveLength(1);
  });

  test("gives up after maxAttempts and says so", async () => {
    const client = await clientFor([googleError(503, "UNAVAILABLE", "overloaded")]);
    const error = (await client.request(get()).catch((e: unknown) => e)) as GoogleApiError;
    expect(error.attempts).toBe(4);
    expect(server!.requests).toHaveLength(4);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("gave up after 4 attempts");
  });

  test("a Retry-After beyond maxDelayMs stops retrying instead of waiting", async () => {
    const client = await clientFor([{ ...googleError(429, "RESOURCE_EXHAUSTED", "quota"), headers: { "retry-after": "120" } }, ok]);
    const started = Date.now();
    const error = (await client.request(get()).catch((e: unknown) => e)) as GoogleApiError;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.status).toBe("RESOURCE_EXHAUSTED");
    expect(error.message).toContain("server asked to retry after 120 s");
  });

  test("the total retry budget bounds the whole call", async () => {
    server = await startScriptedServer([googleError(503, "UNAVAILABLE", "overloaded")]);
    const client = new GoogleApiClient(
      server.url,
      { authorizer: apiKeyAuthorizer("test-key-123456"), retry: { initialDelayMs: 200, multiplier: 1, maxAttempts: 100, totalTimeoutMs: 700 }, random: () => 1 },
    );
    const error = (await client.request(get()).catch((e: unknown) => e)) as GoogleApiError;
    expect(server.requests.length).toBeGreaterThanOrEqual(3);
    expect(server.requests.length).toBeLessThanOrEqual(4);
    expect(error.message).toContain("retry budget");
  });

  test("POST is by default only retried when the server provably did not act", async () => {
    const client = await clientFor([googleError(500, "INTERNAL", "boom"), ok]);
    const error = await client.request(get({ httpMethod: "POST", body: {} })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(server!.requests).toHaveLength(1);

    await server!.close();
    const again = await clientFor([googleError(429, "RESOURCE_EXHAUSTED", "quota"), ok]);
    await expect(again.request(get({ httpMethod: "POST", body: {} }))).resolves.toBeDefined();
    expect(server!.requests).toHaveLength(2);
  });

  test("retry 'safe' lets a POST (idempotent create) retry a 503 and a dropped connection", async () => {
    const client = await clientFor([googleError(503, "UNAVAILABLE", "x"), "drop", ok]);
    await expect(client.request(get({ httpMethod: "POST", body: {}, retry: "safe" }))).resolves.toBeDefined();
    expect(server!.requests).toHaveLength(3);
  });

  test("retry 'never' makes one attempt", async () => {
    const client = await clientFor([googleError(503, "UNAVAILABLE", "x"), ok]);
    await expect(client.request(get({ retry: "never" }))).rejects.toBeInstanceOf(GoogleApiError);
    expect(server!.requests).toHaveLength(1);
  });
  test("a URL scheme fetch cannot speak fails at once, naming the scheme, without retries", async () => {
    const client = new GoogleApiClient("ftp://files.example.test", { authorizer: apiKeyAuthorizer("test-key-123456"), retry: fastRetries });
    const started = Date.now();
    const error = await client.request(get()).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApiTransportError);
    expect((error as Error).message).toMatch(/tunedModels\.get tunedModels\/x failed: .*unknown scheme/);
    expect((error as Error).message).not.toMatch(/attempts/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
