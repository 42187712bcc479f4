import type { AuthClient } from "google-auth-library";

/** Google's OAuth 2.0 token endpoint, which google-auth-library (v10) uses whatever the key file says. */
export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * Sends a client's token requests to the `token_uri` of its credentials file when that differs from
 * Google's default. google-auth-library for Node ignores `token_uri` (Python's google-auth honours it),
 * which would make the emulator's token endpoint, a private STS proxy or any non-default universe
 * unreachable for service-account and user credentials. External-account credentials carry their own
 * `token_url` and need nothing.
 *
 * The assertion sent there is signed with the private key, so only HTTPS (or loopback, for the emulator)
 * endpoints are accepted.
 */
export function honourTokenUri(client: AuthClient, credentials: unknown): void {
  const tokenUri = (credentials as { token_uri?: unknown } | null | undefined)?.token_uri;
  if (typeof tokenUri !== "string" || tokenUri === "" || tokenUri === GOOGLE_TOKEN_URL) return;
  const target = new URL(tokenUri);
  if (target.protocol !== "https:" && !(target.protocol === "http:" && LOOPBACK_HOSTS.has(target.hostname))) {
    throw new Error(`the credentials file's token_uri must use https (or be a loopback address), got ${target.origin}`);
  }
  client.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (options.url.href === GOOGLE_TOKEN_URL) options.url = new URL(target.href);
      return options;
    },
  });
}
