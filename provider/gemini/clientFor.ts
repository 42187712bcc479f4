import { createHash } from "node:crypto";
import { GoogleApiClient } from "../client/httpClient";
import { GeminiApi } from "./api";
import { authorizerFor, resolveConnection, type ConnectionInputs } from "./connection";

const apis = new Map<string, GeminiApi>();

/**
 * The Gemini API client for a resource's connection settings. Clients are shared within the provider
 * process (one per distinct connection) so that parallel resources reuse credentials and sockets.
 */
export function geminiApiFor(inputs: ConnectionInputs): GeminiApi {
  const connection = resolveConnection(inputs);
  // The key is hashed so the map never holds a readable copy of it next to the URL.
  const key = [connection.baseUrl, connection.project ?? "", hash(connection.apiKey ?? "")].join("|");
  let api = apis.get(key);
  if (api === undefined) {
    api = new GeminiApi(new GoogleApiClient(connection.baseUrl, { authorizer: authorizerFor(connection), project: connection.project }));
    apis.set(key, api);
  }
  return api;
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
