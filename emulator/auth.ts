/**
 * Caller authentication (docs/gemini-api.md, Errors and Authentication). Permissive by default: any or no credential is
 * accepted and every caller is the configured principal. Strict mode checks API keys (`x-goog-api-key` header or
 * `key=`) against the configured list and bearer tokens (`Authorization: Bearer`, or `access_token=`/`oauth_token=`)
 * against those the token endpoint issued plus the configured ones, or as self-signed service-account JWTs
 * (`selfSignedJwt.ts`), answering the way Google does: 400 API_KEY_INVALID for a bad key, 401 for a
 * missing/unknown/expired token, 403 for a token without a scope the method accepts.
 */
import type { IncomingHttpHeaders } from "node:http";
import { ApiError, errorInfoDetail, localizedMessageDetail, SERVICE_NAME } from "./errors";
import { ResolvedOptions } from "./options";
import { selfSignedJwtGrant } from "./selfSignedJwt";
import { TokenStore } from "./tokens";

/** How the caller authenticated. */
export type AuthKind = "apiKey" | "bearer" | "none";

/** The credentials a request carries. Never logged or recorded. */
export interface Credentials {
  apiKey?: string;
  bearer?: string;
}

/** The authenticated caller. */
export interface Caller {
  kind: AuthKind;
  /** E-mail of the principal, used for ownership and `owner:me`. */
  principal: string;
}

/** Extracts credentials from headers and the global query parameters. */
export function credentialsOf(headers: IncomingHttpHeaders, query: URLSearchParams): Credentials {
  const creds: Credentials = {};
  const headerKey = headers["x-goog-api-key"];
  const key = (Array.isArray(headerKey) ? headerKey[0] : headerKey) ?? query.get("key") ?? undefined;
  if (key !== undefined) creds.apiKey = key;
  const authorization = headers.authorization;
  const match = authorization ? /^Bearer\s+(.+)$/i.exec(authorization.trim()) : null;
  const bearer = match?.[1] ?? query.get("access_token") ?? query.get("oauth_token") ?? undefined;
  if (bearer !== undefined) creds.bearer = bearer;
  return creds;
}

/** The auth kind recorded for a request: bearer wins when both are sent (the token names the user). */
export function authKindOf(creds: Credentials): AuthKind {
  return creds.bearer !== undefined ? "bearer" : creds.apiKey !== undefined ? "apiKey" : "none";
}

const KEY_INVALID = "API key not valid. Please pass a valid API key.";
const CREDENTIAL_HELP =
  "Expected OAuth 2 access token, login cookie or other valid authentication credential. " +
  "See https://developers.google.com/identity/sign-in/web/devconsole-project.";

function unauthenticated(message: string, reason: string, route: RouteAuth): ApiError {
  return new ApiError("UNAUTHENTICATED", message, [
    errorInfoDetail(reason, { service: route.service ?? SERVICE_NAME, method: route.rpc }),
  ]);
}

/** What a route requires of a token. */
export interface RouteAuth {
  /** Full RPC name (e.g. `google.ai.generativelanguage.v1beta.ModelService.CreateTunedModel`). */
  rpc: string;
  /** Scope suffixes (after `https://www.googleapis.com/auth/`) any one of which suffices; undefined = any. */
  scopes?: readonly string[];
  /** Service named in ErrorInfo metadata; default `generativelanguage.googleapis.com`. */
  service?: string;
  /** Whether the method refuses API keys (Vertex AI: OAuth only, docs/vertex-ai.md#authentication). */
  rejectsApiKeys?: boolean;
}

const API_KEYS_UNSUPPORTED =
  "API keys are not supported by this API. Expected OAuth2 access token or other authentication credentials " +
  "that assert a principal. See https://cloud.google.com/docs/authentication";

/** Authenticates a request; throws the Google error for a rejected credential. */
export function authenticate(
  creds: Credentials,
  route: RouteAuth,
  options: ResolvedOptions,
  tokens: TokenStore,
  now: number,
): Caller {
  const kind = authKindOf(creds);
  if (!options.strictAuth) return { kind, principal: options.principal };
  const service = route.service ?? SERVICE_NAME;
  if (route.rejectsApiKeys && creds.apiKey !== undefined) {
    // A key is never a credential here: with a token the token decides, without one the call is anonymous.
    if (creds.bearer === undefined) {
      throw new ApiError("UNAUTHENTICATED", API_KEYS_UNSUPPORTED, [
        errorInfoDetail("CREDENTIALS_MISSING", { service, method: route.rpc }),
      ]);
    }
    return authenticate({ bearer: creds.bearer }, route, options, tokens, now);
  }
  if (creds.apiKey !== undefined && !options.apiKeys.has(creds.apiKey)) {
    throw new ApiError("INVALID_ARGUMENT", KEY_INVALID, [
      errorInfoDetail("API_KEY_INVALID", { service: SERVICE_NAME }),
      localizedMessageDetail(KEY_INVALID),
    ]);
  }
  if (creds.bearer === undefined) {
    if (creds.apiKey !== undefined) return { kind, principal: options.principal };
    throw unauthenticated(
      `Request is missing required authentication credential. ${CREDENTIAL_HELP}`,
      "CREDENTIALS_MISSING",
      route,
    );
  }
  if (options.bearerTokens.has(creds.bearer)) return { kind, principal: options.principal };
  const token = tokens.get(creds.bearer) ?? selfSignedJwtGrant(creds.bearer);
  if (!token) {
    throw unauthenticated(
      `Request had invalid authentication credentials. ${CREDENTIAL_HELP}`,
      "ACCESS_TOKEN_TYPE_UNSUPPORTED",
      route,
    );
  }
  if (token.expiresAtMs <= now) {
    throw unauthenticated(
      `Request had invalid authentication credentials. ${CREDENTIAL_HELP}`,
      "ACCESS_TOKEN_EXPIRED",
      route,
    );
  }
  if (token.scopes !== undefined && route.scopes !== undefined) {
    const granted = new Set(token.scopes.map((s) => s.replace(/^https:\/\/www\.googleapis\.com\/auth\//, "")));
    if (!route.scopes.some((s) => granted.has(s))) {
      throw new ApiError("PERMISSION_DENIED", "Request had insufficient authentication scopes.", [
        errorInfoDetail("ACCESS_TOKEN_SCOPE_INSUFFICIENT", { service, method: route.rpc }),
      ]);
    }
  }
  return { kind, principal: token.principal };
}
