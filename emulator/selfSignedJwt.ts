/**
 * Self-signed JWTs as bearer tokens. Google's Node clients (gax with google-auth-library) given a
 * service-account key do not fetch an access token: they sign a short-lived JWT with the key (`iss` = `sub` =
 * the account's e-mail, `aud` = the service URL or a `scope` claim) and send it as the bearer, which Google's
 * front ends accept (docs/google-clients.md#credentials). The emulator accepts such a JWT on its claims: it
 * cannot check the signature, since it never sees the account's public key, just as it cannot check the
 * assertions its token endpoint receives.
 */

/** What a self-signed JWT grants. */
export interface JwtGrant {
  principal: string;
  /** Scopes named in a `scope` claim; `undefined` for an audience-only JWT (the whole service). */
  scopes?: string[];
  expiresAtMs: number;
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a bearer as a self-signed JWT: three base64url parts, a JSON header naming an algorithm, a payload
 * with the same `iss` and `sub`, a numeric `exp`, and an `aud` or `scope`. Anything else is not one
 * (`undefined`), and is then looked up as an access token.
 */
export function selfSignedJwtGrant(bearer: string): JwtGrant | undefined {
  const parts = bearer.split(".");
  if (parts.length !== 3 || parts[2] === "") return undefined;
  const header = decodePart(parts[0]);
  const payload = decodePart(parts[1]);
  if (!header || typeof header.alg !== "string" || !payload) return undefined;
  const { iss, sub, exp, aud, scope } = payload;
  if (typeof iss !== "string" || iss === "" || sub !== iss || typeof exp !== "number") return undefined;
  if (typeof aud !== "string" && typeof scope !== "string") return undefined;
  return {
    principal: iss,
    ...(typeof scope === "string" ? { scopes: scope.split(" ").filter((s) => s !== "") } : {}),
    expiresAtMs: exp * 1000,
  };
}
