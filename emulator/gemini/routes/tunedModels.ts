/**
 * Tuned-model reads and lifecycle: get, list, delete, transferOwnership (docs/gemini-api.md, Methods and HTTP bindings).
 */
import { directRole } from "../access";
import { invalidArgument } from "../../errors";
import { matchesFilter, parseFilter } from "../filter";
import { newPermissionId } from "../../ids";
import { decodeMessage } from "../../json/schema";
import { TRANSFER_OWNERSHIP } from "../messages";
import { paginate, pageSizeOf } from "../../pagination";
import { renderTunedModel } from "../render";
import { loadModel } from "./lookup";
import { queryParam } from "../../routes/query";
import { GeminiRoute } from "../half";

const MODEL_SERVICE = "google.ai.generativelanguage.v1beta.ModelService";
const PERMISSION_SERVICE = "google.ai.generativelanguage.v1beta.PermissionService";
const TUNING_READ = ["generative-language.tuning", "generative-language.tuning.readonly"] as const;
/** Scopes the permission methods and transferOwnership accept (docs/gemini-api.md, Methods and HTTP bindings). */
export const SHARING_SCOPES = [
  "generative-language",
  "generative-language.tuning",
  "generative-language.tuning.readonly",
  "generative-language.retriever",
  "generative-language.retriever.readonly",
] as const;

/** GetTunedModel. */
export const getTunedModel: GeminiRoute = {
  name: "tunedModels.get",
  rpc: `${MODEL_SERVICE}.GetTunedModel`,
  method: "GET",
  versions: ["v1beta"],
  pattern: /^tunedModels\/([^/:]+)$/,
  scopes: TUNING_READ,
  handler: (call) => ({ json: renderTunedModel(loadModel(call, call.params[0], "READER")) }),
};

/** ListTunedModels: pageSize default 10, max 1000; filter per `filter.ts`; oldest first. */
export const listTunedModels: GeminiRoute = {
  name: "tunedModels.list",
  rpc: `${MODEL_SERVICE}.ListTunedModels`,
  method: "GET",
  versions: ["v1beta"],
  pattern: /^tunedModels$/,
  scopes: TUNING_READ,
  handler: (call) => {
    const rawFilter = queryParam(call.query, "filter");
    const filter = parseFilter(rawFilter);
    const pageSize = pageSizeOf(queryParam(call.query, "pageSize"), 10);
    const principal = call.caller.principal;
    const visible = call.half.store.allModels().filter((m) => matchesFilter(m, principal, filter));
    const page = paginate(
      visible,
      (m) => [m.createTimeMs, m.id],
      pageSize,
      queryParam(call.query, "pageToken"),
      `tunedModels|${rawFilter ?? ""}|${pageSize}|${principal}`,
    );
    const json: Record<string, unknown> = {};
    // An empty repeated field is a proto3 default and is omitted, as the real service does for an empty list.
    if (page.items.length > 0) json.tunedModels = page.items.map(renderTunedModel);
    if (page.nextPageToken) json.nextPageToken = page.nextPageToken;
    return { json };
  },
};

/**
 * DeleteTunedModel. Allowed in any state: deleting a CREATING model stops its job, and its operation is gone
 * with it (a later operations.get is a 404). Needs OWNER.
 */
export const deleteTunedModel: GeminiRoute = {
  name: "tunedModels.delete",
  rpc: `${MODEL_SERVICE}.DeleteTunedModel`,
  method: "DELETE",
  versions: ["v1beta"],
  pattern: /^tunedModels\/([^/:]+)$/,
  scopes: ["generative-language.tuning"],
  handler: (call) => {
    const model = loadModel(call, call.params[0], "OWNER");
    call.half.store.deleteModel(model.id);
    return { json: {} };
  },
};

/** TransferOwnership: the new owner gets OWNER, the previous owner becomes WRITER. Needs OWNER. */
export const transferOwnership: GeminiRoute = {
  name: "tunedModels.transferOwnership",
  rpc: `${PERMISSION_SERVICE}.TransferOwnership`,
  method: "POST",
  versions: ["v1beta"],
  pattern: /^tunedModels\/([^/:]+):transferOwnership$/,
  scopes: SHARING_SCOPES,
  handler: (call) => {
    const model = loadModel(call, call.params[0], "OWNER");
    const body = decodeMessage(call.body(), TRANSFER_OWNERSHIP, "") as { emailAddress?: string };
    const email = body.emailAddress?.trim();
    if (!email || !email.includes("@")) {
      throw invalidArgument("email_address is required: the e-mail address of the new owner.", [
        { field: "email_address", description: "a valid e-mail address is required" },
      ]);
    }
    if (directRole(model, email) === "OWNER") return { json: {} };
    for (const p of model.permissions) {
      if (p.role === "OWNER") p.role = "WRITER";
    }
    const existing = model.permissions.find(
      (p) => p.granteeType === "USER" && p.emailAddress?.toLowerCase() === email.toLowerCase(),
    );
    if (existing) existing.role = "OWNER";
    else model.permissions.push({ id: newPermissionId(), granteeType: "USER", emailAddress: email, role: "OWNER" });
    call.half.store.touch();
    return { json: {} };
  },
};
