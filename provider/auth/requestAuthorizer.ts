/**
 * Supplies the credential headers of one request. One implementation per credential kind (API key,
 * Application Default Credentials), so the HTTP layer never knows which it is talking to.
 *
 * Implementations keep their secrets in private fields: they must not show up in `JSON.stringify`,
 * `util.inspect`, logs or error messages.
 */
export interface RequestAuthorizer {
  /** Which credential kind this is; safe to log. */
  readonly kind: "apiKey" | "adc";
  /** Headers to add to a request. Called per attempt, so refreshed tokens are picked up. */
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
}

/** Headers that carry credentials; their values are redacted from anything the client reports. */
export const CREDENTIAL_HEADERS: readonly string[] = ["x-goog-api-key", "authorization"];

/**
 * Could not obtain credentials (no ADC configured, token endpoint refused...). The message says what to
 * configure; it never includes the underlying library error object, whose request config can hold a
 * signed assertion.
 */
export class CredentialsError extends Error {
  /** The credential kind that failed. */
  readonly kind: "apiKey" | "adc";

  constructor(kind: "apiKey" | "adc", message: string) {
    super(message);
    this.name = "CredentialsError";
    this.kind = kind;
  }
}
