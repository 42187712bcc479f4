import type { RequestAuthorizer } from "./requestAuthorizer";
import { CredentialsError } from "./requestAuthorizer";

/**
 * Why `key` cannot be sent as an API key, or undefined when it can. Surrounding whitespace (a trailing
 * newline from `cat key | pulumi config set`) is ignored; anything else must be printable ASCII, since a
 * header value with a line break inside is refused by `fetch` with a message that quotes it. The reason
 * never repeats the key.
 */
export function apiKeyProblem(key: string): string | undefined {
  const trimmed = key.trim();
  if (trimmed === "") return "must not be empty";
  if (!/^[\x21-\x7e]+$/.test(trimmed)) return "must be one word of printable ASCII characters (an API key has no spaces, line breaks or other characters inside)";
  return undefined;
}

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
