import { adcAuthorizer } from "../auth/adcAuthorizer";
import { GoogleApiClient } from "../client/httpClient";
import type { VertexConnection } from "./connection";
import { VertexTuningApi } from "./vertexApi";

/** Vertex AI accepts OAuth tokens with this scope; it has no API-key path for tuning. */
export const VERTEX_SCOPES: readonly string[] = Object.freeze(["https://www.googleapis.com/auth/cloud-platform"]);

const apis = new Map<string, VertexTuningApi>();

/**
 * The Vertex client for a connection, shared within the provider process (one per service root and
 * project) so that parallel resources reuse one credential and its cached token.
 */
export function vertexApiFor(connection: VertexConnection): VertexTuningApi {
  const key = `${connection.baseUrl}|${connection.project}`;
  let api = apis.get(key);
  if (api === undefined) {
    // No x-goog-user-project: the project is in every resource name, which is what Vertex bills.
    const client = new GoogleApiClient({ baseUrl: connection.baseUrl }, { authorizer: adcAuthorizer(VERTEX_SCOPES, connection.project) });
    api = new VertexTuningApi(client);
    apis.set(key, api);
  }
  return api;
}
