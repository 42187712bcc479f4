/** Credentials for calls to Google: one authorizer per credential kind behind {@link RequestAuthorizer}. */
export { CREDENTIAL_HEADERS, CredentialsError, type RequestAuthorizer } from "./requestAuthorizer";
export { apiKeyAuthorizer, apiKeyProblem } from "./apiKeyAuthorizer";
export { adcAuthorizer } from "./adcAuthorizer";
export { redactSecrets, REDACTED } from "./redact";
export { GEMINI_TUNING_SCOPES } from "./scopes";
export { GOOGLE_TOKEN_URL, honourTokenUri } from "./tokenEndpoint";
