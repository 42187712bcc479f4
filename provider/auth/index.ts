/** Credentials for calls to Google: one authorizer per credential kind behind {@link RequestAuthorizer}. */
export { CREDENTIAL_HEADERS, CredentialsError, type RequestAuthorizer } from "./requestAuthorizer";
export { apiKeyAuthorizer } from "./apiKeyAuthorizer";
export { adcAuthorizer } from "./adcAuthorizer";
export { authorizerFor } from "./authorizerFor";
export { GEMINI_TUNING_SCOPES } from "./scopes";
export { GOOGLE_TOKEN_URL, honourTokenUri } from "./tokenEndpoint";
