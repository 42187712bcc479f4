/**
 * Google's error model: the HTTP envelope `{error:{code,message,status,details}}` (docs/gemini-api.md#errors) and the
 * standard `google.rpc` detail messages, built the way the real front end builds them.
 */

/** Canonical status names (google.rpc.Code) the emulator emits. */
export type StatusName =
  | "CANCELLED"
  | "UNKNOWN"
  | "INVALID_ARGUMENT"
  | "DEADLINE_EXCEEDED"
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "PERMISSION_DENIED"
  | "RESOURCE_EXHAUSTED"
  | "FAILED_PRECONDITION"
  | "ABORTED"
  | "OUT_OF_RANGE"
  | "UNIMPLEMENTED"
  | "INTERNAL"
  | "UNAVAILABLE"
  | "DATA_LOSS"
  | "UNAUTHENTICATED";

/** gRPC numeric code for each status name (google/rpc/code.proto); operations carry these, not HTTP codes. */
export const GRPC_CODE: Record<StatusName, number> = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
};

/** HTTP status for each canonical status (docs/gemini-api.md#errors). */
export const HTTP_STATUS: Record<StatusName, number> = {
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
  UNAUTHENTICATED: 401,
};

/** The status name Google uses for a bare HTTP status (the first canonical status mapped to each code). */
export function statusForHttp(http: number): StatusName {
  const table: Record<number, StatusName> = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ALREADY_EXISTS",
    429: "RESOURCE_EXHAUSTED",
    499: "CANCELLED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
  };
  return table[http] ?? (http >= 500 ? "INTERNAL" : "INVALID_ARGUMENT");
}

/** The status name for a gRPC numeric code, or UNKNOWN. */
export function statusForGrpc(code: number): StatusName {
  const found = (Object.keys(GRPC_CODE) as StatusName[]).find((name) => GRPC_CODE[name] === code);
  return found ?? "UNKNOWN";
}

const TYPE_PREFIX = "type.googleapis.com/google.rpc.";

/** One `BadRequest.FieldViolation`: a proto field path (snake_case) and what is wrong with it. */
export interface FieldViolation {
  field: string;
  description: string;
}

/** `google.rpc.BadRequest` detail. */
export function badRequestDetail(violations: FieldViolation[]): Record<string, unknown> {
  return { "@type": `${TYPE_PREFIX}BadRequest`, fieldViolations: violations };
}

/** `google.rpc.ErrorInfo` detail. */
export function errorInfoDetail(reason: string, metadata: Record<string, string>): Record<string, unknown> {
  return { "@type": `${TYPE_PREFIX}ErrorInfo`, reason, domain: "googleapis.com", metadata };
}

/** `google.rpc.RetryInfo` detail; the delay is a proto3 JSON Duration string. */
export function retryInfoDetail(seconds: number): Record<string, unknown> {
  return { "@type": `${TYPE_PREFIX}RetryInfo`, retryDelay: `${seconds}s` };
}

/** `google.rpc.LocalizedMessage` detail (sent alongside API_KEY_INVALID). */
export function localizedMessageDetail(message: string): Record<string, unknown> {
  return { "@type": `${TYPE_PREFIX}LocalizedMessage`, locale: "en-US", message };
}

/** `google.rpc.QuotaFailure` detail (sent with 429 on Gemini endpoints). */
export function quotaFailureDetail(subject: string, description: string): Record<string, unknown> {
  return { "@type": `${TYPE_PREFIX}QuotaFailure`, violations: [{ subject, description }] };
}

/** `service` metadata value used in every ErrorInfo, as the real service reports it. */
export const SERVICE_NAME = "generativelanguage.googleapis.com";

/**
 * An API error that the server renders as Google's envelope. Handlers throw it; the pipeline catches it.
 * `headers` lets a 429 carry `Retry-After`.
 */
export class ApiError extends Error {
  readonly httpStatus: number;

  /**
   * @param status canonical status name
   * @param message human-readable English message
   * @param details `google.rpc` detail objects, each with `@type`
   * @param headers extra response headers
   */
  constructor(
    readonly status: StatusName,
    message: string,
    readonly details: Record<string, unknown>[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.httpStatus = HTTP_STATUS[status];
  }

  /** The JSON body Google sends: `details` is omitted when empty (proto3 default). */
  toBody(): Record<string, unknown> {
    const error: Record<string, unknown> = { code: this.httpStatus, message: this.message, status: this.status };
    if (this.details.length > 0) error.details = this.details;
    return { error };
  }
}

/** 400 INVALID_ARGUMENT with a BadRequest listing every violation. */
export function invalidArgument(message: string, violations: FieldViolation[] = []): ApiError {
  return new ApiError("INVALID_ARGUMENT", message, violations.length > 0 ? [badRequestDetail(violations)] : []);
}

/** 400 FAILED_PRECONDITION (state does not allow the call, e.g. generateContent on a CREATING model). */
export function failedPrecondition(message: string): ApiError {
  return new ApiError("FAILED_PRECONDITION", message);
}

/** 404 NOT_FOUND. */
export function notFound(message: string): ApiError {
  return new ApiError("NOT_FOUND", message);
}

/** 409 ALREADY_EXISTS. */
export function alreadyExists(message: string): ApiError {
  return new ApiError("ALREADY_EXISTS", message);
}

/**
 * 403 PERMISSION_DENIED with the observed message for tuned models the caller may not use (docs/gemini-api.md#errors).
 */
export function tunedModelPermissionDenied(name: string): ApiError {
  return new ApiError("PERMISSION_DENIED", `You do not have permission to access tuned model ${name}`);
}

/** The 404 Google's front end answers for a path/method pair no RPC is bound to. */
export function methodNotFound(): ApiError {
  return new ApiError("NOT_FOUND", "Method not found.");
}
