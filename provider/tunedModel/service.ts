import { createHash } from "node:crypto";
import { GoogleApiClient } from "../client/httpClient";
import { resolveConnection, type ConnectionInputs } from "../config/connection";
import { GeminiTuningApi } from "../gemini/geminiTuningApi";
import type { TuningApi } from "../gemini/tuningApi";

const apis = new Map<string, TuningApi>();

/**
 * The service client for a resource's connection settings. Clients are shared within the provider
 * process (one per distinct connection) so that parallel resources reuse credentials and sockets.
 */
export function tuningApiFor(inputs: ConnectionInputs): TuningApi {
  const connection = resolveConnection(inputs);
  // The key is hashed so the map never holds a readable copy of it next to the URL.
  const key = [connection.baseUrl, connection.project ?? "", hash(connection.apiKey ?? "")].join("|");
  let api = apis.get(key);
  if (api === undefined) {
    api = new GeminiTuningApi(new GoogleApiClient(connection));
    apis.set(key, api);
  }
  return api;
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
