/**
 * A local OAuth 2.0 token endpoint (`POST /emulator/oauth2/token`) so Application Default Credentials flows
 * can run offline: google-auth-library's service-account flow (`grant_type=urn:ietf:params:oauth:grant-type:
 * jwt-bearer&assertion=<JWT>`) and the authorized-user flow (`grant_type=refresh_token`).
 *
 * The JWT's signature is not verified (the emulator has no way to know the account's public key); its claims
 * are read for the account e-mail (`sub`, else `iss`), the requested `scope`, and its expiry. The issued token
 * is then accepted in strict mode, limited to the scopes requested.
 */
import { randomString } from "./ids";
import { nowMs } from "./json/timestamps";
import { ResolvedOptions } from "./options";
import { TokenStore } from "./tokens";

/** One token request as recorded for tests (what the client asked for; never the assertion or secrets). */
export interface TokenRequestRecord {
  grantType: string;
  scopes: string[];
}

/** The endpoint's answer: an OAuth JSON body and status. */
export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

/** JWT-bearer grant type name. */
export const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

function oauthError(error: string, description: string): TokenResponse {
  return { status: 400, body: { error, error_description: description } };
}

function decodeJwtClaims(assertion: string): Record<string, unknown> | undefined {
  const parts = assertion.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as unknown;
    return claims && typeof claims === "object" ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function scopesOf(value: unknown): string[] | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  return value.trim().split(/\s+/);
}

/** Parses the form-encoded (or JSON) body of a token request. */
export function tokenRequestParams(body: string, contentType: string | undefined): URLSearchParams {
  if (contentType?.includes("application/json")) {
    try {
      const json = JSON.parse(body) as Record<string, unknown>;
      return new URLSearchParams(Object.entries(json).map(([k, v]): [string, string] => [k, String(v)]));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(body);
}

/**
 * Handles one token request: issues a token (stored, so strict mode accepts it) and records the grant type and
 * scopes asked for.
 */
export function issueToken(
  params: URLSearchParams,
  options: ResolvedOptions,
  tokens: TokenStore,
  records: TokenRequestRecord[],
): TokenResponse {
  const grantType = params.get("grant_type") ?? "";
  let principal: string;
  let scopes: string[] | undefined;
  if (grantType === JWT_BEARER) {
    const claims = decodeJwtClaims(params.get("assertion") ?? "");
    if (!claims) return oauthError("invalid_grant", "Invalid JWT: the assertion is not a JWT.");
    const account = typeof claims.sub === "string" && claims.sub ? claims.sub : claims.iss;
    if (typeof account !== "string" || account === "") {
      return oauthError("invalid_grant", "Invalid JWT: no iss/sub claim naming the service account.");
    }
    if (typeof claims.exp === "number" && claims.exp * 1000 < Date.now()) {
      return oauthError("invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.");
    }
    principal = account;
    scopes = scopesOf(claims.scope);
  } else if (grantType === "refresh_token") {
    if (!params.get("refresh_token")) return oauthError("invalid_request", "Missing required parameter: refresh_token");
    // Authorized-user credentials stand for the user the emulator's other callers are.
    principal = options.principal;
    scopes = scopesOf(params.get("scope"));
  } else {
    return oauthError("unsupported_grant_type", `Unsupported grant type: ${grantType || "(none)"}`);
  }
  records.push({ grantType, scopes: scopes ?? [] });
  const token = `ya29.emulator-${randomString(32)}`;
  tokens.add({ token, principal, scopes, expiresAtMs: nowMs() + options.tokenLifetimeSeconds * 1000 });
  const body: Record<string, unknown> = {
    access_token: token,
    expires_in: options.tokenLifetimeSeconds,
    token_type: "Bearer",
  };
  if (scopes) body.scope = scopes.join(" ");
  return { status: 200, body };
}
