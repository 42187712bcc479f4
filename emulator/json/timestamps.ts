/**
 * Time values for `google.protobuf.Timestamp` fields.
 *
 * Internally the emulator keeps times as epoch milliseconds with a fractional part (microsecond resolution),
 * so that two events in the same millisecond still order correctly and the output carries the 6 fractional
 * digits a real timestamp usually has (RFC 3339, `Z`, 0/3/6/9 fractional digits; docs/gemini-api.md, Conventions).
 */

/** Current wall-clock time in epoch milliseconds, with microsecond resolution. */
export function nowMs(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000) / 1000;
}

/**
 * Formats epoch milliseconds as RFC 3339 in UTC with a `Z` suffix, using 3 or 6 fractional digits, the
 * shortest that represents the value exactly (proto3 JSON's canonical form).
 */
export function formatTimestamp(ms: number): string {
  const micros = Math.round(ms * 1000);
  const wholeMs = Math.floor(micros / 1000);
  const extraMicros = micros - wholeMs * 1000;
  const iso = new Date(wholeMs).toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  if (extraMicros === 0) return iso;
  return `${iso.slice(0, -1)}${String(extraMicros).padStart(3, "0")}Z`;
}

/** Formats a duration in seconds as a proto3 JSON `Duration` string (`"12s"`, `"0.500s"`). */
export function formatDuration(seconds: number): string {
  return Number.isInteger(seconds) ? `${seconds}s` : `${seconds.toFixed(3)}s`;
}
