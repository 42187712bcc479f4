import { GoogleApiClient } from "../../../provider/client";
import { CredentialsError, GEMINI_TUNING_SCOPES, adcAuthorizer } from "../../../provider/auth";
import { GeminiApi } from "../../../provider/gemini/api";
import { authorizerFor } from "../../../provider/gemini/connection";
import { startEmulator, type EmulatorHandle } from "../../../emulator";
import { credentialDir, serviceAccountKey, withEnv } from "./credentialFiles";

describe("Application Default Credentials against the emulator's token endpoint", () => {
  let emulator: EmulatorHandle;
  let files: ReturnType<typeof credentialDir>;
  beforeAll(async () => {
    // Strict: only tokens the emulator's own token endpoint issued are accepted, so a pass proves a real
    // bearer token went through.
    emulator = await startEmulator({ strictAuth: true, apiKeys: ["unused-key-000000"] });
    files = credentialDir();
  });
  afterAll(async () => {
    await emulator.close();
    files.dispose();
  });
  beforeEach(() => {
    emulator.control.clearRequests();
  });

  test("a service-account key file yields a bearer token with both tuning scopes, and the quota project header", async () => {
    const keyFile = files.write("sa.json", serviceAccountKey(`${emulator.url}/emulator/oauth2/token`));
    await withEnv({ GOOGLE_APPLICATION_CREDENTIALS: keyFile }, async () => {
      const api = new GeminiApi(new GoogleApiClient(emulator.url, { authorizer: authorizerFor({ project: "quota-project-1" }), project: "quota-project-1" }));
      await expect(api.listTunedModels()).resolves.toEqual([]);
      await expect(api.getTunedModel("tunedModels/does-not-exist")).resolves.toBeUndefined();
    });
    const requests = emulator.control.requests();
    expect(requests.map((r) => [r.route, r.status, r.authKind, r.userProject])).toEqual([
      ["tunedModels.list", 200, "bearer", "quota-project-1"],
      ["tunedModels.get", 404, "bearer", "quota-project-1"],
    ]);
    const tokens = emulator.control.tokenRequests();
    expect(tokens.at(-1)?.grantType).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    expect([...(tokens.at(-1)?.scopes ?? [])].sort()).toEqual([...GEMINI_TUNING_SCOPES].sort());
    // The token is cached: two API calls, one token request.
    expect(tokens).toHaveLength(1);
  });

  test("user credentials (authorized_user) refresh through the file's token_uri", async () => {
    const userFile = files.write("user.json", {
      type: "authorized_user",
      client_id: "764086051850-test.apps.googleusercontent.com",
      client_secret: "d-FL95Q19q7MQmFpd7hHD0Ty",
      refresh_token: "1//0test-refresh-token",
      token_uri: `${emulator.url}/emulator/oauth2/token`,
    });
    await withEnv({ GOOGLE_APPLICATION_CREDENTIALS: userFile }, async () => {
      const authorizer = adcAuthorizer();
      const headers = await authorizer.headers();
      expect(headers.authorization).toMatch(/^Bearer ya29\./);
      const api = new GeminiApi(new GoogleApiClient(emulator.url, { authorizer, project: "quota-project-2" }));
      await expect(api.listTunedModels()).resolves.toEqual([]);
    });
    expect(emulator.control.tokenRequests().at(-1)?.grantType).toBe("refresh_token");
    expect(emulator.control.requests().at(-1)).toMatchObject({ authKind: "bearer", userProject: "quota-project-2", status: 200 });
  });

  test("missing credentials fail with what to configure, before any request", async () => {
    await withEnv({ GOOGLE_APPLICATION_CREDENTIALS: `${files.dir}/nope.json` }, async () => {
      const api = new GeminiApi(new GoogleApiClient(emulator.url, { authorizer: authorizerFor({}) }));
      const error = (await api.listTunedModels().catch((e: unknown) => e)) as CredentialsError;
      expect(error).toBeInstanceOf(CredentialsError);
      expect(error.message).toContain("no usable Application Default Credentials");
      expect(error.message).toContain("GEMINI_API_KEY");
      expect(error.message).toContain("generative-language.tuning");
    });
    expect(emulator.control.requests()).toHaveLength(0);
  });

  test("a token_uri that is plain http to a remote host is refused", async () => {
    const keyFile = files.write("remote.json", serviceAccountKey("http://tokens.example.com/token"));
    await withEnv({ GOOGLE_APPLICATION_CREDENTIALS: keyFile }, async () => {
      await expect(adcAuthorizer().headers()).rejects.toThrow(/token_uri must use https/);
    });
  });

  test("the authorizer holds no readable secret", async () => {
    const keyFile = files.write("sa2.json", serviceAccountKey(`${emulator.url}/emulator/oauth2/token`));
    await withEnv({ GOOGLE_APPLICATION_CREDENTIALS: keyFile }, async () => {
      const authorizer = adcAuthorizer();
      const { authorization } = await authorizer.headers();
      const token = authorization.replace(/^Bearer /, "");
      expect(JSON.stringify(authorizer)).not.toContain(token);
      expect(String(authorizer)).not.toContain(token);
    });
  });
});
