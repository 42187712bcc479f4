import type { RequestAuthorizer } from "./requestAuthorizer";
import { CredentialsError } from "./requestAuthorizer";

/**
 * Authorizes with an API key in the `x-goog-api-key` header (what Google's current SDKs send; the
 * `?key=` form would put the key into URLs, which end up in logs and error messages).
 */
class ApiKeyAuthorizer implements RequestAuthorizer {
  readonly kind = "apiKey" as const;
  // A #private field: invisible to JSON.stringify, util.inspect and Object.keys.
  readonly #key: string;

  constructor(key: string) {
    if (key.trim() === "") throw new CredentialsError("apiKey", "the API key is empty; set gemini:apiKey or GEMINI_API_KEY");
    this.#key = key.trim();
  }

  async headers(): Promise<Record<string, string>> {
    return { "x-goog-api-key": this.#key };
  }

  toJSON(): Record<string, string> {
    return { kind: this.kind };
  }

  toString(): string {
    return "ApiKeyAuthorizer([REDACTED])";
  }
}

/** An authorizer that sends `key` as `x-goog-api-key`. */
export function apiKeyAuthorizer(key: string): RequestAuthorizer {
  return new ApiKeyAuthorizer(key);
}
