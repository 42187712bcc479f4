/** What replaces a secret in any text the client produces. */
export const REDACTED = "[REDACTED]";

// Shapes of credentials that may reach us inside text we did not write (a server message echoing a
// query string, a proxy's error page): Google API keys, bearer tokens, `key=` query parameters.
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /AIza[0-9A-Za-z_-]{35}/g,
  /(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /([?&](?:key|access_token|oauth_token)=)[^&\s"']+/gi,
];

/**
 * Removes credentials from text meant for humans (error messages, logs): every known secret verbatim,
 * plus anything shaped like an API key, bearer token or `key=` parameter.
 */
export function redactSecrets(text: string, secrets: Iterable<string> = []): string {
  let result = text;
  for (const secret of secrets) {
    // Very short strings would redact ordinary words; real keys and tokens are long.
    if (secret.length >= 6) result = result.split(secret).join(REDACTED);
  }
  for (const pattern of CREDENTIAL_PATTERNS) {
    result = result.replace(pattern, (match, prefix?: unknown) =>
      typeof prefix === "string" && match.startsWith(prefix) ? prefix + REDACTED : REDACTED,
    );
  }
  return result;
}
