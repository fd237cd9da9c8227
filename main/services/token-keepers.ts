import type {
  ClientCredentials,
  EnvironmentTarget,
  GrantType,
  TokenSuccess,
} from '../../preload/contract';
import type { ProfileStore } from '../store/profile-store';
import { HandlerError } from '../dispatch';
import { PlainTextSecretsError, StoreError } from '../store/errors';
import type { TokenView } from '../store/views';

/** What Refresh needs of a kept token, so the renderer never resends secrets. */
export interface KeptToken {
  environment: EnvironmentTarget;
  client: ClientCredentials;
  refreshToken: string | null;
  /** The saved profile it belongs to; null for a quick (unsaved) exchange. */
  profileId: string | null;
}

export interface KeepInput {
  environment: EnvironmentTarget;
  client: ClientCredentials;
  profileId: string | null;
  grant: GrantType;
  token: TokenSuccess;
  receivedAt: number;
}

/** Where tokens are kept: memory for quick exchanges, the encrypted store for profiles. */
export interface TokenKeeper {
  /** Keeps a token and answers its id, or null when this keeper cannot keep it. */
  keep(input: KeepInput): string | null;
  find(id: string): KeptToken | null;
  /** A refresh succeeded: the old refresh token is dead (Podio rotates them). */
  spend(id: string): void;
}

// Limitation: quick-exchange tokens live in memory only; save a profile to keep its tokens.
const MAX_MEMORY_TOKENS = 200;

export function createMemoryKeeper(newId: () => string): TokenKeeper {
  const kept = new Map<string, KeptToken>();
  return {
    keep({ environment, client, profileId, token }) {
      const id = newId();
      kept.set(id, { environment, client, profileId, refreshToken: token.refreshToken });
      if (kept.size > MAX_MEMORY_TOKENS) {
        const oldest = kept.keys().next().value;
        if (oldest !== undefined) kept.delete(oldest);
      }
      return id;
    },
    find: (id) => kept.get(id) ?? null,
    spend(id) {
      const token = kept.get(id);
      if (token) token.refreshToken = null;
    },
  };
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

/**
 * Keeps profile tokens in the store's history, secrets sealed. A kept token is refreshed only
 * at the token URL and with the client_id that issued it: if the profile was pointed elsewhere
 * since, the refresh is refused rather than sending the refresh token to another server.
 */
export function createStoreKeeper(store: () => ProfileStore): TokenKeeper {
  return {
    keep({ environment, client, profileId, grant, token, receivedAt }) {
      if (profileId === null) return null;
      try {
        return store().addToken({
          profileRef: profileId,
          grant,
          receivedAt,
          expiresAt: token.expiresAt,
          tokenType: token.tokenType,
          scope: token.scope,
          ref: token.ref,
          accessToken: token.accessToken,
          refreshToken: token.refreshToken,
          extra: token.extra,
          issuedBy: { tokenUrl: environment.tokenUrl, clientId: client.clientId },
        }).id;
      } catch (error) {
        // Plain-text backend without consent: the token is shown but not written to disk.
        if (error instanceof PlainTextSecretsError) return null;
        throw error;
      }
    },
    find(id) {
      const saved = store();
      let view: TokenView;
      try {
        view = saved.getToken(id);
      } catch (error) {
        if (error instanceof StoreError && error.kind === 'not_found') return null;
        throw error;
      }
      const resolved = saved.resolveProfile(view.profileRef);
      const issuer = view.issuedBy;
      const now = { tokenUrl: resolved.environment.tokenUrl, clientId: resolved.client.clientId };
      if (!issuer) {
        throw new HandlerError(
          'validation',
          'This token was kept without a record of the server that issued it; get a new token.',
        );
      }
      if (issuer.tokenUrl !== now.tokenUrl || issuer.clientId !== now.clientId) {
        throw new HandlerError(
          'validation',
          `This token came from ${hostOf(issuer.tokenUrl)} for client ${issuer.clientId}; ` +
            `the profile now uses ${hostOf(now.tokenUrl)} for client ${now.clientId}. ` +
            'A refresh goes only where the token came from: get a new token.',
        );
      }
      return {
        environment: { tokenUrl: issuer.tokenUrl, wireStyle: resolved.environment.wireStyle },
        client: { clientId: issuer.clientId, clientSecret: resolved.client.clientSecret ?? '' },
        refreshToken: saved.revealSecret('token', id, 'refreshToken').value,
        profileId: view.profileRef,
      };
    },
    spend(id) {
      store().markTokenRefreshed(id);
    },
  };
}
