/**
 * Access tokens issued by the emulator's OAuth token endpoint, kept so strict auth accepts them (on either
 * service) and saved in the state file so they survive a restart.
 */

/** An OAuth access token issued by the emulator's token endpoint. */
export interface IssuedToken {
  token: string;
  principal: string;
  /** `undefined` means unrestricted (a grant that did not name scopes). */
  scopes?: string[];
  expiresAtMs: number;
}

/** Tokens older than this past their expiry are dropped when a new one is issued, so the state stays small. */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

/** The issued tokens. */
export class TokenStore {
  private tokens = new Map<string, IssuedToken>();

  /** @param touch marks the emulator state as changed */
  constructor(private readonly touch: () => void) {}

  /** Replaces every token (load and reset). */
  load(tokens: readonly IssuedToken[]): void {
    this.tokens = new Map(tokens.map((t) => [t.token, t]));
  }

  /** The tokens as the state file holds them. */
  snapshot(): IssuedToken[] {
    return [...this.tokens.values()];
  }

  /** Stores an issued token, dropping tokens that expired long ago. */
  add(token: IssuedToken): void {
    const cutoff = Date.now() - KEEP_EXPIRED_MS;
    for (const [value, old] of this.tokens) if (old.expiresAtMs < cutoff) this.tokens.delete(value);
    this.tokens.set(token.token, token);
    this.touch();
  }

  /** Looks up an issued token. */
  get(value: string): IssuedToken | undefined {
    return this.tokens.get(value);
  }
}
