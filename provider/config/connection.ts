import type { Connection } from "../client/connection";
import { GOOGLE_GEMINI_BASE_URL } from "../client/connection";
import { geminiConfig } from "./providerConfig";

/** Connection settings as they may appear in resource inputs (all optional). */
export interface ConnectionInputs {
  /** API key; secret. Never copied into outputs. */
  apiKey?: string;
  /** Google Cloud project sent as `x-goog-user-project` (quota and billing for user credentials). */
  project?: string;
  /** Service root, e.g. the emulator's URL. */
  baseUrl?: string;
}

/**
 * Resolves where and how to call the service. Precedence: the resource's own arguments, then stack
 * configuration (`gemini:apiKey`, `gemini:project`, `gemini:baseUrl`), then the environment
 * (`GEMINI_API_KEY` or `GOOGLE_API_KEY`, `GOOGLE_CLOUD_PROJECT`, `GEMINI_BASE_URL`). Without an API key the
 * client falls back to Application Default Credentials.
 */
export function resolveConnection(inputs: ConnectionInputs, env: NodeJS.ProcessEnv = process.env): Connection {
  const apiKey = inputs.apiKey || geminiConfig("apiKey") || env.GEMINI_API_KEY || env.GOOGLE_API_KEY || undefined;
  const project = inputs.project || geminiConfig("project") || env.GOOGLE_CLOUD_PROJECT || undefined;
  const baseUrl = inputs.baseUrl || geminiConfig("baseUrl") || env.GEMINI_BASE_URL || GOOGLE_GEMINI_BASE_URL;
  return { baseUrl: baseUrl.replace(/\/+$/, ""), apiKey, project };
}
