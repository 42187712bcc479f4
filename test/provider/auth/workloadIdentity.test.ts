import { GEMINI_TUNING_SCOPES } from "../../../provider/auth";
import { startEmulator, type EmulatorHandle } from "../../../emulator";
import { startScriptedServer, type ScriptedServer } from "../client/scriptedServer";
import { credentialDir } from "./credentialFiles";
import { runInNode } from "./runInNode";

// The emulator's token endpoint speaks the service-account and refresh-token grants, not STS token
// exchange, so a tiny loopback STS stands in for sts.googleapis.com here. google-auth-library's STS
// client loads node-fetch with a dynamic import, which jest's sandbox cannot run, so the client runs in
// a plain Node process, as the provider does.
describe("workload identity federation (external_account) through ADC", () => {
  let emulator: EmulatorHandle;
  let sts: ScriptedServer;
  let files: ReturnType<typeof credentialDir>;
  beforeAll(async () => {
    emulator = await startEmulator({});
    sts = await startScriptedServer([
      {
        status: 200,
        body: {
          access_token: "ya29.federated-token-0123456789",
          issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
          token_type: "Bearer",
          expires_in: 3600,
        },
      },
    ]);
    files = credentialDir();
  });
  afterAll(async () => {
    await emulator.close();
    await sts.close();
    files.dispose();
  });

  test("exchanges the CI's OIDC token at the STS and calls the API with the federated token", async () => {
    const subjectToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmV4YW1wbGUvaW5mcmEifQ.c2ln";
    const tokenFile = files.write("oidc-token.jwt", subjectToken);
    const config = files.write("wif.json", {
      type: "external_account",
      audience: "//iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/ci/providers/github",
      subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
      token_url: `${sts.url}/v1/token`,
      credential_source: { file: tokenFile },
    });
    const models = await runInNode<unknown[]>(
      `const { GoogleApiClient } = require("./provider/client");
       const { GeminiApi } = require("./provider/gemini/api");
       const { authorizerFor } = require("./provider/gemini/connection");
       const api = new GeminiApi(new GoogleApiClient(${JSON.stringify(emulator.url)}, { authorizer: authorizerFor({ project: "ci-project" }), project: "ci-project" }));
       return api.listTunedModels();`,
      { GOOGLE_APPLICATION_CREDENTIALS: config },
    );
    expect(models).toEqual([]);
    const exchange = new URLSearchParams(sts.requests[0].body);
    expect(exchange.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:token-exchange");
    expect(exchange.get("subject_token")).toBe(subjectToken);
    expect(exchange.get("scope")?.split(" ").sort()).toEqual([...GEMINI_TUNING_SCOPES].sort());
    expect(emulator.control.requests().at(-1)).toMatchObject({ route: "tunedModels.list", authKind: "bearer", userProject: "ci-project" });
  });
});
