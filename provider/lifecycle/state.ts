import { z } from "zod";

/**
 * Pulumi's property maps cannot hold `undefined`: absent keys are how "not set" travels. The one place
 * that turns a typed value into the plain JSON the engine records (undefined members dropped, at any
 * depth).
 */
export function toPropertyMap<T extends object>(value: T): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/**
 * Fresh outputs on top of the recorded ones: keeps what only earlier calls knew (an operation name, a
 * step count), while every field the service owns reflects the service, including fields it no longer
 * has (`serviceOwned` lists those it just reported as absent).
 */
export function mergeOutputs(previous: Record<string, unknown>, fresh: Record<string, unknown>, absentServiceFields: readonly string[]): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...previous, ...fresh };
  for (const field of absentServiceFields) delete merged[field];
  return merged;
}

/**
 * A field of a recorded state as a tolerant schema: a value of an unexpected shape (written by another
 * version, or edited by hand) reads as absent instead of failing the whole resource, so the next diff
 * proposes to set it again rather than every command stopping on it.
 */
export function tolerant<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** Parses recorded outputs (olds, props) with a resource's tolerant state schema; never throws. */
export function readState<T>(schema: z.ZodType<T>, recorded: Record<string, unknown>): T {
  const parsed = schema.safeParse(recorded);
  // Every field is tolerant, so only a non-object can fail; that reads as an empty state.
  return parsed.success ? parsed.data : schema.parse({});
}
