/**
 * Parses a `Retry-After` header (RFC 9110 §10.2.3): either delay-seconds or an HTTP date. Returns the
 * delay in milliseconds, or undefined when absent or unparsable. An HTTP date is the server's clock: it
 * is read against the same answer's `Date` header when that parses (a server whose clock runs ahead of
 * ours would otherwise seem to ask for a wait of hours), and against `nowMs` otherwise.
 */
export function retryAfterMs(header: string | null | undefined, nowMs: number, dateHeader?: string | null): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  const serverNow = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  return Math.max(0, at - (Number.isNaN(serverNow) ? nowMs : serverNow));
}
