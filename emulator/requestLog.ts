/**
 * The record of API requests the emulator received, for tests to assert what a client sent, and the log line
 * per request. Neither ever holds an API key, a token or a body: credential-bearing query parameters are
 * redacted and headers are reduced to facts (auth kind, user project).
 */
import { AuthKind } from "./auth";

/** One API request as recorded. */
export interface RecordedRequest {
  /** 1-based arrival order. */
  seq: number;
  /** When it arrived (RFC 3339). */
  time: string;
  method: string;
  /** Path without query. */
  path: string;
  /** Query parameters (credential values redacted); repeated parameters become arrays. */
  query: Record<string, string | string[]>;
  /** Route name, e.g. `tunedModels.create`, or `unknown`. */
  route: string;
  /** Status answered; 0 when the connection was dropped by a fault. */
  status: number;
  /** `updateMask` paths, when the request had one. */
  updateMask?: string[];
  /** Value of the `x-goog-user-project` header. */
  userProject?: string;
  authKind: AuthKind;
  /** Ids of faults that hit this request. */
  faults?: string[];
  /** Time spent answering, in milliseconds. */
  durationMs: number;
}

/** Query parameters whose values are credentials. */
const SECRET_PARAMS = new Set(["key", "access_token", "oauth_token"]);

/** Recorded requests are capped (oldest dropped) so a long CI run cannot exhaust memory. */
export const MAX_RECORDED_REQUESTS = 10000;

/** Query parameters as a plain object, with credential values replaced by `[redacted]`. */
export function redactedQuery(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, raw] of query) {
    const value = SECRET_PARAMS.has(name) ? "[redacted]" : raw;
    const prior = out[name];
    out[name] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}

/** Collects recorded requests and per-route counts. */
export class RequestRecorder {
  private entries: RecordedRequest[] = [];
  private byRoute: Record<string, number> = {};
  private seq = 0;

  /** Assigns the next sequence number. */
  nextSeq(): number {
    return ++this.seq;
  }

  /** Adds one request. */
  record(entry: RecordedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_RECORDED_REQUESTS) this.entries.shift();
    this.byRoute[entry.route] = (this.byRoute[entry.route] ?? 0) + 1;
  }

  /** Recorded requests in arrival order (copies). */
  list(): RecordedRequest[] {
    return [...this.entries].sort((a, b) => a.seq - b.seq).map((e) => ({ ...e, query: { ...e.query } }));
  }

  /** Requests counted per route since the last clear. */
  counts(): Record<string, number> {
    return { ...this.byRoute };
  }

  /** Forgets recorded requests and counts. */
  clear(): void {
    this.entries = [];
    this.byRoute = {};
  }
}

/** The log line for one request: method, path, status, route, duration; nothing secret. */
export function logLine(entry: RecordedRequest): string {
  const status = entry.status === 0 ? "dropped" : String(entry.status);
  return `${entry.method} ${entry.path} -> ${status} ${entry.route} ${entry.durationMs.toFixed(1)}ms`;
}
