import type { AnyMessage } from "../google/status";
import { errorInfoReason, fieldViolations } from "../google/errorEnvelope";
import { redactSecrets, withoutUrlCredentials } from "../auth/redact";

/** Which call failed: enough to say what was wrong and where. */
export interface CallIdentity {
  /** API method, e.g. `tunedModels.create`. */
  method: string;
  /** Resource the call was about, e.g. `tunedModels/abc`. */
  resource: string;
}

/** Base of every error the client throws for a call; carries the call's identity and attempt count. */
export abstract class ApiCallError extends Error {
  /** API method, e.g. `tunedModels.create`. */
  readonly method: string;
  /** Resource the call was about. */
  readonly resource: string;
  /** Attempts made, the first included. */
  readonly attempts: number;
  /** Whether the failure is of a kind that a later retry may cure. */
  abstract readonly retryable: boolean;

  protected constructor(call: CallIdentity, message: string, attempts: number) {
    super(message);
    this.method = call.method;
    this.resource = call.resource;
    this.attempts = attempts;
  }
}

/** Fields of a {@link GoogleApiError} as parsed from the response. */
export interface GoogleErrorFields {
  /** HTTP status code. */
  httpStatus: number;
  /** Google's canonical status name, e.g. `NOT_FOUND` (derived from the HTTP code when the body lacks one). */
  status: string;
  /** Google's human-readable message (redacted). */
  googleMessage: string;
  /** The envelope's `details` (`BadRequest`, `ErrorInfo`, `RetryInfo`...). */
  details: AnyMessage[];
}

/** The service answered with an HTTP error (after any retries). */
export class GoogleApiError extends ApiCallError {
  /** HTTP status code. */
  readonly httpStatus: number;
  /** Google's canonical status name, e.g. `INVALID_ARGUMENT`. */
  readonly status: string;
  /** Google's message, with any credential redacted. */
  readonly googleMessage: string;
  /** Parsed `details` of the error envelope. */
  readonly details: AnyMessage[];
  /** `ErrorInfo.reason`, e.g. `API_KEY_INVALID`, when the service sent one. */
  readonly reason: string | undefined;
  /** Whether the status is one the client retries. */
  readonly retryable: boolean;

  constructor(call: CallIdentity, fields: GoogleErrorFields, options: { attempts?: number; retryable: boolean; note?: string }) {
    super(call, composeMessage(call, fields, options.note), options.attempts ?? 1);
    this.name = "GoogleApiError";
    this.httpStatus = fields.httpStatus;
    this.status = fields.status;
    this.googleMessage = fields.googleMessage;
    this.details = fields.details;
    this.reason = errorInfoReason(fields.details);
    this.retryable = options.retryable;
  }
}

function composeMessage(call: CallIdentity, fields: GoogleErrorFields, note: string | undefined): string {
  const violations = fieldViolations(fields.details)
    .map((v) => `${v.field}: ${v.description}`)
    .join("; ");
  const parts = [`${call.method} ${call.resource} failed: HTTP ${fields.httpStatus} ${fields.status}: ${fields.googleMessage}`];
  if (violations) parts.push(` (fieldViolations: ${violations})`);
  if (note) parts.push(` (${note})`);
  const hint = hintFor(fields);
  if (hint) parts.push(`; ${hint}`);
  return parts.join("");
}

/** What to do next, for the failures a user can fix themselves. */
function hintFor(fields: GoogleErrorFields): string | undefined {
  const reason = errorInfoReason(fields.details);
  if (reason === "API_KEY_INVALID" || fields.httpStatus === 401) {
    return "check the API key (gemini:apiKey, GEMINI_API_KEY) or the Application Default Credentials";
  }
  if (fields.httpStatus === 403 && /scope/i.test(fields.googleMessage)) {
    return "the OAuth token lacks the generative-language.tuning scope: use an API key or re-create ADC with that scope";
  }
  if (fields.httpStatus === 429) return "the project's quota is exhausted; wait and retry, or raise the quota";
  return undefined;
}

/** No HTTP answer: the connection failed or the per-request timeout expired (after any retries). */
export class ApiTransportError extends ApiCallError {
  /** `connection` (refused, reset, dropped) or `timeout` (no complete answer in time). */
  readonly kind: "connection" | "timeout";
  /** The system error code when known, e.g. `ECONNRESET`. */
  readonly code: string | undefined;
  /** False only for configuration errors (unknown host, unsupported URL scheme); other failures are transient. */
  readonly retryable: boolean;

  constructor(
    call: CallIdentity,
    kind: "connection" | "timeout",
    detail: string,
    options: { attempts: number; code?: string; note?: string; permanent?: boolean },
  ) {
    const note = options.note ? ` (${options.note})` : "";
    super(call, `${call.method} ${call.resource} failed: ${detail}${note}`, options.attempts);
    this.name = "ApiTransportError";
    this.kind = kind;
    this.code = options.code;
    this.retryable = !options.permanent;
  }
}

/**
 * The service answered with a redirect (3xx). Google's APIs do not redirect, so the service root is wrong
 * (typically `http://` for `https://`, or a web page's address): a permanent answer, never retried.
 */
export class ApiRedirectError extends ApiCallError {
  /** HTTP status of the answer, e.g. 301. */
  readonly httpStatus: number;
  /** Where the answer points, absolute, without credentials; undefined when it had no `Location`. */
  readonly location: string | undefined;
  /** Asking again gets the same redirect. */
  readonly retryable = false;

  constructor(call: CallIdentity, httpStatus: number, location: string | null, baseUrl: string, attempts: number) {
    const target = location === null ? undefined : redactSecrets(withoutUrlCredentials(absolute(location, baseUrl)));
    const where = target === undefined ? "without a Location" : `to ${target}`;
    super(
      call,
      `${call.method} ${call.resource} failed: HTTP ${httpStatus} redirect ${where}; Google's APIs do not redirect, so the service root ` +
        `${redactSecrets(withoutUrlCredentials(baseUrl))} is probably wrong (http:// for https://?): set baseUrl to the API's root`,
      attempts,
    );
    this.name = "ApiRedirectError";
    this.httpStatus = httpStatus;
    this.location = target;
  }
}

function absolute(location: string, base: string): string {
  try {
    return new URL(location, `${base}/`).href;
  } catch {
    return location;
  }
}

/** A successful HTTP answer whose body is not what the API defines (not JSON, or fails the schema). */
export class ApiResponseFormatError extends ApiCallError {
  /** HTTP status of the answer. */
  readonly httpStatus: number;
  /** Each problem as `path: message`. */
  readonly issues: string[];
  /** A malformed answer will not improve by asking again. */
  readonly retryable = false;

  constructor(call: CallIdentity, httpStatus: number, issues: string[], attempts: number) {
    super(call, `${call.method} ${call.resource}: unexpected response (HTTP ${httpStatus}): ${issues.join("; ")}`, attempts);
    this.name = "ApiResponseFormatError";
    this.httpStatus = httpStatus;
    this.issues = issues;
  }
}

/** The caller's abort signal fired; nothing is retried after that. */
export class ApiCallAbortedError extends ApiCallError {
  /** An abort is the caller's decision, not a transient failure. */
  readonly retryable = false;

  constructor(call: CallIdentity, attempts: number, reason?: unknown) {
    super(call, `${call.method} ${call.resource} was aborted${reasonText(reason)}`, attempts);
    this.name = "AbortError";
  }
}

function reasonText(reason: unknown): string {
  const { name, message } = (reason ?? {}) as { name?: unknown; message?: unknown };
  if (typeof message === "string" && name !== "AbortError") return `: ${message}`;
  if (typeof reason === "string") return `: ${reason}`;
  return "";
}

/** True for a 404 / NOT_FOUND answer. */
export function isNotFound(error: unknown): error is GoogleApiError {
  return error instanceof GoogleApiError && (error.httpStatus === 404 || error.status === "NOT_FOUND");
}

/** The call's result, or undefined when the service answered 404: for callers to whom "absent" is an answer. */
export async function orUndefinedIfNotFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** True for a 409 / ALREADY_EXISTS answer (e.g. a create whose `tunedModelId` is taken). */
export function isAlreadyExists(error: unknown): error is GoogleApiError {
  return error instanceof GoogleApiError && (error.status === "ALREADY_EXISTS" || (error.httpStatus === 409 && error.status !== "ABORTED"));
}

/** True for an error caused by an abort signal, ours or the platform's. */
export function isAbortError(error: unknown): boolean {
  // By name, not `instanceof`: DOMException and undici errors may come from another realm.
  return error instanceof ApiCallAbortedError || (error as { name?: unknown } | null)?.name === "AbortError";
}

/** Canonical status names by HTTP code (google.rpc.Code mapping), for error bodies that lack `status`. */
export function statusForHttp(httpStatus: number): string {
  const known: Record<number, string> = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ALREADY_EXISTS",
    429: "RESOURCE_EXHAUSTED",
    499: "CANCELLED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
  };
  return known[httpStatus] ?? (httpStatus >= 500 ? "UNKNOWN" : "FAILED_PRECONDITION");
}
