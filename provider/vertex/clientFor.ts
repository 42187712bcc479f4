import { adcAuthorizer } from "../auth/adcAuthorizer";
import { GoogleApiClient } from "../client/httpClient";
import { resolveVertexConnection, type VertexConnection, type VertexConnectionInputs } from "./connection";
import { VertexApi } from "./api";

/** Vertex AI accepts OAuth tokens with this scope; it has no API-key path for tuning. */
export const VERTEX_SCOPES: readonly string[] = Object.freeze(["https://www.googleapis.com/auth/cloud-platform"]);

const apis = new Map<string, VertexApi>();

/**
 * The Vertex client for a connection, shared within the provider process (one per service root and
 * project) so that parallel resources reuse one credential and its cached token.
 */
export function vertexApiFor(connection: VertexConnection): VertexApi {
  const key = `${connection.baseUrl}|${connection.project}`;
  let api = apis.get(key);
  if (api === undefined) {
    // No x-goog-user-project: the project is in every resource name, which is what Vertex bills.
    api = new VertexApi(new GoogleApiClient(connection.baseUrl, { authorizer: adcAuthorizer(VERTEX_SCOPES, connection.project) }));
    apis.set(key, api);
  }
  return api;
}

/** The client and the `projects/{p}/locations/{l}` parent a resource's calls use. */
export interface VertexContext {
  /** Shared client for the connection. */
  api: VertexApi;
  /** `projects/{p}/locations/{l}`. */
  parent: string;
}

/** The context for checked inputs or recorded outputs (both carry the resolved project and location). */
export function vertexContext(props: VertexConnectionInputs): VertexContext {
  const connection = resolveVertexConnection(props);
  if ("missing" in connection) throw new Error(`the Vertex AI ${connection.missing.join(" and ")} is not known; run \`pulumi preview\` to see why`);
  return { api: vertexApiFor(connection), parent: `projects/${connection.project}/locations/${connection.location}` };
}
