import { z } from "zod";
import { longTimeoutSignal } from "../waiter";

/**
 * Durations in the form Pulumi's `customTimeouts` use (`"2h"`, `"30m"`, `"1h30m"`, `"90s"`, `"500ms"`),
 * or a number of seconds.
 */
export type DurationInput = string | number;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

/**
 * The longest deadline a resource accepts: 8760 hours (365 days). Every duration up to it is honoured as
 * written (the timers behind it are chunked past `setTimeout`'s 24.8-day limit); a longer one fails check.
 */
export const MAX_DURATION_MS = 365 * 24 * 3_600_000;

/** Milliseconds of a duration, or undefined when it is not one (the caller reports where). */
export function parseDuration(value: DurationInput): number | undefined {
  if (typeof value === "number") return Number.isFinite(value * 1000) && value > 0 ? value * 1000 : undefined;
  const text = value.trim();
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(amount) * UNIT_MS[unit];
  return total > 0 ? total : undefined;
}

/** A resource's `timeouts` argument: one duration per kind of operation. */
export interface TimeoutsInput {
  /** Creating (training) the model. */
  create?: DurationInput;
  /** Updating it in place. */
  update?: DurationInput;
  /** Deleting it. */
  delete?: DurationInput;
}

/**
 * Defaults for the provider's own deadlines. The Node dynamic-provider host ignores Pulumi's
 * `customTimeouts`, so each resource takes `timeouts` as an argument instead.
 */
export const DEFAULT_TIMEOUTS_MS = { create: 2 * 3_600_000, update: 20 * 60_000, delete: 20 * 60_000 } as const;

/** Milliseconds allowed for one kind of operation on a resource. */
export function timeoutMs(inputs: { timeouts?: TimeoutsInput }, kind: keyof typeof DEFAULT_TIMEOUTS_MS): number {
  const given = inputs.timeouts?.[kind];
  return (given === undefined ? undefined : parseDuration(given)) ?? DEFAULT_TIMEOUTS_MS[kind];
}

/**
 * The deadline of one operation that starts now: the epoch time it ends at and a signal that aborts then.
 * Both are built from the same instant, so a step that checks the time and a request that honours the
 * signal agree on when the operation is over.
 */
export function operationDeadline(inputs: { timeouts?: TimeoutsInput }, kind: keyof typeof DEFAULT_TIMEOUTS_MS, now: number = Date.now()): { at: number; signal: AbortSignal } {
  const limit = timeoutMs(inputs, kind);
  return { at: now + limit, signal: longTimeoutSignal(limit) };
}

/** The zod schema of a `timeouts` argument, with the reason a bad duration fails check. */
export const timeoutsSchema = z
  .object({ create: durationSchema().optional(), update: durationSchema().optional(), delete: durationSchema().optional() })
  .optional();

function durationSchema() {
  return z
    .union([z.string(), z.number()])
    .refine((value) => parseDuration(value) !== undefined, { message: 'must be a duration such as "2h", "30m" or "90s"', abort: true })
    .refine((value) => (parseDuration(value) ?? 0) <= MAX_DURATION_MS, { message: 'must be at most "8760h" (365 days)' });
}

/** A recorded `timeouts` argument, read back from state without judging it (check already did). */
export const timeoutsStateSchema = z.object({
  create: z.union([z.string(), z.number()]).optional(),
  update: z.union([z.string(), z.number()]).optional(),
  delete: z.union([z.string(), z.number()]).optional(),
});
