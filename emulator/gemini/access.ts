/**
 * Who may do what to a tuned model (docs/gemini-api.md#permissions): roles nest READER < WRITER < OWNER; READER may use
 * the model, WRITER may edit and share it, OWNER may also delete it and transfer ownership. A model shared with
 * EVERYONE gives every caller READER.
 */
import { tunedModelPermissionDenied } from "../errors";
import { modelName } from "./render";
import { Role, StoredModel } from "./state";

const RANK: Record<Role, number> = { READER: 1, WRITER: 2, OWNER: 3 };

/** The caller's role from grants naming them directly (USER grants matched by e-mail, case-insensitively). */
export function directRole(model: StoredModel, principal: string): Role | undefined {
  let best: Role | undefined;
  const who = principal.toLowerCase();
  for (const p of model.permissions) {
    if (p.granteeType === "USER" && p.emailAddress?.toLowerCase() === who) {
      if (!best || RANK[p.role] > RANK[best]) best = p.role;
    }
  }
  return best;
}

/** Whether the model has a grant to EVERYONE. */
export function sharedWithEveryone(model: StoredModel): boolean {
  return model.permissions.some((p) => p.granteeType === "EVERYONE");
}

/** The caller's effective role: the direct one, or READER through an EVERYONE grant. */
export function effectiveRole(model: StoredModel, principal: string): Role | undefined {
  return directRole(model, principal) ?? (sharedWithEveryone(model) ? "READER" : undefined);
}

/** Whether `role` is at least `minimum`. */
export function hasRole(role: Role | undefined, minimum: Role): boolean {
  return role !== undefined && RANK[role] >= RANK[minimum];
}

/** Throws the observed 403 unless the caller holds at least `minimum` on the model. */
export function requireRole(model: StoredModel, principal: string, minimum: Role): void {
  if (!hasRole(effectiveRole(model, principal), minimum)) throw tunedModelPermissionDenied(modelName(model));
}
