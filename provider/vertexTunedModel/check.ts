import { checkFailuresFromZod, type CheckFailure } from "../runtime/checkFailures";
import { unknownPaths } from "../runtime/unknowns";
import { geminiConfig } from "../runtime/stackConfig";
import { resolveVertexConnection, VERTEX_SETTING_SOURCES } from "../vertex/connection";
import { vertexTunedModelInputsSchema, type CheckedVertexInputs } from "./inputs";

/** What `check` returns to the engine. */
export interface VertexCheckResult {
  /** Normalized inputs (project and location resolved), or the news as given on failure. */
  inputs: Record<string, unknown>;
  /** Property paths with reasons; empty when the inputs are valid. */
  failures: CheckFailure[];
}

/**
 * Validates a `VertexTunedModel`'s inputs locally, so invalid arguments fail at `pulumi preview` with the
 * property path and reason and nothing reaches the service. Resolves project and location from stack
 * configuration or the environment when the program leaves them out: they are part of the job's name, so
 * state records the values used.
 */
export function checkVertexTunedModel(news: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): VertexCheckResult {
  const { __provider: _ignored, ...given } = news;
  const parsed = vertexTunedModelInputsSchema.safeParse(given);
  if (!parsed.success) return { inputs: news, failures: checkFailuresFromZod(parsed.error, unknownPaths(given)) };
  const inputs = parsed.data;
  const connection = resolveVertexConnection(inputs, env);
  const failures: CheckFailure[] = [];
  if ("missing" in connection) {
    for (const setting of connection.missing) failures.push({ property: setting, reason: `is not set: ${VERTEX_SETTING_SOURCES[setting]}` });
  }
  const configuredUrl = inputs.baseUrl ? undefined : (geminiConfig("vertexBaseUrl") ?? env.GOOGLE_VERTEX_BASE_URL);
  if (configuredUrl !== undefined && !isHttpUrl(configuredUrl)) {
    failures.push({ property: "baseUrl", reason: `the configured Vertex service root is "${configuredUrl}" (gemini:vertexBaseUrl or GOOGLE_VERTEX_BASE_URL); it must be an http(s) URL` });
  }
  if (failures.length > 0 || "missing" in connection) return { inputs: news, failures };
  const checked: CheckedVertexInputs = { ...inputs, project: connection.project, location: connection.location };
  return { inputs: JSON.parse(JSON.stringify(checked)) as Record<string, unknown>, failures: [] };
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
