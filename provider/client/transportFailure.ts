/** A request that got no HTTP answer, classified for the retry decision. */
export interface TransportFailure {
  /** `connection`: refused/reset/dropped; `timeout`: the per-request timer fired. */
  kind: "connection" | "timeout";
  /** System or undici error code, e.g. `ECONNRESET`, `UND_ERR_SOCKET`. */
  code: string | undefined;
  /** Human-readable cause. */
  detail: string;
  /** True when the request provably never reached the server (safe to resend even if not idempotent). */
  unsent: boolean;
  /** True when retrying cannot help (no such host, a URL scheme fetch cannot speak, a bad certificate). */
  permanent?: boolean;
}

// Configuration errors that retrying cannot fix: DNS says the host does not exist, the URL is invalid,
// the certificate is wrong.
const PERMANENT_CODES = new Set(["ENOTFOUND", "ERR_INVALID_URL", "ERR_TLS_CERT_ALTNAME_INVALID", "CERT_HAS_EXPIRED"]);

/**
 * Classifies what `fetch` (undici) threw. Its network failures are `TypeError("fetch failed")` with the
 * system error as `cause` (`ECONNREFUSED`, `ECONNRESET`, `UND_ERR_SOCKET` "other side closed", "socket
 * hang up"); a body cut off mid-read is `TypeError("terminated")`. Configuration errors (unknown host,
 * a scheme such as `ftp:`) are marked permanent. Returns undefined for anything else (a bug), which must
 * not be retried.
 */
export function classifyTransportFailure(error: unknown, timedOut: boolean): TransportFailure | undefined {
  if (timedOut) return { kind: "timeout", code: "ETIMEDOUT", detail: "no answer within the request timeout", unsent: false };
  // Duck-typed, not `instanceof`: undici's errors come from another realm under test runners and VMs.
  const message = messageOf(error);
  if (message === undefined) return undefined;
  const cause = (error as { cause?: unknown }).cause;
  const code = errorCode(cause) ?? errorCode(error);
  const causeText = messageOf(cause) ?? message;
  if ((code !== undefined && PERMANENT_CODES.has(code)) || /unknown scheme/i.test(causeText)) {
    return { kind: "connection", code, detail: `cannot connect: ${causeText}${code && !causeText.includes(code) ? ` (${code})` : ""}`, unsent: true, permanent: true };
  }
  const network =
    ((error as { name?: unknown }).name === "TypeError" && /fetch failed|terminated|network/i.test(message)) ||
    code !== undefined ||
    /socket hang up|ECONNRESET|ECONNREFUSED|other side closed/i.test(message);
  if (!network) return undefined;
  return {
    kind: "connection",
    code,
    detail: `connection failed: ${causeText}${code && !causeText.includes(code) ? ` (${code})` : ""}`,
    unsent: code === "ECONNREFUSED",
  };
}

function messageOf(value: unknown): string | undefined {
  const message = (value as { message?: unknown } | null | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

function errorCode(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}
