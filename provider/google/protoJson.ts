import { z } from "zod";

/**
 * Field codecs for proto3 JSON as Google serves it. The service is free to spell an `int64` as a string,
 * an `int32` or `float` as a numeric string, and an enum as its integer; these codecs accept every legal
 * spelling and hand the caller one canonical form, so nothing downstream has to care.
 */

const DECIMAL_INTEGER = /^-?\d+$/;
const DECIMAL_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** An `int64`: number or decimal string on the wire, always a decimal string after parsing (no precision loss). */
export const int64 = z.union([
  z.string().regex(DECIMAL_INTEGER, "expected an int64 as a decimal string"),
  z.number().int().transform((value) => value.toFixed(0)),
]);

/** An `int32`: number or decimal string on the wire, always a number after parsing. */
export const int32 = z.union([
  z.number().int(),
  z.string().regex(DECIMAL_INTEGER, "expected an int32").transform(Number),
]);

/** A `float`/`double`: number, numeric string, or one of proto3's special strings; always a number after parsing. */
export const float = z.union([
  z.number(),
  z.string().regex(DECIMAL_NUMBER, "expected a number").transform(Number),
  z.enum(["NaN", "Infinity", "-Infinity"]).transform(Number),
]);

/** A `google.protobuf.Timestamp`: an RFC 3339 string, kept as the string the service sent. */
export const timestamp = z.string();

/**
 * A proto enum: its name, or its integer (which proto3 JSON also allows) mapped to the name. Names the
 * client does not know yet are kept as they are rather than rejected, so a new server-side value does
 * not break every read.
 */
export function protoEnum<const Names extends readonly [string, ...string[]]>(names: Names) {
  return z.union([
    z.string(),
    z
      .number()
      .int()
      .transform((index) => names[index] ?? String(index)),
  ]) as unknown as z.ZodType<Names[number] | (string & {}), string | number>;
}

/** `google.protobuf.Empty` (delete responses): `{}`, anything else tolerated. */
export const EmptySchema = z.looseObject({});
