import { CREDENTIAL_HEADERS, type RequestAuthorizer } from "../auth/requestAuthorizer";
import { redactSecrets } from "../auth/redact";
import { ErrorEnvelopeSchema, retryInfoDelayMs } from "../google/errorEnvelope";
import type { ApiCall, HttpMethod } from "./apiCall";
import {
  ApiCallAbortedError,
  ApiRedirectError,
  ApiResponseFormatError,
  ApiTransportError,
  GoogleApiError,
  statusForHttp,
  type CallIdentity,
  type GoogleErrorFields,
} from "./apiErrors";
import { retryAfterMs } from "./retryDelayHint";
import { backoffDelayMs, retryPolicy, type RetryMode, type RetryPolicy } from "./retryPolicy";
import { abortableSleep } from "../waiter/sleep";
import { startLongTimer } from "../waiter/longTimer";
import { classifyTransportFailure, type TransportFailure } from "./transportFailure";

export type { ApiCall, HttpMethod } from "./apiCall";
export { GoogleApiError, isAlreadyExists, isNotFound, isAbortError } from "./apiErrors";

/** Options of {@link GoogleApiClient}. */
export interface GoogleApiClientOptions {
  /** Retry policy overrides (see {@link RetryPolicy}). */
  retry?: Partial<RetryPolicy>;
  /** Limit for one attempt, body included. Default 60 s. */
  requestTimeoutMs?: number;
  /** Credentials: the backend chooses the kind (API key, Application Default Credentials). */
  authorizer: RequestAuthorizer;
  /** Quota/billing project sent as `x-goog-user-project` (needed with end-user ADC credentials). */
  project?: string;
  /** `user-agent` header. */
  userAgent?: string;
  /** Randomness for backoff jitter (tests make it deterministic). */
  random?: () => number;
}

/** Default per-attempt limit; tuning calls answer in well under a second, generateContent in seconds. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

const DEFAULT_USER_AGENT = `pulumi-gemini-tuning node/${process.versions.node}`;

type Attempt =
  | { kind: "answer"; response: Response; text: string }
  | { kind: "transport"; failure: TransportFailure };

/**
 * The one HTTP layer for Google API calls: credentials, quota project, JSON, retries with backoff and
 * jitter that honour `Retry-After` and `RetryInfo`, per-request timeout, abort, response validation, and
 * errors that say which call failed and why. Holds no credential itself: those live in the authorizer.
 */
export class GoogleApiClient {
  /** Service root, without trailing slash. */
  readonly baseUrl: string;
  /** Quota project sent as `x-goog-user-project`, if any. */
  readonly project: string | undefined;
  /** Effective retry policy. */
  readonly retryPolicy: RetryPolicy;
  /** Effective per-attempt timeout. */
  readonly requestTimeoutMs: number;
  readonly #authorizer: RequestAuthorizer;
  readonly #userAgent: string;
  readonly #random: () => number;

  constructor(baseUrl: string, options: GoogleApiClientOptions) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.project = options.project || undefined;
    this.retryPolicy = retryPolicy(options.retry);
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.#authorizer = options.authorizer;
    this.#userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.#random = options.random ?? Math.random;
  }

  /** Which credential kind the client uses. */
  get authKind(): RequestAuthorizer["kind"] {
    return this.#authorizer.kind;
  }

  /** Performs a call: retries what its retry mode allows, validates the answer, throws an {@link ApiCallError} subclass otherwise. */
  async request<T>(call: ApiCall<T>): Promise<T> {
    const identity: CallIdentity = { method: call.method, resource: call.resource };
    const mode = call.retry ?? defaultRetryMode(call.httpMethod);
    const policy = this.retryPolicy;
    const started = Date.now();
    const deadline = started + policy.totalTimeoutMs;
    const url = this.#url(call);
    const secrets = new Set<string>();

    for (let attempt = 1; ; attempt++) {
      if (call.signal?.aborted) throw new ApiCallAbortedError(identity, attempt - 1, call.signal.reason);
      const result = await this.#attempt(call, url, identity, attempt, secrets, deadline);

      let failure: GoogleApiError | ApiTransportError;
      let retryable: boolean;
      let hintMs: number | undefined;
      if (result.kind === "answer") {
        if (result.response.ok) return parseSuccess(call, identity, result.response.status, result.text, attempt);
        if (isRedirect(result.response.status)) throw new ApiRedirectError(identity, result.response.status, result.response.headers.get("location"), this.baseUrl, attempt);
        const fields = errorFields(result.response.status, result.text, secrets);
        retryable = isRetryableStatus(mode, policy, result.response.status);
        hintMs = retryInfoDelayMs(fields.details) ?? retryAfterMs(result.response.headers.get("retry-after"), Date.now(), result.response.headers.get("date"));
        failure = new GoogleApiError(identity, fields, { attempts: attempt, retryable: policy.retryableStatuses.includes(fields.httpStatus) });
      } else {
        const { failure: transport } = result;
        retryable = !transport.permanent && (mode === "safe" || (mode === "unprocessed" && transport.unsent));
        failure = new ApiTransportError(identity, transport.kind, redactSecrets(transport.detail, secrets), {
          attempts: attempt,
          code: transport.code,
          permanent: transport.permanent,
        });
      }

      // A server-requested delay is a minimum, not the whole wait: under a sustained storm of 429s with a
      // short Retry-After, backoff must still grow or every attempt is spent within seconds.
      const delayMs = Math.max(hintMs ?? 0, backoffDelayMs(policy, attempt, this.#random));
      const decision = retryDecision(retryable, attempt, policy, delayMs, hintMs, deadline);
      if (decision.retry === false) throw decision.note === undefined ? failure : withNote(failure, identity, attempt, decision.note);
      try {
        await abortableSleep(decision.delayMs, call.signal);
      } catch {
        throw new ApiCallAbortedError(identity, attempt, call.signal?.reason);
      }
    }
  }

  async #attempt(
    call: ApiCall<unknown>,
    url: string,
    identity: CallIdentity,
    attempt: number,
    secrets: Set<string>,
    deadline: number,
  ): Promise<Attempt> {
    const headers = await this.#headers(call, identity, attempt, secrets);
    const timeoutMs = Math.max(1, Math.min(this.requestTimeoutMs, deadline - Date.now()));
    // Our own controller (not AbortSignal.timeout) so that a timeout is told apart from the caller's abort.
    const controller = new AbortController();
    let timedOut = false;
    const cancelTimer = startLongTimer(timeoutMs, () => {
      timedOut = true;
      controller.abort(new Error("request timeout"));
    });
    const onAbort = () => controller.abort(call.signal?.reason);
    call.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const response = await fetch(url, {
        method: call.httpMethod,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: controller.signal,
        // A redirect is a permanent answer (a mistyped service root): seen here, reported at once.
        redirect: "manual",
      });
      const text = await response.text();
      return { kind: "answer", response, text };
    } catch (error) {
      if (call.signal?.aborted) throw new ApiCallAbortedError(identity, attempt, call.signal.reason);
      const failure = classifyTransportFailure(error, timedOut);
      if (failure === undefined) {
        // Not a network failure (a bug, or a header fetch refuses): its message may quote a credential.
        // Duck-typed: undici's errors come from another realm under test runners and VMs.
        const thrown = error as { message?: unknown } | null;
        if (thrown !== null && typeof thrown === "object" && typeof thrown.message === "string") thrown.message = redactSecrets(thrown.message, secrets);
        throw error;
      }
      return { kind: "transport", failure };
    } finally {
      cancelTimer();
      call.signal?.removeEventListener("abort", onAbort);
    }
  }

  async #headers(call: ApiCall<unknown>, identity: CallIdentity, attempt: number, secrets: Set<string>): Promise<Record<string, string>> {
    let auth: Record<string, string>;
    try {
      auth = await this.#authorizer.headers(call.signal);
    } catch (error) {
      if (call.signal?.aborted) throw new ApiCallAbortedError(identity, attempt - 1, call.signal.reason);
      throw error;
    }
    for (const name of CREDENTIAL_HEADERS) {
      const value = auth[name];
      if (value !== undefined) {
        secrets.add(value);
        secrets.add(value.replace(/^bearer\s+/i, ""));
      }
    }
    const headers: Record<string, string> = {
      ...auth,
      accept: "application/json",
      "user-agent": this.#userAgent,
    };
    if (call.body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
    if (this.project !== undefined) headers["x-goog-user-project"] = this.project;
    return headers;
  }

  #url(call: ApiCall<unknown>): string {
    const path = call.path.replace(/^\/+/, "").split("/").map(encodeSegment).join("/");
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) query.set(name, value);
    }
    const search = query.toString();
    return `${this.baseUrl}/${path}${search ? `?${search}` : ""}`;
  }

  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, project: this.project, authKind: this.authKind };
  }
}

/** 3xx answers: Google's APIs never redirect, so one means the service root is wrong. */
function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/** GET, PATCH and DELETE converge when repeated; a POST might have acted already. */
export function defaultRetryMode(method: HttpMethod): RetryMode {
  return method === "POST" ? "unprocessed" : "safe";
}

function isRetryableStatus(mode: RetryMode, policy: RetryPolicy, status: number): boolean {
  if (mode === "never") return false;
  if (mode === "unprocessed") return status === 429;
  return policy.retryableStatuses.includes(status);
}

type RetryDecision = { retry: true; delayMs: number } | { retry: false; note?: string };

/** Whether to try again and after how long; when not, a note for the error saying why we stopped. */
function retryDecision(
  retryable: boolean,
  attempt: number,
  policy: RetryPolicy,
  delayMs: number,
  serverRequestedMs: number | undefined,
  deadline: number,
): RetryDecision {
  const tries = `${attempt} attempt${attempt === 1 ? "" : "s"}`;
  if (!retryable) return { retry: false, note: attempt > 1 ? `after ${tries}` : undefined };
  if (attempt >= policy.maxAttempts) return { retry: false, note: `gave up after ${tries}` };
  if (serverRequestedMs !== undefined && serverRequestedMs > policy.maxDelayMs) {
    return { retry: false, note: `the server asked to retry after ${Math.ceil(serverRequestedMs / 1000)} s, more than the ${policy.maxDelayMs} ms limit; gave up after ${tries}` };
  }
  if (Date.now() + delayMs >= deadline) {
    return { retry: false, note: `gave up after ${tries}: the ${policy.totalTimeoutMs} ms retry budget is spent` };
  }
  return { retry: true, delayMs };
}

/** The same failure with a note on how the retries ended. */
function withNote(failure: GoogleApiError | ApiTransportError, identity: CallIdentity, attempts: number, note: string) {
  if (failure instanceof GoogleApiError) {
    return new GoogleApiError(
      identity,
      { httpStatus: failure.httpStatus, status: failure.status, googleMessage: failure.googleMessage, details: failure.details },
      { attempts, retryable: failure.retryable, note },
    );
  }
  const detail = failure.message.slice(`${identity.method} ${identity.resource} failed: `.length);
  return new ApiTransportError(identity, failure.kind, detail, { attempts, code: failure.code, note, permanent: !failure.retryable });
}

/** Reads an HTTP error answer: Google's envelope when there is one, the start of the body otherwise. */
function errorFields(httpStatus: number, text: string, secrets: Iterable<string>): GoogleErrorFields {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const envelope = ErrorEnvelopeSchema.safeParse(body);
  if (envelope.success) {
    const { error } = envelope.data;
    return {
      httpStatus,
      status: error.status ?? statusForHttp(httpStatus),
      googleMessage: redactSecrets(error.message ?? "(no message)", secrets),
      // Details are server text too (ErrorInfo metadata, help links): scrub them like the message.
      details: JSON.parse(redactSecrets(JSON.stringify(error.details ?? []), secrets)) as GoogleErrorFields["details"],
    };
  }
  const snippet = text.trim().replace(/\s+/g, " ").slice(0, 300);
  return {
    httpStatus,
    status: statusForHttp(httpStatus),
    googleMessage: redactSecrets(snippet || "(empty body)", secrets),
    details: [],
  };
}

function parseSuccess<T>(call: ApiCall<T>, identity: CallIdentity, httpStatus: number, text: string, attempts: number): T {
  let body: unknown;
  try {
    body = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new ApiResponseFormatError(identity, httpStatus, [`body is not JSON: ${JSON.stringify(text.slice(0, 120))}`], attempts);
  }
  const parsed = call.schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  throw new ApiResponseFormatError(identity, httpStatus, issues, attempts);
}

/** `["tuningTask", "snapshots", 0, "step"]` → `tuningTask.snapshots[0].step`. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(body)";
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}

// Resource names are made of [a-z0-9-], but encode anyway; `:` stays literal for custom methods (`:generateContent`).
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%3A/gi, ":").replace(/%40/g, "@");
}
