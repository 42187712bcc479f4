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

/**
 * Checks the connection settings that come from stack configuration or the environment (the resource's
 * own arguments are checked by its schema), so a mistyped `gemini:baseUrl` fails at preview, naming where
 * the value came from, instead of at the first request.
 */
export function connectionConfigProblems(inputs: ConnectionInputs, env: NodeJS.ProcessEnv = process.env): Array<{ property: string; reason: string }> {
  if (inputs.baseUrl) return [];
  const sources: Array<[string, string | undefined]> = [
    ["stack config gemini:baseUrl", geminiConfig("baseUrl")],
    ["environment variable GEMINI_BASE_URL", env.GEMINI_BASE_URL || undefined],
  ];
  const [source, value] = sources.find(([, candidate]) => candidate !== undefined) ?? [];
  if (source === undefined || value === undefined || isHttpUrl(value)) return [];
  return [{ property: "baseUrl", reason: `${source} is "${value}"; it must be an http(s) URL such as https://generativelanguage.googleapis.com` }];
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
