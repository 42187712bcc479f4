import type { Connection } from "../client/connection";
import { adcAuthorizer } from "./adcAuthorizer";
import { apiKeyAuthorizer } from "./apiKeyAuthorizer";
import type { RequestAuthorizer } from "./requestAuthorizer";
import { GEMINI_TUNING_SCOPES } from "./scopes";

/** The authorizer a connection asks for: its API key if it has one, Application Default Credentials otherwise. */
export function authorizerFor(connection: Pick<Connection, "apiKey" | "project">): RequestAuthorizer {
  const key = connection.apiKey?.trim();
  return key ? apiKeyAuthorizer(key) : adcAuthorizer(GEMINI_TUNING_SCOPES, connection.project);
}
