import { inspect } from "node:util";
import { z } from "zod";
import {
  ApiResponseFormatError,
  GoogleApiClient,
  GoogleApiError,
  isAlreadyExists,
  isNotFound,
  type ApiCall,
} from "../../../provider/client";
import { apiKeyAuthorizer } from "../../../provider/auth";
import { TunedModelSchema } from "../../../provider/gemini/wire";
import { googleError, startScriptedServer, type ScriptedReply, type ScriptedServer } from "./scriptedServer";
import { fakeGoogleApiKey } from "../../fixtures/fakeApiKey";

const API_KEY = fakeGoogleApiKey();

const create: ApiCall<unknown> = {
  httpMethod: "POST",
  path: "v1beta/tunedModels",
  query: { tunedModelId: "abc" },
  body: { displayName: "x".repeat(50) },
  schema: z.unknown(),
  method: "tunedModels.create",
  resource: "tunedModels/abc",
};

describe("GoogleApiClient errors", () => {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function failWith(reply: ScriptedReply, call: ApiCall<unknown> = create): Promise<Error> {
    server = await startScriptedServer([reply]);
    const client = new GoogleApiClient(server.url, { authorizer: apiKeyAuthorizer(API_KEY), retry: { maxAttempts: 1 } });
    return (await client.request(call).catch((e: unknown) => e)) as Error;
  }

  test("name the method, resource, HTTP status, Google status, message and field violations", async () => {
    const badRequest = {
      "@type": "type.googleapis.com/google.rpc.BadRequest",
      fieldViolations: [{ field: "tuned_model.display_name", description: "must be at most 40 characters" }],
    };
    const error = (await failWith(googleError(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", [badRequest]))) as GoogleApiError;
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error.message).toBe(
      "tunedModels.create tunedModels/abc failed: HTTP 400 INVALID_ARGUMENT: Request contains an invalid argument. " +
        "(fieldViolations: tuned_model.display_name: must be at most 40 characters)",
    );
    expect(error).toMatchObject({
      httpStatus: 400,
      status: "INVALID_ARGUMENT",
      googleMessage: "Request contains an invalid argument.",
      method: "tunedModels.create",
      resource: "tunedModels/abc",
      retryable: false,
    });
    expect(error.details).toEqual([badRequest]);
  });

  test("an invalid API key error names the cause and what to do, and never the key", async () => {
    const errorInfo = {
      "@type": "type.googleapis.com/google.rpc.ErrorInfo",
      reason: "API_KEY_INVALID",
      domain: "googleapis.com",
      metadata: { service: "generativelanguage.googleapis.com" },
    };
    // A hostile or careless server echoing the key back, in the message and in the URL it quotes.
    const echoed = `API key not valid: ${API_KEY}. Please pass a valid API key. (GET /v1beta/tunedModels?key=${API_KEY})`;
    const error = (await failWith(googleError(400, "INVALID_ARGUMENT", echoed, [errorInfo]))) as GoogleApiError;
    expect(error.reason).toBe("API_KEY_INVALID");
    expect(error.message).toContain("check the API key");
    for (const text of [error.message, error.googleMessage, String(error), JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(API_KEY);
    }
    expect(error.message).toContain("[REDACTED]");
  });

  test("the key never appears in transport errors or in the client itself", async () => {
    const client = new GoogleApiClient("http://127.0.0.1:9", { authorizer: apiKeyAuthorizer(API_KEY), retry: { maxAttempts: 1 } });
    const error = (await client.request(create).catch((e: unknown) => e)) as Error;
    for (const text of [error.message, inspect(error, { depth: 10 }), JSON.stringify(client), inspect(client, { depth: 10 }), String(client)]) {
      expect(text).not.toContain(API_KEY);
    }
  });

  test("a non-JSON error body is reported by its start, with the status derived from HTTP", async () => {
    const error = (await failWith({ status: 502, body: "<html><body>Bad Gateway</body></html>" })) as GoogleApiError;
    expect(error.status).toBe("UNAVAILABLE");
    expect(error.message).toBe("tunedModels.create tunedModels/abc failed: HTTP 502 UNAVAILABLE: <html><body>Bad Gateway</body></html>");
  });

  test("isNotFound and isAlreadyExists classify answers", async () => {
    const notFound = await failWith(googleError(404, "NOT_FOUND", "tunedModels/abc not found"));
    expect(isNotFound(notFound)).toBe(true);
    expect(isAlreadyExists(notFound)).toBe(false);
    await server!.close();
    const exists = await failWith(googleError(409, "ALREADY_EXISTS", "tunedModels/abc already exists"));
    expect(isAlreadyExists(exists)).toBe(true);
    expect(isNotFound(exists)).toBe(false);
    expect(isNotFound(new Error("x"))).toBe(false);
  });

  test("a response that does not match the schema names the call and the field path", async () => {
    const get: ApiCall<unknown> = {
      httpMethod: "GET",
      path: "v1beta/tunedModels/abc",
      schema: TunedModelSchema,
      method: "tunedModels.get",
      resource: "tunedModels/abc",
    };
    const reply = { status: 200, body: { name: "tunedModels/abc", tuningTask: { snapshots: [{ step: "one" }] } } };
    const error = (await failWith(reply, get)) as ApiResponseFormatError;
    expect(error).toBeInstanceOf(ApiResponseFormatError);
    expect(error.message).toMatch(/^tunedModels\.get tunedModels\/abc: unexpected response \(HTTP 200\): tuningTask\.snapshots\[0\]\.step: /);
  });

  test("a success body that is not JSON is a format error", async () => {
    const error = await failWith({ status: 200, body: "not json" }, { ...create, httpMethod: "GET", body: undefined });
    expect(error).toBeInstanceOf(ApiResponseFormatError);
    expect(error.message).toContain("body is not JSON");
  });
});
