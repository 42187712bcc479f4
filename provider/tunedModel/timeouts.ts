import { parseDuration } from "../config/duration";
import type { CheckedTunedModelInputs } from "./inputs";

/**
 * Defaults for the provider's own deadlines. The Node dynamic-provider host ignores Pulumi's
 * `customTimeouts`, so the resource takes `timeouts` as an argument instead.
 */
export const DEFAULT_TIMEOUTS_MS = { create: 2 * 3_600_000, update: 20 * 60_000, delete: 20 * 60_000 } as const;

/** Milliseconds allowed for one kind of operation on this resource. */
export function timeoutMs(inputs: Pick<CheckedTunedModelInputs, "timeouts">, kind: keyof typeof DEFAULT_TIMEOUTS_MS): number {
  const given = inputs.timeouts?.[kind];
  return (given === undefined ? undefined : parseDuration(given)) ?? DEFAULT_TIMEOUTS_MS[kind];
}
