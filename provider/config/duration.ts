/**
 * Durations in the form Pulumi's `customTimeouts` use (`"2h"`, `"30m"`, `"1h30m"`, `"90s"`, `"500ms"`),
 * or a number of seconds.
 */
export type DurationInput = string | number;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

/** Milliseconds of a duration, or undefined when it is not one (the caller reports where). */
export function parseDuration(value: DurationInput): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? value * 1000 : undefined;
  const text = value.trim();
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(amount) * UNIT_MS[unit];
  return total > 0 ? total : undefined;
}
