/** What replaces a secret in any text the client produces. */
export const REDACTED = "[REDACTED]";

// Shapes of credentials that may reach us inside text we did not write (a server message echoing a
// query string, a proxy's error page): Google API keys, bearer tokens, `key=` query parameters.
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /AIza[0-9A-Za-z_-]{35}/g,
  /(bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /([?&](?:key|access_token|oauth_token)=)[^&\s"']+/gi,
  // `user:password@` in a URL (undici quotes the whole URL when it refuses one that carries credentials).
  /(\b[a-z][a-z0-9+.-]*:\/\/)[^/?#\s@"']+(?=@)/gi,
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

/** The URL without its `user:password@` part (or the text unchanged when it is not a URL). */
export function withoutUrlCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === "" && parsed.password === "") return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.href;
  } catch {
    return url;
  }
}

/** Whether a URL carries a user name or password (`https://user:password@host`). */
export function hasUrlCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== "" || parsed.password !== "";
  } catch {
    return /^[a-z][a-z0-9+.-]*:\/\/[^/?#@]*@/i.test(url.trim());
  }
}
