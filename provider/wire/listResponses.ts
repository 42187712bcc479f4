import { z } from "zod";
import { OperationSchema } from "./operation";
import { PermissionSchema } from "./permission";
import { TunedModelSchema } from "./tunedModel";

/** `ListTunedModelsResponse`; `nextPageToken` is absent on the last page. */
export const ListTunedModelsResponseSchema = z.looseObject({
  tunedModels: z.array(TunedModelSchema).optional(),
  nextPageToken: z.string().optional(),
});

/** One page of tuned models. */
export type ListTunedModelsResponse = z.infer<typeof ListTunedModelsResponseSchema>;

/** `google.longrunning.ListOperationsResponse`. */
export const ListOperationsResponseSchema = z.looseObject({
  operations: z.array(OperationSchema).optional(),
  nextPageToken: z.string().optional(),
  unreachable: z.array(z.string()).optional(),
});

/** One page of operations. */
export type ListOperationsResponse = z.infer<typeof ListOperationsResponseSchema>;

/** `ListPermissionsResponse`. */
export const ListPermissionsResponseSchema = z.looseObject({
  permissions: z.array(PermissionSchema).optional(),
  nextPageToken: z.string().optional(),
});

/** One page of permissions. */
export type ListPermissionsResponse = z.infer<typeof ListPermissionsResponseSchema>;

/** `google.protobuf.Empty` (delete responses): `{}`, anything else tolerated. */
export const EmptySchema = z.looseObject({});

/** An empty response. */
export type Empty = z.infer<typeof EmptySchema>;
