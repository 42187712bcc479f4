import type { AuthClient, GoogleAuth } from "google-auth-library";
import { redactSecrets } from "./redact";
import { CredentialsError, type RequestAuthorizer } from "./requestAuthorizer";
import { GEMINI_TUNING_SCOPES } from "./scopes";
import { honourTokenUri } from "./tokenEndpoint";

/**
 * Where ADC looks, in order; repeated in errors so users know what to set. The API-key alternative exists
 * only for the Gemini API (Vertex AI takes OAuth tokens alone).
 */
function adcAdvice(scopes: readonly string[]): string {
  const apiKey = scopes === GEMINI_TUNING_SCOPES ? "set an API key (gemini:apiKey or GEMINI_API_KEY), or " : "";
  return (
    `${apiKey}configure Application Default Credentials: \`gcloud auth application-default login --scopes=${scopes.join(",")}\`, ` +
    "a service-account key file or workload identity federation config in GOOGLE_APPLICATION_CREDENTIALS"
  );
}

/**
 * Authorizes with an OAuth bearer token from Application Default Credentials (google-auth-library):
 * `GOOGLE_APPLICATION_CREDENTIALS` (service-account key, external account / workload identity federation,
 * authorized user), gcloud's user credentials, or the metadata server. Tokens are cached and refreshed by
 * the library; each request asks for current headers.
 */
class AdcAuthorizer implements RequestAuthorizer {
  readonly kind = "adc" as const;
  readonly #auth: GoogleAuth;
  readonly #advice: string;
  #client: Promise<AuthClient> | undefined;

  constructor(scopes: readonly string[], projectId: string | undefined) {
    this.#advice = adcAdvice(scopes);
    // Loaded here, not at the top: a provider process that only previews, or uses an API key, never
    // needs the library, and loading it costs about 60 ms of every process start.
    const { GoogleAuth: GoogleAuthClass } = require("google-auth-library") as typeof import("google-auth-library");
    this.#auth = new GoogleAuthClass({
      scopes: [...scopes],
      // The library looks up a project id while loading credentials, probing the metadata server when
      // nothing names one: seconds lost off Google Cloud. We never use it (the quota project is sent
      // explicitly), so give it one; "-" is Google's "any project" wildcard.
      projectId: projectId || "-",
      // Node's own fetch, as the API calls use: one HTTP stack (and its proxy settings) for both, and no
      // dynamic import of node-fetch, which fails inside VM sandboxes such as test runners.
      clientOptions: { transporterOptions: { fetchImplementation: fetch } },
    });
  }

  async headers(signal?: AbortSignal): Promise<Record<string, string>> {
    const client = await abortable(this.#clientOnce(), signal);
    let headers: Headers;
    try {
      headers = await abortable(client.getRequestHeaders(), signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new CredentialsError("adc", `could not get an access token from Application Default Credentials: ${describe(error)}`);
    }
    const result: Record<string, string> = {};
    headers.forEach((value, name) => {
      result[name.toLowerCase()] = value;
    });
    return result;
  }

  /** Resolves the credential once; a failure is not cached, so fixing the environment fixes the next call. */
  #clientOnce(): Promise<AuthClient> {
    this.#client ??= this.#loadClient().catch((error: unknown) => {
      this.#client = undefined;
      throw error;
    });
    return this.#client;
  }

  async #loadClient(): Promise<AuthClient> {
    try {
      const client = (await this.#auth.getClient()) as AuthClient;
      honourTokenUri(client, this.#auth.jsonContent);
      return client;
    } catch (error) {
      throw new CredentialsError("adc", `no usable Application Default Credentials (${describe(error)}); ${this.#advice}`);
    }
  }

  toJSON(): Record<string, string> {
    return { kind: this.kind };
  }

  toString(): string {
    return "AdcAuthorizer";
  }
}

/**
 * An authorizer using Application Default Credentials with `scopes` (default: the tuning scopes).
 * `projectId` (e.g. the connection's project) only spares the library a project lookup.
 */
export function adcAuthorizer(scopes: readonly string[] = GEMINI_TUNING_SCOPES, projectId?: string): RequestAuthorizer {
  return new AdcAuthorizer(scopes, projectId);
}

// Only the message: library errors carry their request config, which can hold a signed assertion.
function describe(error: unknown): string {
  const message = typeof (error as { message?: unknown } | null)?.message === "string" ? (error as Error).message : String(error);
  return redactSecrets(message.split("\n")[0] ?? "");
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
