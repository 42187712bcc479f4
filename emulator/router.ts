/**
 * Maps `METHOD /{version}/{resource path}` to a route. A path that matches a route pattern but not its method
 * or version still gets Google's "Method not found" 404, as the real front end answers unbound pairs. Gemini
 * API and Vertex AI routes (`/v1/projects/{p}/locations/{l}/...`) share the server: the real services live on
 * different hosts, and their paths never overlap.
 */
import { ApiVersion, ServedRoute } from "./routes/types";

/** A matched route with its captured path parameters. */
export interface RouteMatch {
  route: ServedRoute;
  params: string[];
  version: ApiVersion;
}

/** Finds the route for a request among `routes`, or undefined. `path` is the URL path without query. */
export function matchRoute(routes: readonly ServedRoute[], method: string, path: string): RouteMatch | undefined {
  const m = /^\/(v1beta1|v1beta|v1|ui)\/(.+)$/.exec(path);
  if (!m) return undefined;
  const version = m[1] as ApiVersion;
  let rest: string;
  try {
    rest = decodeURIComponent(m[2]);
  } catch {
    return undefined;
  }
  for (const route of routes) {
    if (route.method !== method || !route.versions.includes(version)) continue;
    const captured = route.pattern.exec(rest);
    if (captured) return { route, params: captured.slice(1), version };
  }
  return undefined;
}
