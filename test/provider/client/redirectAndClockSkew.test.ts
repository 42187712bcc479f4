// Two answers that are not transient failures: a redirect (a wrong service root, answered at once and
// named) and a Retry-After date from a server whose clock runs ahead (read against the answer's Date).
import { z } from "zod";
import { apiKeyAuthorizer } from "../../../provider/auth";
import { ApiRedirectError, GoogleApiClient, retryAfterMs, type ApiCall } from "../../../provider/client";
import { googleError, startScriptedServer, type ScriptedReply, type ScriptedServer } from "./scriptedServer";
import { fakeGoogleApiKey } from "../../fixtures/fakeApiKey";

/** A key-shaped value in the redirect target, made per run: it must not reach the error message. */
const redirectKey = fakeGoogleApiKey();

const Thing = z.looseObject({ name: z.string() });
const ok: ScriptedReply = { status: 200, body: { name: "tunedModels/x" } };
const get: ApiCall<z.infer<typeof Thing>> = { httpMethod: "GET", path: "v1beta/tunedModels/x", schema: Thing, method: "tunedModels.get", resource: "tunedModels/x" };
const post: ApiCall<z.infer<typeof Thing>> = { ...get, httpMethod: "POST", method: "tunedModels.create", body: { displayName: "x" } };

describe("GoogleApiClient: redirects and a server clock ahead of ours", () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test.each([301, 302, 307, 308])("HTTP %i fails at once, naming where it points without its credentials", async (status) => {
    server = await startScriptedServer([{ status, headers: { location: `https://user:s3cret-pass@generativelanguage.googleapis.com/v1beta/tunedModels/x?key=${redirectKey}` } }]);
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456"), retry: { initialDelayMs: 5 } });
    for (const call of [get, post]) {
      const error = await client.request(call).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiRedirectError);
      const redirect = error as ApiRedirectError;
      expect(redirect.retryable).toBe(false);
      expect(redirect.attempts).toBe(1);
      expect(redirect.message).toMatch(new RegExp(`HTTP ${status} redirect to https://generativelanguage\\.googleapis\\.com/v1beta/tunedModels/x`));
      expect(redirect.message).toMatch(/set baseUrl/);
      expect(redirect.message).not.toContain("s3cret-pass");
      expect(redirect.message).not.toContain(redirectKey);
    }
    expect(server.requests).toHaveLength(2);
  });

  test("a relative Location is resolved against the service root", async () => {
    server = await startScriptedServer([{ status: 301, headers: { location: "/elsewhere/" } }]);
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456") });
    await expect(client.request(get)).rejects.toMatchObject({ location: `${server.url}/elsewhere/` });
  });

  test("a key fetch refuses as a header value is not quoted in the error", async () => {
    server = await startScriptedServer([ok]);
    const keyHead = fakeGoogleApiKey();
    const key = `${keyHead}\nx`;
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer(key) });
    const error = (await client.request(get).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/invalid header value/);
    expect(error.message).not.toContain(keyHead);
    expect(server.requests).toHaveLength(0);
  });

  test("Retry-After as a date is read against the answer's Date header", async () => {
    const serverNow = Date.now() + 3_600_000;
    const skewed = { "retry-after": new Date(serverNow + 1000).toUTCString(), date: new Date(serverNow).toUTCString() };
    server = await startScriptedServer([{ ...googleError(503, "UNAVAILABLE", "busy"), headers: skewed }, ok]);
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456"), retry: { initialDelayMs: 5, maxDelayMs: 5000 } });
    await expect(client.request(get)).resolves.toMatchObject({ name: "tunedModels/x" });
    const [first, second] = server.requests;
    // Whole seconds on the wire: the wait is the server's 1 s, give or take its Date's rounding.
    expect(second.at - first.at).toBeGreaterThanOrEqual(0);
    expect(second.at - first.at).toBeLessThan(3000);
  });

  test("retryAfterMs: the Date header when it parses, the local clock otherwise", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs("Thu, 01 Jan 2026 01:00:05 GMT", now, "Thu, 01 Jan 2026 01:00:00 GMT")).toBe(5000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:05 GMT", now, "not a date")).toBe(5000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:05 GMT", now, null)).toBe(5000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:59:00 GMT", now, "Thu, 01 Jan 2026 01:00:00 GMT")).toBe(0);
    expect(retryAfterMs("7", now, "Thu, 01 Jan 2026 01:00:00 GMT")).toBe(7000);
  });
});
