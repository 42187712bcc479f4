/**
 * Finding the tuned model a call names, with the caller's access checked.
 */
import { requireRole } from "../access";
import { notFound } from "../../errors";
import { Role, StoredModel } from "../state";
import { GeminiCall } from "../half";

/** The model `tunedModels/{id}` if it exists (404) and the caller holds `minimum` on it (403). */
export function loadModel(call: GeminiCall, id: string, minimum: Role): StoredModel {
  const model = call.half.store.model(id);
  if (!model) throw notFound(`Tuned model tunedModels/${id} does not exist.`);
  requireRole(model, call.caller.principal, minimum);
  return model;
}

/** The id part of `tunedModels/{id}` (also accepts a bare id). */
export function tunedModelId(name: string): string {
  return name.startsWith("tunedModels/") ? name.slice("tunedModels/".length) : name;
}
