import { geminiConfig, stackConfigValue } from "../runtime/stackConfig";

/** Where a Vertex resource lives and which service root answers for it. */
export interface VertexConnection {
  /** Google Cloud project id. */
  project: string;
  /** Region, e.g. `us-central1` (or `global`). */
  location: string;
  /** Service root without trailing slash: the regional endpoint, or an override such as the emulator. */
  baseUrl: string;
}

/** Connection settings as they may appear in a Vertex resource's inputs (all optional). */
export interface VertexConnectionInputs {
  /** Project id. */
  project?: string;
  /** Region. */
  location?: string;
  /** Service root override. */
  baseUrl?: string;
}

/**
 * Resolves project, location and service root. Precedence: the resource's arguments, then stack
 * configuration (`gcp:project`, `gcp:region`, `gemini:vertexBaseUrl`, shared with `@pulumi/gcp`), then the
 * environment (`GOOGLE_CLOUD_PROJECT`, `GOOGLE_CLOUD_LOCATION`, `GOOGLE_VERTEX_BASE_URL`). The default root is
 * the regional endpoint `https://{location}-aiplatform.googleapis.com`. Returns the names of settings found
 * nowhere instead of throwing, so check can report them as property problems.
 */
export function resolveVertexConnection(
  inputs: VertexConnectionInputs,
  env: NodeJS.ProcessEnv = process.env,
): VertexConnection | { missing: Array<"project" | "location"> } {
  const project = inputs.project || stackConfigValue("gcp:project") || env.GOOGLE_CLOUD_PROJECT || undefined;
  const location = inputs.location || stackConfigValue("gcp:region") || env.GOOGLE_CLOUD_LOCATION || undefined;
  if (project === undefined || location === undefined) {
    return { missing: [...(project === undefined ? (["project"] as const) : []), ...(location === undefined ? (["location"] as const) : [])] };
  }
  const baseUrl = inputs.baseUrl || geminiConfig("vertexBaseUrl") || env.GOOGLE_VERTEX_BASE_URL || regionalEndpoint(location);
  return { project, location, baseUrl: baseUrl.replace(/\/+$/, "") };
}

/** Google's service root for a location; `global` has no regional prefix. */
export function regionalEndpoint(location: string): string {
  return location === "global" ? "https://aiplatform.googleapis.com" : `https://${location}-aiplatform.googleapis.com`;
}

/** Where each missing setting can be given, for error messages. */
export const VERTEX_SETTING_SOURCES: Record<"project" | "location", string> = {
  project: "set the project argument, the gcp:project stack setting or GOOGLE_CLOUD_PROJECT",
  location: "set the location argument, the gcp:region stack setting or GOOGLE_CLOUD_LOCATION",
};
