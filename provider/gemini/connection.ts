import { adcAuthorizer } from "../auth/adcAuthorizer";
import { z } from "zod";
import { apiKeyAuthorizer, apiKeyProblem } from "../auth/apiKeyAuthorizer";
import type { RequestAuthorizer } from "../auth/requestAuthorizer";
import { GEMINI_TUNING_SCOPES } from "../auth/scopes";
import { serviceRootProblem } from "../lifecycle/serviceRoot";
import { geminiConfig } from "../runtime/stackConfig";

/** The Gemini API's public endpoint. */
export const GOOGLE_GEMINI_BASE_URL = "https://generativelanguage.googleapis.com";

/**
 * Where and as whom to call the Gemini API. Plain data resolved from resource inputs, stack config and the
 * environment; the client copies what it needs and never keeps this object (it may hold the API key).
 */
export interface GeminiConnection {
  /** Service root without a trailing slash, e.g. {@link GOOGLE_GEMINI_BASE_URL} or an emulator URL. */
  baseUrl: string;
  /** API key sent as `x-goog-api-key`. Without one, Application Default Credentials are used. */
  apiKey?: string;
  /** Quota/billing project sent as `x-goog-user-project` (needed with end-user ADC credentials). */
  project?: string;
}

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
export function resolveConnection(inputs: ConnectionInputs, env: NodeJS.ProcessEnv = process.env): GeminiConnection {
  const apiKey = inputs.apiKey || geminiConfig("apiKey") || env.GEMINI_API_KEY || env.GOOGLE_API_KEY || undefined;
  const project = inputs.project || geminiConfig("project") || env.GOOGLE_CLOUD_PROJECT || undefined;
  const baseUrl = inputs.baseUrl || geminiConfig("baseUrl") || env.GEMINI_BASE_URL || GOOGLE_GEMINI_BASE_URL;
  return { baseUrl: baseUrl.replace(/\/+$/, ""), apiKey, project };
}

/** The authorizer a connection asks for: its API key if it has one, Application Default Credentials otherwise. */
export function authorizerFor(connection: Pick<GeminiConnection, "apiKey" | "project">): RequestAuthorizer {
  const key = connection.apiKey?.trim();
  return key ? apiKeyAuthorizer(key) : adcAuthorizer(GEMINI_TUNING_SCOPES, connection.project);
}

/**
 * Checks the connection settings that come from stack configuration or the environment (the resource's
 * own arguments are checked by its schema), so a mistyped `gemini:baseUrl` fails at preview, naming where
 * the value came from, instead of at the first request.
 */
export function connectionConfigProblems(inputs: ConnectionInputs, env: NodeJS.ProcessEnv = process.env): Array<{ property: string; reason: string }> {
  return [...configuredApiKeyProblems(inputs, env), ...configuredBaseUrlProblems(inputs, env)];
}

/** The zod schema of an `apiKey` argument (see {@link apiKeyProblem}). */
export function apiKeySchema() {
  return z.string().superRefine((value, ctx) => {
    const problem = apiKeyProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  });
}

// A configured key that is only whitespace would silently fall back to Application Default Credentials.
function configuredApiKeyProblems(inputs: ConnectionInputs, env: NodeJS.ProcessEnv): Array<{ property: string; reason: string }> {
  if (inputs.apiKey) return [];
  const sources: Array<[string, string | undefined]> = [
    ["stack config gemini:apiKey", geminiConfig("apiKey")],
    ["environment variable GEMINI_API_KEY", env.GEMINI_API_KEY || undefined],
    ["environment variable GOOGLE_API_KEY", env.GOOGLE_API_KEY || undefined],
  ];
  const [source, value] = sources.find(([, candidate]) => candidate !== undefined) ?? [];
  const problem = value === undefined ? undefined : apiKeyProblem(value);
  return problem === undefined ? [] : [{ property: "apiKey", reason: `${source} ${problem}` }];
}

function configuredBaseUrlProblems(inputs: ConnectionInputs, env: NodeJS.ProcessEnv): Array<{ property: string; reason: string }> {
  if (inputs.baseUrl) return [];
  const sources: Array<[string, string | undefined]> = [
    ["stack config gemini:baseUrl", geminiConfig("baseUrl")],
    ["environment variable GEMINI_BASE_URL", env.GEMINI_BASE_URL || undefined],
  ];
  const [source, value] = sources.find(([, candidate]) => candidate !== undefined) ?? [];
  if (source === undefined || value === undefined) return [];
  const problem = serviceRootProblem(value);
  if (problem === undefined) return [];
  // The value is shown only when it is merely malformed: one with credentials holds a password.
  const shown = problem.startsWith("must be an http(s) URL") ? ` is "${value}"; it` : "";
  return [{ property: "baseUrl", reason: `${source}${shown} ${problem}${shown ? " such as https://generativelanguage.googleapis.com" : ""}` }];
}
