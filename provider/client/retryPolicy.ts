/**
 * How the client retries a call. Delays follow exponential backoff with full jitter (AWS architecture
 * blog, "Exponential Backoff And Jitter"): spreading retries uniformly over [0, cap] keeps many clients
 * that failed together from retrying together.
 */
export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** Cap of the first backoff window. */
  initialDelayMs: number;
  /** Largest single wait, also the ceiling for server-requested delays we are willing to honour. */
  maxDelayMs: number;
  /** Growth of the backoff window per attempt. */
  multiplier: number;
  /** Budget for the whole call, retries and waits included; no attempt starts after it is spent. */
  totalTimeoutMs: number;
  /** HTTP statuses worth retrying. */
  retryableStatuses: readonly number[];
}

/** Defaults: 10 attempts, 1 s first window doubling to 30 s, 5 minutes overall. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxAttempts: 10,
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  multiplier: 2,
  totalTimeoutMs: 5 * 60_000,
  retryableStatuses: Object.freeze([429, 500, 502, 503, 504]),
});

/** The default policy with some fields replaced. */
export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...overrides };
}

/**
 * The wait before retry number `retry` (1 = the first retry): uniform in [0, window], where the window
 * grows by `multiplier` per retry up to `maxDelayMs`.
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const window = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** Math.max(0, retry - 1));
  return Math.floor(random() * window);
}

/**
 * Which failures a call may retry.
 * - `"safe"`: every retryable status, connection error and per-request timeout. Right for reads, for
 *   PATCH/DELETE (repeating them converges on the same state), and for a create with an explicit
 *   `tunedModelId`: if a first attempt did reach the server, the retry answers 409 ALREADY_EXISTS and the
 *   caller adopts the model it made instead of training twice.
 * - `"unprocessed"`: only failures that prove the server did not act: 429 (rejected by quota before
 *   processing) and a refused connection. Right for non-idempotent POSTs (a permission create).
 * - `"never"`: no retries.
 */
export type RetryMode = "safe" | "unprocessed" | "never";
