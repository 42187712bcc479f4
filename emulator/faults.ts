/**
 * Fault injection: make chosen API requests fail, slow down, or lose their connection, so clients' retry,
 * timeout and idempotency paths can be tested. Faults never apply to `/emulator/...` control routes.
 */
import { ApiError, quotaFailureDetail, retryInfoDetail, statusForHttp } from "./errors";
import { nowMs } from "./json/timestamps";
import { seededRandom } from "./random";

/** What a fault does and to which requests. */
export interface FaultSpec {
  /** Answer with this HTTP status (429 adds `Retry-After` and RetryInfo; 500; 503; any 4xx/5xx works). */
  status?: number;
  /** Delay the response by this many milliseconds (combinable with `status` or `drop`). */
  latencyMs?: number;
  /** Destroy the connection without answering. */
  drop?: boolean;
  /** Apply to the next `count` matching requests, then expire (default: unlimited). */
  count?: number;
  /** Only requests with this HTTP method (case-insensitive). */
  method?: string;
  /** Only requests whose path (without query) matches this regular expression source. */
  pathPattern?: string;
  /** Only requests of this route (e.g. `tunedModels.create`, `operations.get`). */
  route?: string;
  /** Chance (0..1) that a matching request is hit; default 1. */
  probability?: number;
  /** Seed for `probability`, making the hit pattern reproducible. */
  seed?: number;
  /** Expire this many milliseconds after being added. */
  durationMs?: number;
  /** `Retry-After` / RetryInfo seconds for 429 (default 1). */
  retryAfterSeconds?: number;
  /** Error message override. */
  message?: string;
  /**
   * "before" (default): the request is not executed. "after": the request is executed (a create really creates
   * the model) and only the response is replaced, which is how lost responses look to a client.
   */
  phase?: "before" | "after";
}

/** A fault as listed by the control API. */
export interface ActiveFault extends FaultSpec {
  id: string;
  /** Requests hit so far. */
  hits: number;
}

/** The combined effect of the faults matching one request. */
export interface FaultDecision {
  latencyMs: number;
  /** The fault that ends the request, if any. */
  terminal?: ActiveFault;
  /** Ids of all faults that hit. */
  ids: string[];
}

interface FaultEntry {
  fault: ActiveFault;
  pattern?: RegExp;
  random: () => number;
  remaining: number;
  expiresAtMs: number;
}

/** The faults currently armed. */
export class FaultRegistry {
  private entries: FaultEntry[] = [];
  private counter = 0;

  /** Arms a fault; returns its id. Throws RangeError on an impossible spec. */
  add(spec: FaultSpec): string {
    validate(spec);
    const id = `fault-${++this.counter}`;
    this.entries.push({
      fault: { ...spec, id, hits: 0 },
      pattern: spec.pathPattern !== undefined ? new RegExp(spec.pathPattern) : undefined,
      random: spec.seed !== undefined ? seededRandom(spec.seed) : Math.random,
      remaining: spec.count ?? Number.POSITIVE_INFINITY,
      expiresAtMs: spec.durationMs !== undefined ? nowMs() + spec.durationMs : Number.POSITIVE_INFINITY,
    });
    return id;
  }

  /** Disarms one fault (unknown ids are ignored). */
  remove(id: string): void {
    this.entries = this.entries.filter((e) => e.fault.id !== id);
  }

  /** Disarms every fault. */
  clear(): void {
    this.entries = [];
  }

  /** The armed faults, in the order they were added. */
  list(): ActiveFault[] {
    this.expire();
    return this.entries.map((e) => ({ ...e.fault }));
  }

  /**
   * Decides what happens to one request in one phase, consuming counts of the faults that hit. Latencies add
   * up; the first hitting fault with a status or `drop` ends the request.
   */
  evaluate(request: { method: string; path: string; route: string }, phase: "before" | "after"): FaultDecision {
    this.expire();
    const decision: FaultDecision = { latencyMs: 0, ids: [] };
    for (const entry of this.entries) {
      const f = entry.fault;
      if ((f.phase ?? "before") !== phase) continue;
      if (f.method !== undefined && f.method.toUpperCase() !== request.method.toUpperCase()) continue;
      if (f.route !== undefined && f.route !== request.route) continue;
      if (entry.pattern && !entry.pattern.test(request.path)) continue;
      const isTerminal = f.status !== undefined || f.drop === true;
      if (isTerminal && decision.terminal) continue;
      if (f.probability !== undefined && entry.random() >= f.probability) continue;
      entry.remaining--;
      f.hits++;
      decision.ids.push(f.id);
      decision.latencyMs += f.latencyMs ?? 0;
      if (isTerminal) decision.terminal = f;
    }
    this.entries = this.entries.filter((e) => e.remaining > 0);
    return decision;
  }

  private expire(): void {
    const now = nowMs();
    this.entries = this.entries.filter((e) => e.expiresAtMs > now && e.remaining > 0);
  }
}

function validate(spec: FaultSpec): void {
  if (spec.status === undefined && spec.latencyMs === undefined && spec.drop !== true) {
    throw new RangeError("A fault needs at least one of status, latencyMs or drop.");
  }
  if (spec.status !== undefined && (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599)) {
    throw new RangeError(`Fault status must be an HTTP error status 400..599 (got ${spec.status}).`);
  }
  if (spec.latencyMs !== undefined && !(spec.latencyMs >= 0)) throw new RangeError("latencyMs must be >= 0.");
  if (spec.count !== undefined && !(Number.isInteger(spec.count) && spec.count >= 1)) {
    throw new RangeError("count must be a positive integer.");
  }
  if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
    throw new RangeError("probability must be between 0 and 1.");
  }
  if (spec.durationMs !== undefined && !(spec.durationMs > 0)) throw new RangeError("durationMs must be > 0.");
  if (spec.phase !== undefined && spec.phase !== "before" && spec.phase !== "after") {
    throw new RangeError('phase must be "before" or "after".');
  }
  if (spec.pathPattern !== undefined) new RegExp(spec.pathPattern);
}

const DEFAULT_MESSAGES: Record<number, string> = {
  429: "Resource has been exhausted (e.g. check quota).",
  500: "Internal error encountered.",
  503: "The service is currently unavailable.",
  504: "Deadline expired before operation could complete.",
};

/** The error a status fault answers with; 429 carries RetryInfo, QuotaFailure and `Retry-After`. */
export function faultError(fault: FaultSpec & { status: number }): ApiError {
  const message = fault.message ?? DEFAULT_MESSAGES[fault.status] ?? `Injected fault (HTTP ${fault.status}).`;
  const status = statusForHttp(fault.status);
  if (fault.status === 429) {
    const seconds = fault.retryAfterSeconds ?? 1;
    return new ApiError(
      "RESOURCE_EXHAUSTED",
      message,
      [quotaFailureDetail("emulator", "Injected quota fault."), retryInfoDetail(seconds)],
      { "retry-after": String(seconds) },
    );
  }
  const error = new ApiError(status, message);
  // A status whose canonical mapping differs (e.g. 502) still goes out with the requested HTTP code.
  if (error.httpStatus !== fault.status) Object.defineProperty(error, "httpStatus", { value: fault.status });
  return error;
}
