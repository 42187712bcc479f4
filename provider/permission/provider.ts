import { connectionConfigProblems, type ConnectionInputs } from "../gemini/connection";
import { configureProvider } from "../runtime/stackConfig";
import { checkFailuresFromZod } from "../runtime/checkFailures";
import { unknownPaths } from "../runtime/unknowns";
import { geminiApiFor } from "../gemini/clientFor";
import type { Permission } from "../gemini/wire";
import { permissionInputsSchema, type PermissionInputs } from "./inputs";

/** Fields whose change needs a new permission: the API only updates `role`. */
const REPLACE_FIELDS = ["tunedModel", "granteeType", "emailAddress"] as const;

function permissionOutputs(inputs: PermissionInputs, permission: Permission): Record<string, unknown> {
  const { apiKey: _secret, ...kept } = inputs;
  return JSON.parse(JSON.stringify({ ...kept, name: permission.name, role: permission.role })) as Record<string, unknown>;
}

/**
 * The `TunedModelPermission` dynamic provider: shares a tuned model with a user, a group or everyone.
 * A role change is an in-place PATCH (`updateMask=role`); any other change replaces the permission.
 */
export const tunedModelPermissionProvider = {
  /** Receives the stack configuration (connection defaults). */
  configure: configureProvider,

  /** Validates inputs locally so mistakes fail at preview. */
  async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
    const { __provider: _ignored, ...given } = news;
    const parsed = permissionInputsSchema.safeParse(given);
    if (!parsed.success) return { inputs: news, failures: checkFailuresFromZod(parsed.error, unknownPaths(given)) };
    return { inputs: JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>, failures: connectionConfigProblems(parsed.data) };
  },

  /** Role changes update; anything else replaces. */
  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const replaces = REPLACE_FIELDS.filter((field) => (olds[field] ?? null) !== (news[field] ?? null));
    const roleChanged = olds.role !== news.role;
    return { changes: replaces.length > 0 || roleChanged, replaces: [...replaces], deleteBeforeReplace: replaces.length > 0 };
  },

  /** Grants the permission. */
  async create(inputs: Record<string, unknown>) {
    const checked = inputs as PermissionInputs;
    const permission = await geminiApiFor(checked).createPermission(checked.tunedModel, {
      granteeType: checked.granteeType,
      emailAddress: checked.emailAddress,
      role: checked.role,
    });
    return { id: permission.name, outs: permissionOutputs(checked, permission) };
  },

  /** Refresh: a permission revoked outside Pulumi leaves state; a changed role shows as drift. */
  async read(id: string, props: Record<string, unknown>) {
    const permission = await geminiApiFor(props as ConnectionInputs).getPermission(id);
    if (permission === undefined) return { id: "", props: {} };
    return { id, props: { ...props, role: permission.role } };
  },

  /** Changes the role in place. */
  async update(id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) {
    const checked = news as PermissionInputs;
    const permission = await geminiApiFor(checked).updatePermissionRole(id, checked.role);
    return { outs: permissionOutputs(checked, permission) };
  },

  /** Revokes the permission; one already gone (or whose model is gone) counts as revoked. */
  async delete(id: string, props: Record<string, unknown>) {
    await geminiApiFor(props as ConnectionInputs).deletePermission(id);
  },
};
