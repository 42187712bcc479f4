import { z } from "zod";
import { int32 } from "./protoJson";

/**
 * One `google.protobuf.Any` entry of a status's details: `@type` names the message, the other keys are
 * its fields (kept as they came).
 */
export const AnyMessageSchema = z.looseObject({ "@type": z.string() });

/** A decoded `google.protobuf.Any`. */
export type AnyMessage = z.infer<typeof AnyMessageSchema>;

/**
 * `google.rpc.Status` as it appears inside an Operation: `code` is the gRPC numeric code (3 =
 * INVALID_ARGUMENT, 13 = INTERNAL...), not an HTTP status, and there is no `status` string.
 */
export const StatusSchema = z.looseObject({
  code: int32.optional(),
  message: z.string().optional(),
  details: z.array(AnyMessageSchema).optional(),
});

/** A `google.rpc.Status`. */
export type Status = z.infer<typeof StatusSchema>;

/** The canonical names of gRPC codes, indexed by number (google/rpc/code.proto). */
export const GRPC_CODE_NAMES: readonly string[] = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
];

/** The canonical name of a gRPC numeric code, e.g. 3 → "INVALID_ARGUMENT"; `CODE_<n>` for unknown numbers. */
export function grpcCodeName(code: number | undefined): string {
  if (code === undefined) return "UNKNOWN";
  return GRPC_CODE_NAMES[code] ?? `CODE_${code}`;
}
