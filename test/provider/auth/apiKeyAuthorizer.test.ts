import { inspect } from "node:util";
import { CredentialsError, apiKeyAuthorizer } from "../../../provider/auth";
import { fakeGoogleApiKey } from "../../fixtures/fakeApiKey";

const KEY = fakeGoogleApiKey();

describe("apiKeyAuthorizer", () => {
  test("sends the key as x-goog-api-key", async () => {
    const authorizer = apiKeyAuthorizer(KEY);
    expect(authorizer.kind).toBe("apiKey");
    await expect(authorizer.headers()).resolves.toEqual({ "x-goog-api-key": KEY });
  });

  test("never shows the key when serialized, inspected or printed", () => {
    const authorizer = apiKeyAuthorizer(KEY);
    for (const text of [JSON.stringify(authorizer), inspect(authorizer, { depth: 10, showHidden: true }), String(authorizer), Object.keys(authorizer).join()]) {
      expect(text).not.toContain(KEY);
    }
  });

  test("refuses an empty key", () => {
    expect(() => apiKeyAuthorizer("  ")).toThrow(CredentialsError);
  });
});
