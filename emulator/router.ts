/**
 * Maps `METHOD /{version}/{resource path}` to a route. A path that matches a route pattern but not its method
 * or version still gets Google's "Method not found" 404, as the real front end answers unbound pairs. Vertex AI
 * routes (`/v1/projects/{p}/locations/{l}/...`) share the server: the real services live on different hosts,
 * and their paths never overlap.
 */
import { createTunedModel } from "./routes/createTunedModel";
import { generateContent, streamGenerateContent } from "./routes/generateContent";
import { getModel, listModels } from "./routes/models";
import { cancelOperation, getOperation, listOperations } from "./routes/operations";
import { patchTunedModel } from "./routes/patchTunedModel";
import {
  createPermission,
  deletePermission,
  getPermission,
  listPermissions,
  patchPermission,
} from "./routes/permissions";
import { deleteTunedModel, getTunedModel, listTunedModels, transferOwnership } from "./routes/tunedModels";
import { ApiVersion, Route } from "./routes/types";
import { VERTEX_ROUTES } from "./routes/vertex";

/** Every API route. */
export const ROUTES: readonly Route[] = [
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
  createPermission,
  listPermissions,
  getPermission,
  patchPermission,
  deletePermission,
  getOperation,
  listOperations,
  cancelOperation,
  ...VERTEX_ROUTES,
];

/** A matched route with its captured path parameters. */
export interface RouteMatch {
  route: Route;
  params: string[];
  version: ApiVersion;
}

/** Finds the route for a request, or undefined. `path` is the URL path without query. */
export function matchRoute(method: string, path: string): RouteMatch | undefined {
  const m = /^\/(v1beta|v1)\/(.+)$/.exec(path);
  if (!m) return undefined;
  const version = m[1] as ApiVersion;
  let rest: string;
  try {
    rest = decodeURIComponent(m[2]);
  } catch {
    return undefined;
  }
  for (const route of ROUTES) {
    if (route.method !== method || !route.versions.includes(version)) continue;
    const captured = route.pattern.exec(rest);
    if (captured) return { route, params: captured.slice(1), version };
  }
  return undefined;
}
