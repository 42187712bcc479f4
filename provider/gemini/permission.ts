import type * as dynamic from "@pulumi/pulumi/dynamic";
import { z } from "zod";
import { serviceRootSchema } from "../lifecycle/serviceRoot";
import { checkInputs } from "../lifecycle/check";
import { toPropertyMap } from "../lifecycle/state";
import { configureProvider } from "../runtime/stackConfig";
import { geminiApiFor } from "./clientFor";
import { apiKeySchema, connectionConfigProblems, type ConnectionInputs } from "./connection";
import { withRotatedKeyAdvice } from "./recordedKeyAdvice";
import type { Permission } from "./wire";

/**
 * Validated inputs of a `TunedModelPermission`. OWNER cannot be granted: ownership moves only with
 * `transferOwnership`, which demotes the current owner, so it is not a declarative permission.
 */
export const permissionInputsSchema = z
  .object({
    tunedModel: z
      .string()
      .transform((value) => (value.startsWith("tunedModels/") ? value : `tunedModels/${value}`))
      .pipe(z.string().regex(/^tunedModels\/[a-z]([a-z0-9-]{0,38}[a-z0-9])?$/, 'must name a tuned model such as "tunedModels/my-model-abc123"')),
    granteeType: z.enum(["USER", "GROUP", "EVERYONE"], { error: "must be USER, GROUP or EVERYONE" }),
    emailAddress: z.email("must be an email address").optional(),
    role: z.enum(["READER", "WRITER"], { error: "must be READER or WRITER (ownership is transferred, not granted)" }),
    apiKey: apiKeySchema().optional(),
    project: z.string().min(1).optional(),
    baseUrl: serviceRootSchema().optional(),
  })
  .superRefine((inputs, ctx) => {
    if (inputs.granteeType === "EVERYONE" && inputs.emailAddress !== undefined) {
      ctx.addIssue({ code: "custom", path: ["emailAddress"], message: "must not be set when granteeType is EVERYONE" });
    }
    if (inputs.granteeType !== "EVERYONE" && inputs.emailAddress === undefined) {
      ctx.addIssue({ code: "custom", path: ["emailAddress"], message: `is required when granteeType is ${inputs.granteeType}` });
    }
  });

/** Permission inputs after validation. */
export type PermissionInputs = z.output<typeof permissionInputsSchema>;

/** Fields whose change needs a new permission: the API only updates `role`. */
const REPLACE_FIELDS = ["tunedModel", "granteeType", "emailAddress"] as const;

/** A `TunedModelPermission`'s recorded state: its inputs minus credentials, plus its name. */
export type TunedModelPermissionState = Omit<PermissionInputs, "apiKey" | "role"> & { name: string; role?: string };

function permissionOutputs(inputs: PermissionInputs, permission: Permission): Record<string, unknown> {
  const { apiKey: _secret, ...kept } = inputs;
  const state: TunedModelPermissionState = { ...kept, name: permission.name, role: permission.role };
  return toPropertyMap(state);
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
    return checkInputs(news, permissionInputsSchema, (inputs) => ({ failures: connectionConfigProblems(inputs) }));
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
  async read(id: string, props: Record<string, unknown> = {}) {
    const permission = await withRotatedKeyAdvice(() => geminiApiFor(connectionOf(props)).getPermission(id));
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
    await withRotatedKeyAdvice(() => geminiApiFor(connectionOf(props)).deletePermission(id));
  },
} satisfies dynamic.ResourceProvider;

/** The connection settings recorded with a permission (never a key: that comes from configuration). */
function connectionOf(props: Record<string, unknown>): ConnectionInputs {
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  return { project: text(props.project), baseUrl: text(props.baseUrl) };
}
