import { z } from "zod";
import { protoEnum } from "./protoJson";

/** Who a permission is granted to. */
export const GRANTEE_TYPES = ["GRANTEE_TYPE_UNSPECIFIED", "USER", "GROUP", "EVERYONE"] as const;

/** Roles, each including the ones after it: OWNER ⊃ WRITER ⊃ READER. */
export const PERMISSION_ROLES = ["ROLE_UNSPECIFIED", "OWNER", "WRITER", "READER"] as const;

/** `Permission` on a tuned model (reference §5.7). */
export const PermissionSchema = z.looseObject({
  name: z.string(),
  granteeType: protoEnum(GRANTEE_TYPES).optional(),
  emailAddress: z.string().optional(),
  role: protoEnum(PERMISSION_ROLES).optional(),
});

/** A permission as the service reports it. */
export type Permission = z.infer<typeof PermissionSchema>;
