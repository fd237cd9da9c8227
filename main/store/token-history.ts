import { randomUUID } from 'node:crypto';
import type { GrantType, TokenRef } from '../../preload/contract';
import { isSecretKey } from '../redact';
import { grantSchema } from './schema';
import type { StoredToken } from './schema';
import type { SealedSecret } from './secret-box';

/** A token response to keep, as the exchange produced it. */
export interface NewToken {
  profileRef: string;
  grant: GrantType;
  receivedAt: number;
  expiresAt: number | null;
  tokenType: string;
  scope: string | null;
  ref: TokenRef | null;
  accessToken: string;
  refreshToken: string | null;
  extra: Record<string, unknown>;
  /** The token URL and client_id the token came from. */
  issuedBy: { tokenUrl: string; clientId: string };
}

// Extra response fields kept sealed: the logger's secret names plus anything token-like.
const isSecretExtra = (key: string) => isSecretKey(key) || /token|secret|password|nonce/i.test(key);

/** The stored form of a new token, every secret sealed. */
export function buildToken(input: NewToken, seal: (plain: string) => SealedSecret): StoredToken {
  const extra: Record<string, unknown> = {};
  const secretExtra: Record<string, SealedSecret> = {};
  for (const [key, value] of Object.entries(input.extra)) {
    if (isSecretExtra(key)) secretExtra[key] = seal(JSON.stringify(value));
    else extra[key] = value;
  }
  return {
    id: randomUUID(),
    profileRef: input.profileRef,
    grant: grantSchema.parse(input.grant),
    receivedAt: input.receivedAt,
    expiresAt: input.expiresAt,
    tokenType: input.tokenType,
    scope: input.scope,
    ref: input.ref,
    accessToken: seal(input.accessToken),
    refreshToken: input.refreshToken === null ? null : seal(input.refreshToken),
    extra,
    ...(Object.keys(secretExtra).length > 0 ? { secretExtra } : {}),
    issuedBy: { ...input.issuedBy },
  };
}

/** The history with `token` added and its profile's oldest tokens beyond `limit` removed. */
export function appendToken(
  tokens: readonly StoredToken[],
  token: StoredToken,
  limit: number,
): StoredToken[] {
  const mine = tokens.filter((t) => t.profileRef === token.profileRef);
  const excess = new Set(mine.slice(0, Math.max(0, mine.length + 1 - limit)).map((t) => t.id));
  return [...tokens.filter((t) => !excess.has(t.id)), token];
}
