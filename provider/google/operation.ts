import { z } from "zod";
import type { Classification } from "../waiter";
import { grpcCodeName, StatusSchema } from "./status";

/**
 * `google.longrunning.Operation`, as both services serve it. While running neither `error` nor
 * `response` is set (and `done` is usually absent); once `done`, exactly one of them is. `metadata` and
 * `response` are `Any` messages whose shape depends on the method: each backend narrows `metadata` to its
 * own message (docs/google-clients.md#long-running-operations).
 */
export const OperationSchema = z.looseObject({
  name: z.string(),
  metadata: z.unknown().optional(),
  done: z.boolean().optional(),
  error: StatusSchema.optional(),
  response: z.looseObject({ "@type": z.string().optional() }).optional(),
});

/** A long-running operation whose metadata is not read. */
export type Operation = z.infer<typeof OperationSchema>;

/** `google.longrunning.ListOperationsResponse` over operations of the given schema. */
export function listOperationsResponseSchema<T extends z.ZodType>(operation: T) {
  return z.looseObject({
    operations: z.array(operation).optional(),
    nextPageToken: z.string().optional(),
    unreachable: z.array(z.string()).optional(),
  });
}

/**
 * How the waiter reads an operation whose result is not needed (a delete, an undeploy): pending until
 * `done`, then failed with its Status or succeeded.
 */
export function classifyOperation(operation: Operation): Classification {
  if (operation.done !== true) return { state: "pending" };
  if (operation.error !== undefined) return { state: "failed", reason: `${grpcCodeName(operation.error.code)}: ${operation.error.message || "(no message)"}` };
  return { state: "succeeded" };
}
