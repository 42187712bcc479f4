import { z } from "zod";

/**
 * Numeric arguments checked against the type their field has on the wire (docs/gemini-api.md#conventions,
 * docs/vertex-ai.md#hyperparameters-and-adapter-sizes), so that a value the service cannot hold fails at
 * preview instead of as a 400 at `up`. Reasons do not repeat the property: the engine prints it.
 */

/** The largest int32: the bound of `epochCount`, `batchSize` and `topK` on the Gemini API. */
export const INT32_MAX = 2 ** 31 - 1;

/** The largest float32: the bound of `float` fields such as `learningRate`. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** The largest int64 as digits (`readerProjectNumbers`, which travel as strings). */
export const INT64_MAX_DIGITS = "9223372036854775807";

const number = () => z.number({ error: "must be a number" });
// Not zod's `.int()`: it also refuses whole numbers beyond 2^53 as "not whole", which hides the real bound.
const whole = () => number().refine(Number.isInteger, { message: "must be a whole number", abort: true });

/** A whole number in [1, INT32_MAX]. */
export function positiveInt32() {
  return whole().pipe(number().positive("must be greater than 0").max(INT32_MAX, `must be at most ${INT32_MAX} (the field is an int32)`));
}

/**
 * A whole number ≥ 1 on an int64 field sent as a JSON number: bounded by the integers a double holds
 * exactly, since a larger one would reach the service as a different number.
 */
export function positiveInt64() {
  return whole().pipe(
    number().positive("must be greater than 0").max(Number.MAX_SAFE_INTEGER, `must be at most ${Number.MAX_SAFE_INTEGER} (larger whole numbers lose precision in JSON)`),
  );
}

/** A positive float32: finite, at most FLOAT32_MAX, and not so small that it rounds to 0 on the wire. */
export function positiveFloat32() {
  return number()
    .positive("must be greater than 0")
    .max(FLOAT32_MAX, `must be at most ${FLOAT32_MAX} (the field is a float)`)
    .refine((value) => Math.fround(value) > 0, { message: "is too small for a float: it would reach the service as 0" });
}

/** A positive double (Vertex's `learningRateMultiplier`): any finite number above 0. */
export function positiveDouble() {
  return number().positive("must be greater than 0");
}

/** Whether a string of digits fits an int64. */
export function fitsInt64(digits: string): boolean {
  const trimmed = digits.replace(/^0+(?=\d)/, "");
  return trimmed.length < INT64_MAX_DIGITS.length || (trimmed.length === INT64_MAX_DIGITS.length && trimmed <= INT64_MAX_DIGITS);
}
