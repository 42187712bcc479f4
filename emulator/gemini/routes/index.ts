/**
 * Every Gemini API (`generativelanguage` v1beta and v1) route, in match order.
 */
import { GeminiRoute } from "../half";
import { createTunedModel } from "./createTunedModel";
import {
  generateContent,
  generateContentOnBaseModel,
  streamGenerateContent,
  streamGenerateContentOnBaseModel,
} from "./generateContent";
import { getModel, listModels } from "./models";
import { cancelOperation, getOperation, listAllOperations, listOperations } from "./operations";
import { patchTunedModel } from "./patchTunedModel";
import { createPermission, deletePermission, getPermission, listPermissions, patchPermission } from "./permissions";
import { deleteTunedModel, getTunedModel, listTunedModels, transferOwnership } from "./tunedModels";
import { UNMODELLED_ROUTES } from "./unmodelled";

/** The Gemini API routes. */
export const GEMINI_ROUTES: readonly GeminiRoute[] = [
  listModels,
  getModel,
  createTunedModel,
  listTunedModels,
  getTunedModel,
  patchTunedModel,
  deleteTunedModel,
  transferOwnership,
  generateContent,
  streamGenerateContent,
  generateContentOnBaseModel,
  streamGenerateContentOnBaseModel,
  createPermission,
  listPermissions,
  getPermission,
  patchPermission,
  deletePermission,
  getOperation,
  listOperations,
  listAllOperations,
  cancelOperation,
  ...UNMODELLED_ROUTES,
];
