/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * Authentication: permissive and strict modes, the errors Google answers (400 API_KEY_INVALID, 401, 403),
 * the OAuth token endpoint driven by google-auth-library, recorded facts (auth kind, user project) and the
 * guarantee that keys and tokens never reach records or logs.
 */
import { generateKeyPairSync } from "node:crypto";
import { JWT, UserRefreshClient } from "google-auth-library";
import { EmulatorHandle } from "../../emulator";
import { Api, apiFor, createBody, createModel, start } from "./helpers";

const TUNING = "https://www.googleapis.com/auth/generative-language.tuning";
const TUNING_READONLY = "https://www.googleapis.com/auth/generative-language.tuning.readonly";
const CLOUD = "https://www.googleapis.com/auth/cloud-platform";
const SERVICE_ACCOUNT = "tuner@my-project.iam.gserviceaccount.com";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/**
 * gaxios loads node-fetch with a dynamic import, which jest's module sandbox cannot run; the clients are handed
 * Node's own fetch instead. The requests they build (form bodies, headers) are unchanged.
 */
const transporterOptions = { fetchImplementation: fetch };

/** A service-account JWT client whose token requests go to the emulator instead of oauth2.googleapis.com. */
function serviceAccountClient(emulatorUrl: string, scopes: string[]): JWT {
  const jwt = new JWT({ email: SERVICE_ACCOUNT, key: privateKey, scopes, transporterOptions });
  jwt.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (String(options.url).startsWith("https://oauth2.googleapis.com/token")) {
        options.url = new URL(`${emulatorUrl}/emulator/oauth2/token`);
      }
      return options;
    },
  });
  return jwt;
}

async function tokenFor(emulatorUrl: string, scopes: string[]): Promise<string> {
  const { token } = await serviceAccountClient(emulatorUrl, scopes).getAccessToken();
  if (!token) throw new Error("no token");
  return token;
}

describe("permissive mode (default)", () => {
  let emu: EmulatorHandle;
  let api: Api;
  const lines: string[] = [];
  beforeAll(async () => ({ emu, api } = await start({ log: (line) => lines.push(line) })));
  afterAll(() => emu.close());

  test("any credential or none is accepted; the kind and x-goog-user-project are recorded", async () => {
    expect((await api.get("/v1beta/tunedModels")).status).toBe(200);
    expect((await api.get("/v1beta/tunedModels", { "x-goog-api-key": "whatever" })).status).toBe(200);
    expect((await api.get("/v1beta/tunedModels", { authorization: "Bearer anything", "x-goog-user-project": "billing-project" })).status).toBe(200);
    expect((await api.get("/v1beta/tunedModels?key=abc")).status).toBe(200);
    const recorded = emu.control.requests().map((r) => [r.authKind, r.userProject]);
    expect(recorded).toEqual([
      ["none", undefined],
      ["apiKey", undefined],
      ["bearer", "billing-project"],
      ["apiKey", undefined],
    ]);
  });

  test("keys and tokens never appear in records or log lines", async () => {
    await api.get("/v1beta/tunedModels?key=SECRET-QUERY-KEY&access_token=SECRET-QUERY-TOKEN");
    await api.get("/v1beta/models", { "x-goog-api-key": "SECRET-HEADER-KEY", authorization: "Bearer SECRET-HEADER-TOKEN" });
    const everything = JSON.stringify(emu.control.requests()) + lines.join("\n");
    expect(everything).not.toMatch(/SECRET/);
    expect(emu.control.requests().find((r) => r.query.access_token)?.query).toEqual({ key: "[redacted]", access_token: "[redacted]" });
    expect(lines.some((l) => l.startsWith("GET /v1beta/models -> 200 models.list"))).toBe(true);
  });
});

describe("strict mode", () => {
  let emu: EmulatorHandle;
  let api: Api;
  beforeAll(async () => ({ emu, api } = await start({ strictAuth: true, apiKeys: ["good-key"], bearerTokens: ["static-token"] })));
  afterAll(() => emu.close());

  test("a configured key works in the x-goog-api-key header or as key=", async () => {
    expect((await api.get("/v1beta/tunedModels", { "x-goog-api-key": "good-key" })).status).toBe(200);
    expect((await api.get("/v1beta/tunedModels?key=good-key")).status).toBe(200);
    expect((await api.get("/v1beta/tunedModels", { authorization: "Bearer static-token" })).status).toBe(200);
  });

  test("a wrong key is 400 INVALID_ARGUMENT with ErrorInfo API_KEY_INVALID (not 401)", async () => {
    const reply = await api.get("/v1beta/tunedModels", { "x-goog-api-key": "bad-key" });
    expect(reply.status).toBe(400);
    expect(reply.json.error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT", message: "API key not valid. Please pass a valid API key." });
    expect(reply.json.error.details).toEqual([
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "API_KEY_INVALID",
        domain: "googleapis.com",
        metadata: { service: "generativelanguage.googleapis.com" },
      },
      { "@type": "type.googleapis.com/google.rpc.LocalizedMessage", locale: "en-US", message: "API key not valid. Please pass a valid API key." },
    ]);
    const recorded = emu.control.requests().at(-1);
    expect(recorded).toMatchObject({ status: 400, authKind: "apiKey", route: "tunedModels.list" });
  });

  test("no credential, or an unknown token, is 401 UNAUTHENTICATED", async () => {
    const none = await api.get("/v1beta/tunedModels");
    expect(none.status).toBe(401);
    expect(none.json.error.status).toBe("UNAUTHENTICATED");
    expect(none.json.error.message).toMatch(/^Request is missing required authentication credential/);
    expect(none.json.error.details[0]).toMatchObject({ reason: "CREDENTIALS_MISSING" });
    const unknown = await api.get("/v1beta/tunedModels", { authorization: "Bearer forged" });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.message).toMatch(/^Request had invalid authentication credentials/);
  });

  test("control routes need no credentials", async () => {
    expect((await api.get("/emulator/counters")).status).toBe(200);
  });

  test("google-auth-library's service-account flow: token endpoint, scopes recorded, token accepted", async () => {
    const token = await tokenFor(emu.url, [CLOUD, TUNING]);
    expect(token).toMatch(/^ya29\.emulator-/);
    expect(emu.control.tokenRequests().at(-1)).toEqual({
      grantType: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      scopes: [CLOUD, TUNING],
    });
    const auth = { authorization: `Bearer ${token}`, "x-goog-user-project": "my-project" };
    const op = await createModel(apiWith(api, auth), createBody(), "sa-owned");
    expect(op.metadata.tunedModel).toBe("tunedModels/sa-owned");
    const grants = (await api.get("/v1beta/tunedModels/sa-owned/permissions", auth)).json.permissions;
    expect(grants[0]).toMatchObject({ emailAddress: SERVICE_ACCOUNT, role: "OWNER" });
    expect(emu.control.requests().at(-1)).toMatchObject({ authKind: "bearer", userProject: "my-project" });
  });

  test("a token without a scope the method accepts is 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT", async () => {
    const cloudOnly = await tokenFor(emu.url, [CLOUD]);
    const reply = await api.post("/v1beta/tunedModels", createBody(), { authorization: `Bearer ${cloudOnly}` });
    expect(reply.status).toBe(403);
    expect(reply.json.error).toMatchObject({ status: "PERMISSION_DENIED", message: "Request had insufficient authentication scopes." });
    expect(reply.json.error.details[0]).toMatchObject({
      reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
      metadata: { method: "google.ai.generativelanguage.v1beta.ModelService.CreateTunedModel" },
    });
    const readonly = await tokenFor(emu.url, [TUNING_READONLY]);
    expect((await api.get("/v1beta/tunedModels", { authorization: `Bearer ${readonly}` })).status).toBe(200);
    expect((await api.post("/v1beta/tunedModels", createBody(), { authorization: `Bearer ${readonly}` })).status).toBe(403);
  });

  test("a model owned by another principal is 403 and not listed", async () => {
    const token = await tokenFor(emu.url, [TUNING]);
    await createModel(apiWith(api, { authorization: `Bearer ${token}` }), createBody(), "private-to-sa");
    const asKeyUser = await api.get("/v1beta/tunedModels/private-to-sa", { "x-goog-api-key": "good-key" });
    expect(asKeyUser.status).toBe(403);
    expect(asKeyUser.json.error.message).toBe("You do not have permission to access tuned model tunedModels/private-to-sa");
    const listed = await api.get("/v1beta/tunedModels", { "x-goog-api-key": "good-key" });
    expect((listed.json.tunedModels ?? []).map((m: any) => m.name)).not.toContain("tunedModels/private-to-sa");
  });

  test("authorized-user credentials: the refresh_token grant", async () => {
    const client = new UserRefreshClient({
      clientId: "client-id",
      clientSecret: "client-secret",
      refreshToken: "refresh-token",
      endpoints: { oauth2TokenUrl: `${emu.url}/emulator/oauth2/token` },
      transporterOptions,
    });
    const { token } = await client.getAccessToken();
    expect(emu.control.tokenRequests().at(-1)).toEqual({ grantType: "refresh_token", scopes: [] });
    expect((await api.post("/v1beta/tunedModels", createBody(), { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  test("the token endpoint refuses unknown grants and malformed assertions the OAuth way", async () => {
    const post = (body: string) =>
      fetch(`${emu.url}/emulator/oauth2/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    const unsupported = await post("grant_type=password&username=a");
    expect(unsupported.status).toBe(400);
    expect(((await unsupported.json()) as { error: string }).error).toBe("unsupported_grant_type");
    const badJwt = await post("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=not.a.jwt");
    expect(badJwt.status).toBe(400);
    expect(((await badJwt.json()) as { error: string }).error).toBe("invalid_grant");
  });
});

describe("key rotation", () => {
  test("setApiKeys and POST /emulator/api-keys replace the accepted keys: the revoked key is refused as a wrong one", async () => {
    const { emu, api } = await start({ strictAuth: true, apiKeys: ["old-key"] });
    try {
      emu.control.setApiKeys(["new-key"]);
      expect((await api.get("/v1beta/tunedModels", { "x-goog-api-key": "old-key" })).json.error.details[0].reason).toBe("API_KEY_INVALID");
      expect((await api.get("/v1beta/tunedModels", { "x-goog-api-key": "new-key" })).status).toBe(200);
      expect((await api.post("/emulator/api-keys", { apiKeys: ["newer-key"] })).status).toBe(200);
      expect((await api.get("/v1beta/tunedModels", { "x-goog-api-key": "new-key" })).status).toBe(400);
      expect((await api.get("/v1beta/tunedModels", { "x-goog-api-key": "newer-key" })).status).toBe(200);
      expect((await api.post("/emulator/api-keys", { apiKeys: "not-a-list" })).status).toBe(400);
    } finally {
      await emu.close();
    }
  });
});

describe("self-signed service-account JWTs (what gax clients send given a key file)", () => {
  let emu: EmulatorHandle;
  let api: Api;
  beforeAll(async () => ({ emu, api } = await start({ strictAuth: true })));
  afterAll(() => emu.close());

  /** The bearer google-auth-library builds for a gax client: a JWT it signs itself, no token request. */
  async function selfSigned(scopes: string[]): Promise<string> {
    const jwt = new JWT({ email: SERVICE_ACCOUNT, key: privateKey, scopes, transporterOptions });
    jwt.useJWTAccessWithScope = true;
    const headers = await jwt.getRequestHeaders("https://generativelanguage.googleapis.com/");
    return headers.get("authorization")!.replace(/^Bearer /, "");
  }

  test("accepted on its claims: the account is the principal, and no token was requested", async () => {
    const auth = { authorization: `Bearer ${await selfSigned([TUNING])}` };
    await createModel(apiWith(api, auth), createBody(), "jwt-owned");
    const grants = (await api.get("/v1beta/tunedModels/jwt-owned/permissions", auth)).json.permissions;
    expect(grants[0]).toMatchObject({ emailAddress: SERVICE_ACCOUNT, role: "OWNER" });
    expect(emu.control.tokenRequests()).toEqual([]);
  });

  test("its scope claim is checked like a token's scopes", async () => {
    const reply = await api.post("/v1beta/tunedModels", createBody(), { authorization: `Bearer ${await selfSigned([CLOUD])}` });
    expect(reply.status).toBe(403);
    expect(reply.json.error.details[0]).toMatchObject({ reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT" });
  });

  test("an expired one is 401 ACCESS_TOKEN_EXPIRED; one whose iss and sub differ is not a self-signed JWT", async () => {
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const claims = { iss: SERVICE_ACCOUNT, sub: SERVICE_ACCOUNT, aud: "https://generativelanguage.googleapis.com/" };
    const expired = `${part({ alg: "RS256" })}.${part({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })}.sig`;
    const reply = await api.get("/v1beta/tunedModels", { authorization: `Bearer ${expired}` });
    expect(reply.status).toBe(401);
    expect(reply.json.error.details[0].reason).toBe("ACCESS_TOKEN_EXPIRED");
    const foreign = `${part({ alg: "RS256" })}.${part({ ...claims, sub: "other@example.com", exp: 9e9 })}.sig`;
    const refused = await api.get("/v1beta/tunedModels", { authorization: `Bearer ${foreign}` });
    expect(refused.status).toBe(401);
    expect(refused.json.error.details[0].reason).toBe("ACCESS_TOKEN_TYPE_UNSUPPORTED");
  });
});

test("expired tokens are 401 ACCESS_TOKEN_EXPIRED", async () => {
  const { emu, api } = await start({ strictAuth: true, tokenLifetimeSeconds: 0 });
  try {
    const token = await tokenFor(emu.url, [TUNING]);
    const reply = await api.get("/v1beta/tunedModels", { authorization: `Bearer ${token}` });
    expect(reply.status).toBe(401);
    expect(reply.json.error.details[0].reason).toBe("ACCESS_TOKEN_EXPIRED");
  } finally {
    await emu.close();
  }
});

/** An Api that adds fixed headers to every call. */
function apiWith(api: Api, headers: Record<string, string>): Api {
  void apiFor;
  return {
    call: (m, p, b, h) => api.call(m, p, b, { ...headers, ...h }),
    get: (p, h) => api.get(p, { ...headers, ...h }),
    post: (p, b, h) => api.post(p, b, { ...headers, ...h }),
    patch: (p, b, h) => api.patch(p, b, { ...headers, ...h }),
    del: (p, h) => api.del(p, { ...headers, ...h }),
  };
}
