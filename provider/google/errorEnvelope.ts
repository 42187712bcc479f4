import { z } from "zod";
import { int32 } from "./protoJson";
import { AnyMessageSchema, type AnyMessage } from "./status";

/**
 * The HTTP error envelope (docs/gemini-api.md#errors): `code` is the HTTP status, `status` the canonical code name,
 * `details` a list of `Any` (`BadRequest`, `ErrorInfo`, `RetryInfo`...).
 */
export const ErrorEnvelopeSchema = z.looseObject({
  error: z.looseObject({
    code: int32.optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(AnyMessageSchema).optional(),
  }),
});

/** A parsed error envelope. */
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

const TYPE_PREFIX = "type.googleapis.com/";

/** The details of one `google.rpc.*` kind, e.g. `detailsOfType(details, "google.rpc.BadRequest")`. */
export function detailsOfType(details: readonly AnyMessage[] | undefined, fullName: string): AnyMessage[] {
  return (details ?? []).filter((detail) => detail["@type"] === TYPE_PREFIX + fullName);
}

const FieldViolationsSchema = z.array(z.looseObject({ field: z.string().optional(), description: z.string().optional() }));

/** `BadRequest.fieldViolations` flattened across details, as `{field, description}` pairs. */
export function fieldViolations(details: readonly AnyMessage[] | undefined): Array<{ field: string; description: string }> {
  return detailsOfType(details, "google.rpc.BadRequest").flatMap((detail) => {
    const parsed = FieldViolationsSchema.safeParse(detail.fieldViolations ?? []);
    if (!parsed.success) return [];
    return parsed.data.map((v) => ({ field: v.field ?? "", description: v.description ?? "" }));
  });
}

/** `ErrorInfo.reason` (e.g. `API_KEY_INVALID`), the stable machine-readable cause, if present. */
export function errorInfoReason(details: readonly AnyMessage[] | undefined): string | undefined {
  const reason = detailsOfType(details, "google.rpc.ErrorInfo")[0]?.reason;
  return typeof reason === "string" ? reason : undefined;
}

/**
 * `RetryInfo.retryDelay` in milliseconds. proto3 JSON spells a Duration as `"12s"` / `"0.5s"`; an object
 * `{seconds, nanos}` is accepted too because some gateways emit it.
 */
export function retryInfoDelayMs(details: readonly AnyMessage[] | undefined): number | undefined {
  const delay = detailsOfType(details, "google.rpc.RetryInfo")[0]?.retryDelay;
  if (typeof delay === "string") {
    const match = /^(\d+(?:\.\d+)?)s$/.exec(delay.trim());
    return match ? Math.round(Number(match[1]) * 1000) : undefined;
  }
  if (typeof delay === "object" && delay !== null) {
    const { seconds, nanos } = delay as { seconds?: unknown; nanos?: unknown };
    const ms = Number(seconds ?? 0) * 1000 + Number(nanos ?? 0) / 1e6;
    return Number.isFinite(ms) && ms >= 0 ? Math.round(ms) : undefined;
  }
  return undefined;
}
