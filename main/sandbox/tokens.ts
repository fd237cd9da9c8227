import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Whose token it is: Podio's `ref`, plus `client` for client_credentials tokens. */
export type TokenOwner =
  | { type: 'user'; id: number }
  | { type: 'app'; id: number | string }
  | { type: 'client'; id: string };

export interface IssuedToken {
  accessToken: string;
  refreshToken: string | null;
  clientId: string;
  owner: TokenOwner;
  scope: string;
  /** Epoch ms. */
  expiresAt: number;
  ttlSeconds: number;
}

/** A PKCE challenge sent on the authorize URL (generic OAuth 2; Podio itself has none). */
export interface CodeChallenge {
  method: 'S256' | 'plain';
  value: string;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  owner: TokenOwner;
  scope: string;
  expiresAt: number;
  used: boolean;
  challenge: CodeChallenge | null;
}

export type Taken<T> =
  { ok: true; value: T } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

const REFRESH_TTL_MS = 28 * 24 * 3600 * 1000;

// Bounds on what the sandbox remembers, so a long session or a flood cannot grow it without end.
// Limitation: everything lives in memory and the oldest entries are forgotten first, so a
// restart or a flood of exchanges makes earlier tokens unknown (401 invalid_token).
const MAX_TOKENS = 10_000;
const MAX_CODES = 1_000;

/** Remembers a value, forgetting the oldest entry once the map is full. */
export function rememberBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Constant-time string comparison (hashing first makes the lengths equal). */
export function safeEqual(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export interface IssueInput {
  clientId: string;
  owner: TokenOwner;
  scope: string;
  ttlSeconds: number;
  withRefresh: boolean;
}

/** Access tokens, refresh tokens and authorization codes, all in memory, timed by `now`. */
export class TokenStore {
  private readonly access = new Map<string, IssuedToken>();
  private readonly refresh = new Map<string, { token: IssuedToken; expiresAt: number }>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(private readonly now: () => number) {}

  /** A new token: 128 hex characters like Podio's, with a 32-hex refresh token when asked. */
  issue(input: IssueInput): IssuedToken {
    const token: IssuedToken = {
      accessToken: randomHex(64),
      refreshToken: input.withRefresh ? randomHex(16) : null,
      clientId: input.clientId,
      owner: input.owner,
      scope: input.scope,
      expiresAt: this.now() + input.ttlSeconds * 1000,
      ttlSeconds: input.ttlSeconds,
    };
    rememberBounded(this.access, token.accessToken, token, MAX_TOKENS);
    if (token.refreshToken) {
      const entry = { token, expiresAt: this.now() + REFRESH_TTL_MS };
      rememberBounded(this.refresh, token.refreshToken, entry, MAX_TOKENS);
    }
    return token;
  }

  /** The token behind an access token, expired or not (the caller tells the two apart). */
  findAccess(accessToken: string): IssuedToken | undefined {
    return this.access.get(accessToken);
  }

  isExpired(token: IssuedToken): boolean {
    return this.now() >= token.expiresAt;
  }

  /** Uses up a refresh token: whatever the outcome, it cannot be used again (rotation). */
  takeRefresh(refreshToken: string, clientId: string): Taken<IssuedToken> {
    const entry = this.refresh.get(refreshToken);
    if (!entry || entry.token.clientId !== clientId) return { ok: false, reason: 'unknown' };
    this.refresh.delete(refreshToken);
    if (this.now() >= entry.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, value: entry.token };
  }

  /** A one-use code for an approved authorize request. */
  createCode(code: Omit<AuthorizationCode, 'used' | 'expiresAt'>, ttlSeconds: number): string {
    const value = randomHex(16);
    const record = { ...code, used: false, expiresAt: this.now() + ttlSeconds * 1000 };
    rememberBounded(this.codes, value, record, MAX_CODES);
    return value;
  }

  /** Uses up a code. A used code is kept, marked, so its reuse gets a precise message. */
  takeCode(code: string): Taken<AuthorizationCode> {
    const record = this.codes.get(code);
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.used) return { ok: false, reason: 'used' };
    record.used = true;
    if (this.now() >= record.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, value: record };
  }
}
