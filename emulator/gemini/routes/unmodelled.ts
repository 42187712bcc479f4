/**
 * The other HTTP bindings Google's service configs and protos list for methods the emulator implements, over
 * resources it does not keep: batches, generated files, corpora (semantic retrieval), base-model operations
 * and `dynamic/*` models (docs/gemini-api.md, Methods and HTTP bindings). A client that calls one gets what the
 * service answers for a resource that does not exist, rather than "Method not found": a 404 naming the
 * resource, or an empty list where the parent exists (a base model of the catalog has no operations, and
 * there are no batches).
 */
import { notFound } from "../../errors";
import { GeminiCall, GeminiRoute } from "../half";
import { SHARING_SCOPES } from "./tunedModels";

const OPERATIONS = "google.longrunning.Operations";
const PERMISSIONS = "google.ai.generativelanguage.v1beta.PermissionService";
const GENERATIVE = "google.ai.generativelanguage.v1beta.GenerativeService";
const TUNING_READ = ["generative-language.tuning", "generative-language.tuning.readonly"] as const;

/** A 404 naming the resource the call named (each such route captures the full resource name). */
function doesNotExist(what: string): (call: GeminiCall) => never {
  return (call) => {
    throw notFound(`${what} ${call.params.join("/")} does not exist.`);
  };
}

const missing = (
  name: string,
  rpc: string,
  method: GeminiRoute["method"],
  pattern: RegExp,
  what: string,
  scopes?: readonly string[],
): GeminiRoute => ({ name, rpc, method, versions: ["v1beta"], pattern, ...(scopes ? { scopes } : {}), handler: doesNotExist(what) });

/** GetOperation on resources the emulator has none of. */
const getOtherOperation = missing(
  "operations.get.unmodelled",
  `${OPERATIONS}.GetOperation`,
  "GET",
  /^((?:generatedFiles|models|corpora)\/[^/:]+\/operations\/[^/:]+|batches\/[^/:]+)$/,
  "Operation",
  TUNING_READ,
);

/** ListOperations of a base model (none) and of batches (none). */
const listOtherOperations: GeminiRoute = {
  name: "operations.list.unmodelled",
  rpc: `${OPERATIONS}.ListOperations`,
  method: "GET",
  versions: ["v1beta"],
  pattern: /^(?:models\/([^/:]+)\/operations|batches)$/,
  scopes: TUNING_READ,
  handler: (call) => {
    const model = call.params[0];
    if (model !== undefined && !call.half.catalog().some((m) => m.name === `models/${model}`)) {
      throw notFound(`Model models/${model} does not exist.`);
    }
    return { json: {} };
  },
};

const CORPUS_PERMISSIONS = /^(corpora\/[^/:]+)\/permissions$/;
const CORPUS_PERMISSION = /^(corpora\/[^/:]+\/permissions\/[^/:]+)$/;

/** Every binding of an implemented method over a resource the emulator does not keep. */
export const UNMODELLED_ROUTES: readonly GeminiRoute[] = [
  getOtherOperation,
  listOtherOperations,
  missing("corpora.permissions.create", `${PERMISSIONS}.CreatePermission`, "POST", CORPUS_PERMISSIONS, "Corpus", SHARING_SCOPES),
  missing("corpora.permissions.list", `${PERMISSIONS}.ListPermissions`, "GET", CORPUS_PERMISSIONS, "Corpus", SHARING_SCOPES),
  missing("corpora.permissions.get", `${PERMISSIONS}.GetPermission`, "GET", CORPUS_PERMISSION, "Permission", SHARING_SCOPES),
  missing("corpora.permissions.patch", `${PERMISSIONS}.UpdatePermission`, "PATCH", CORPUS_PERMISSION, "Permission", SHARING_SCOPES),
  missing("corpora.permissions.delete", `${PERMISSIONS}.DeletePermission`, "DELETE", CORPUS_PERMISSION, "Permission", SHARING_SCOPES),
  { ...missing("dynamic.generateContent", `${GENERATIVE}.GenerateContent`, "POST", /^(dynamic\/[^/:]+):generateContent$/, "Model"), versions: ["v1beta", "v1"] },
  {
    ...missing("dynamic.streamGenerateContent", `${GENERATIVE}.StreamGenerateContent`, "POST", /^(dynamic\/[^/:]+):streamGenerateContent$/, "Model"),
    versions: ["v1beta", "v1"],
  },
];
