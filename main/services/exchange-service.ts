import { randomUUID } from 'node:crypto';
import type {
  EnvironmentInfo,
  EnvironmentTarget,
  ClientCredentials,
  ExchangeOutcome,
  ExchangeRequest,
  GrantType,
  ProfileDraft,
} from '../../preload/contract';
import { runExchange } from '../oauth/exchange';
import { registerSecret } from '../redact';
import { HandlerError } from '../dispatch';
import { grantFromDraft } from './draft-grant';

export interface ExchangeServiceDeps {
  fetch: typeof fetch;
  environments: () => Promise<EnvironmentInfo[]>;
  timeoutMs?: number;
  now?: () => number;
}

/** What main keeps of a token so Refresh can run without the renderer resending secrets. */
interface KeptToken {
  environment: EnvironmentTarget;
  client: ClientCredentials;
  refreshToken: string | null;
}

// Limitation: kept tokens live in memory until the profile store keeps token history on disk.
const MAX_KEPT_TOKENS = 200;

/** Runs exchanges for the renderer and keeps what Refresh needs. */
export function createExchangeService(deps: ExchangeServiceDeps) {
  const kept = new Map<string, KeptToken>();

  function keep(id: string, token: KeptToken): void {
    kept.set(id, token);
    if (kept.size > MAX_KEPT_TOKENS) {
      const oldest = kept.keys().next().value;
      if (oldest !== undefined) kept.delete(oldest);
    }
  }

  async function execute(request: ExchangeRequest, grant: GrantType): Promise<ExchangeOutcome> {
    const result = await runExchange(request, {
      fetch: deps.fetch,
      timeoutMs: deps.timeoutMs,
      now: deps.now,
    });
    if (result.status === 'error') return { status: 'error', grant, error: result.error };
    if (result.status === 'two_factor') return { ...result, grant };
    // runExchange registers the request's secrets; the tokens it got back are new secrets.
    registerSecret(result.token.accessToken);
    registerSecret(result.token.refreshToken);
    const tokenId = randomUUID();
    keep(tokenId, {
      environment: request.environment,
      client: request.client,
      refreshToken: result.token.refreshToken,
    });
    return { status: 'token', tokenId, grant, token: result.token, meta: result.meta };
  }

  async function environmentById(id: string): Promise<EnvironmentInfo> {
    const found = (await deps.environments()).find((environment) => environment.id === id);
    if (!found) throw new HandlerError('not_found', `No environment with id "${id}"`);
    return found;
  }

  return {
    /** Runs an exchange that main built itself (the browser sign-in's code exchange). */
    runRequest: execute,

    environmentById,

    async run(draft: ProfileDraft, grant: GrantType): Promise<ExchangeOutcome> {
      if (grant === 'refresh_token') {
        return {
          status: 'error',
          grant,
          error: {
            kind: 'validation',
            message: 'The refresh_token grant uses a kept token: press Refresh on a token.',
            issues: [{ field: 'refreshToken', message: 'Get a token first, then press Refresh' }],
          },
        };
      }
      const environment = await environmentById(draft.environmentId);
      return execute(
        {
          environment: { tokenUrl: environment.tokenUrl, wireStyle: environment.wireStyle },
          client: { clientId: draft.clientId, clientSecret: draft.clientSecret },
          grant: grantFromDraft(draft, grant),
        },
        grant,
      );
    },

    async refresh(tokenId: string): Promise<ExchangeOutcome> {
      const token = kept.get(tokenId);
      if (!token)
        throw new HandlerError('not_found', 'That token is no longer kept; get a new one');
      if (!token.refreshToken) {
        throw new HandlerError('validation', 'That token came without a refresh token');
      }
      const outcome = await execute(
        {
          environment: token.environment,
          client: token.client,
          grant: { type: 'refresh_token', refreshToken: token.refreshToken },
        },
        'refresh_token',
      );
      // Podio rotates refresh tokens: the old one is dead once a refresh succeeds.
      if (outcome.status === 'token') token.refreshToken = null;
      return outcome;
    },
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;
