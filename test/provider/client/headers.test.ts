import { apiKeyAuthorizer } from "../../../provider/auth";
import { z } from "zod";
import { GoogleApiClient } from "../../../provider/client";
import type { RequestAuthorizer } from "../../../provider/auth";
import { startScriptedServer, type ScriptedServer } from "./scriptedServer";

const Any = z.looseObject({});

describe("GoogleApiClient request shape", () => {
  let server: ScriptedServer;
  beforeEach(async () => {
    server = await startScriptedServer([{ status: 200, body: {} }]);
  });
  afterEach(() => server.close());

  test("sends the API key header, JSON body, path and query; no quota project unless configured", async () => {
    const client = new GoogleApiClient(`${server.url}/`, { authorizer: apiKeyAuthorizer("test-key-123456") });
    expect(client.authKind).toBe("apiKey");
    await client.request({
      httpMethod: "PATCH",
      path: "v1beta/tunedModels/abc",
      query: { updateMask: "displayName,description", skipped: undefined },
      body: { displayName: "n" },
      schema: Any,
      method: "tunedModels.patch",
      resource: "tunedModels/abc",
    });
    const [request] = server.requests;
    expect(request.method).toBe("PATCH");
    expect(request.path).toBe("/v1beta/tunedModels/abc");
    expect(request.query.get("updateMask")).toBe("displayName,description");
    expect(request.query.has("skipped")).toBe(false);
    expect(request.query.has("key")).toBe(false);
    expect(request.headers["x-goog-api-key"]).toBe("test-key-123456");
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers["x-goog-user-project"]).toBeUndefined();
    expect(request.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(request.body)).toEqual({ displayName: "n" });
  });

  test("sends x-goog-user-project when a project is configured", async () => {
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456"), project: "my-quota-project" });
    await client.request({ httpMethod: "GET", path: "v1beta/tunedModels", schema: Any, method: "tunedModels.list", resource: "tunedModels" });
    expect(server.requests[0].headers["x-goog-user-project"]).toBe("my-quota-project");
  });

  test("keeps ':' of custom methods literal in the path", async () => {
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer("test-key-123456") });
    await client.request({ httpMethod: "POST", path: "v1beta/tunedModels/abc:generateContent", body: {}, schema: Any, method: "g", resource: "r" });
    expect(server.requests[0].path).toBe("/v1beta/tunedModels/abc:generateContent");
  });

  test("asks the authorizer for headers on every attempt", async () => {
    await server.close();
    server = await startScriptedServer([{ status: 503, body: {} }, { status: 200, body: {} }]);
    let calls = 0;
    const authorizer: RequestAuthorizer = {
      kind: "adc",
      headers: async () => ({ authorization: `Bearer token-number-${++calls}` }),
    };
    const client = new GoogleApiClient(server.url, { authorizer, retry: { initialDelayMs: 1 } });
    await client.request({ httpMethod: "GET", path: "v1beta/tunedModels", schema: Any, method: "tunedModels.list", resource: "tunedModels" });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer token-number-1", "Bearer token-number-2"]);
    expect(server.requests[0].headers["x-goog-api-key"]).toBeUndefined();
  });
});
