/**
 * `tunedModels/{id}/permissions` (docs/gemini-api.md#permissions). Reading the grants needs READER; creating, changing and
 * deleting them needs WRITER. OWNER is never granted or removed here: the creator's OWNER grant is created with
 * the model and only transferOwnership moves it, so an OWNER role in create/patch, or deleting or re-roling
 * the OWNER grant, is a 400. A second grant for the same grantee is a 409. EVERYONE grants are READER only.
 */
import { ApiError, alreadyExists, FieldViolation, invalidArgument, notFound } from "../../errors";
import { newPermissionId } from "../../ids";
import { decodeMessage } from "../../json/schema";
import { PERMISSION, PermissionInput } from "../messages";
import { paginate, pageSizeOf } from "../../pagination";
import { renderPermission } from "../render";
import { GranteeType, Role, StoredModel, StoredPermission } from "../state";
import { loadModel } from "./lookup";
import { queryList, queryParam } from "../../routes/query";
import { SHARING_SCOPES } from "./tunedModels";
import { GeminiCall, GeminiRoute } from "../half";

const SERVICE = "google.ai.generativelanguage.v1beta.PermissionService";

function fail(violations: FieldViolation[]): ApiError {
  return invalidArgument(violations.map((v) => v.description).join(" "), violations);
}

function findPermission(call: GeminiCall, model: StoredModel): StoredPermission {
  const permission = model.permissions.find((p) => p.id === call.params[1]);
  if (!permission) throw notFound(`Permission tunedModels/${model.id}/permissions/${call.params[1]} does not exist.`);
  return permission;
}

function checkRole(role: string | undefined, field: string): Role {
  if (role === undefined || role === "ROLE_UNSPECIFIED") {
    throw fail([{ field, description: "role is required (READER or WRITER)." }]);
  }
  if (role === "OWNER") {
    throw fail([{ field, description: "The OWNER role cannot be granted here; use tunedModels.transferOwnership." }]);
  }
  return role as Role;
}

/** CreatePermission. */
export const createPermission: GeminiRoute = {
  name: "permissions.create",
  rpc: `${SERVICE}.CreatePermission`,
  method: "POST",
  versions: ["v1beta"],
  pattern: /^tunedModels\/([^/:]+)\/permissions$/,
  scopes: SHARING_SCOPES,
  handler: (call) => {
    const model = loadModel(call, call.params[0], "WRITER");
    const input = decodeMessage(call.body(), PERMISSION, "permission") as PermissionInput;
    const role = checkRole(input.role, "permission.role");
    const grantee = input.granteeType;
    if (grantee === undefined || grantee === "GRANTEE_TYPE_UNSPECIFIED") {
      throw fail([{ field: "permission.grantee_type", description: "grantee_type is required (USER, GROUP or EVERYONE)." }]);
    }
    const email = input.emailAddress?.trim();
    if (grantee === "EVERYONE") {
      if (email) throw fail([{ field: "permission.email_address", description: "email_address must be empty for EVERYONE." }]);
      if (role !== "READER") throw fail([{ field: "permission.role", description: "EVERYONE can only be granted READER." }]);
    } else if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
      throw fail([{ field: "permission.email_address", description: `email_address is required for ${grantee} and must be an e-mail address.` }]);
    }
    const duplicate = model.permissions.find(
      (p) => p.granteeType === grantee && (p.emailAddress ?? "").toLowerCase() === (email ?? "").toLowerCase(),
    );
    if (duplicate) {
      throw alreadyExists(`A permission for this grantee already exists: ${renderPermission(model, duplicate).name as string}.`);
    }
    const permission: StoredPermission = { id: newPermissionId(), granteeType: grantee as GranteeType, role };
    if (email) permission.emailAddress = email;
    model.permissions.push(permission);
    call.half.store.touch();
    return { json: renderPermission(model, permission) };
  },
};

/** ListPermissions: pageSize default 10, max 1000, in grant order (the owner first). */
export const listPermissions: GeminiRoute = {
  name: "permissions.list",
  rpc: `${SERVICE}.ListPermissions`,
  method: "GET",
  versions: ["v1beta"],
  pattern: /^tunedModels\/([^/:]+)\/permissions$/,
  scopes: SHARING_SCOPES,
  handler: (call) => {
    const model = loadModel(call, call.params[0], "READER");
    const pageSize = pageSizeOf(queryParam(call.query, "pageSize"), 10);
    const indexed = model.permissions.map((p, i) => ({ p, i }));
    const page = paginate(indexed, (x) => [x.i], pageSize, queryParam(call.query, "pageToken"), `permissions|${model.id}|${pageSize}`);
    const json: Record<string, unknown> = {};
    if (page.items.length > 0) json.permissions = page.items.map((x) => renderPermission(model, x.p));
    if (page.nextPageToken) json.nextPageToken = page.nextPageToken;
    return { json };
  },
};

/** GetPermission. */
export const getPermission: GeminiRoute = {
  name: "permissions.get",
  rpc: `${SERVICE}.GetPermission`,
  method: "GET",
  versions: ["v1beta"],
  pattern: /^tunedModels\/([^/:]+)\/permissions\/([^/:]+)$/,
  scopes: SHARING_SCOPES,
  handler: (call) => {
    const model = loadModel(call, call.params[0], "READER");
    return { json: renderPermission(model, findPermission(call, model)) };
  },
};

/** UpdatePermission: only `role` is updatable (`updateMask=role`; without a mask, the body's role). */
export const patchPermission: GeminiRoute = {
  name: "permissions.patch",
  rpc: `${SERVICE}.UpdatePermission`,
  method: "PATCH",
  versions: ["v1beta"],
  pattern: /^tunedModels\/([^/:]+)\/permissions\/([^/:]+)$/,
  scopes: SHARING_SCOPES,
  handler: (call) => {
    const model = loadModel(call, call.params[0], "WRITER");
    const permission = findPermission(call, model);
    const input = decodeMessage(call.body(), PERMISSION, "permission") as PermissionInput;
    const mask = queryList(call.query, "updateMask");
    const bad = (mask ?? []).filter((p) => p !== "role");
    if (bad.length > 0) {
      throw fail(bad.map((p) => ({ field: "update_mask", description: `Field path "${p}" cannot be updated; only "role" can.` })));
    }
    if (mask !== undefined && mask.length === 0) {
      throw fail([{ field: "update_mask", description: 'update_mask must be "role".' }]);
    }
    if (permission.role === "OWNER") {
      throw fail([{ field: "permission.role", description: "The OWNER grant cannot be changed; use tunedModels.transferOwnership." }]);
    }
    const role = checkRole(input.role, "permission.role");
    if (permission.granteeType === "EVERYONE" && role !== "READER") {
      throw fail([{ field: "permission.role", description: "EVERYONE can only be granted READER." }]);
    }
    permission.role = role;
    call.half.store.touch();
    return { json: renderPermission(model, permission) };
  },
};

/** DeletePermission. */
export const deletePermission: GeminiRoute = {
  name: "permissions.delete",
  rpc: `${SERVICE}.DeletePermission`,
  method: "DELETE",
  versions: ["v1beta"],
  pattern: /^tunedModels\/([^/:]+)\/permissions\/([^/:]+)$/,
  scopes: SHARING_SCOPES,
  handler: (call) => {
    const model = loadModel(call, call.params[0], "WRITER");
    const permission = findPermission(call, model);
    if (permission.role === "OWNER") {
      throw new ApiError("FAILED_PRECONDITION", "The OWNER grant cannot be deleted; transfer ownership first.");
    }
    model.permissions = model.permissions.filter((p) => p !== permission);
    call.half.store.touch();
    return { json: {} };
  },
};
