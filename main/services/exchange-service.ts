import { randomUUID } from 'node:crypto';
import type {
  EnvironmentInfo,
  ExchangeOutcome,
  ExchangeRequest,
  GrantInput,
  GrantType,
  ProfileDraft,
} from '../../preload/contract';
import { runExchange } from '../oauth/exchange';
import { registerSecret } from '../redact';
import { HandlerError } from '../dispatch';
import { grantFromDraft } from './draft-grant';
import { createMemoryKeeper, type TokenKeeper } from './token-keepers';

export interface ExchangeServiceDeps {
  fetch: typeof fetch;
  environments: () => Promise<EnvironmentInfo[]>;
  /** Keeps saved profiles' tokens; quick exchanges are kept in memory. */
  profileKeeper?: TokenKeeper;
  timeoutMs?: number;
  now?: () => number;
}

const REFRESH_NEEDS_TOKEN: ExchangeOutcome = {
  status: 'error',
  grant: 'refresh_token',
  error: {
    kind: 'validation',
    message: 'The refresh_token grant uses a kept token: press Refresh on a token.',
    issues: [{ field: 'refreshToken', message: 'Get a token first, then press Refresh' }],
  },
};

/** Runs exchanges for the renderer and keeps what Refresh needs. */
export function createExchangeService(deps: ExchangeServiceDeps) {
  const memory = createMemoryKeeper(randomUUID);
  const keepers = deps.profileKeeper ? [deps.profileKeeper, memory] : [memory];

  async function execute(
    request: ExchangeRequest,
    grant: GrantType,
    profileId: string | null = null,
  ): Promise<ExchangeOutcome> {
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
    const keep = {
      ...request,
      profileId,
      grant,
      token: result.token,
      receivedAt: result.meta.receivedAt,
    };
    const savedId = profileId === null ? null : (deps.profileKeeper?.keep(keep) ?? null);
    const token =
      profileId !== null && savedId === null
        ? { ...result.token, warnings: [...result.token.warnings, NOT_SAVED] }
        : result.token;
    const tokenId = savedId ?? memory.keep(keep) ?? randomUUID();
    return { status: 'token', tokenId, grant, token, meta: result.meta };
  }

  async function environmentById(id: string): Promise<EnvironmentInfo> {
    const found = (await deps.environments()).find((environment) => environment.id === id);
    if (!found) throw new HandlerError('not_found', `No environment with id "${id}"`);
    return found;
  }

  function findKept(tokenId: string) {
    for (const keeper of keepers) {
      const found = keeper.find(tokenId);
      if (found) return { keeper, found };
    }
    throw new HandlerError('not_found', 'That token is no longer kept; get a new one');
  }

  return {
    /** Runs an exchange that main built itself (a profile's, or the browser sign-in's code). */
    runRequest: execute,

    environmentById,

    async run(draft: ProfileDraft, grant: GrantType): Promise<ExchangeOutcome> {
      if (grant === 'refresh_token') return REFRESH_NEEDS_TOKEN;
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
      const { keeper, found } = findKept(tokenId);
      if (!found.refreshToken) {
        throw new HandlerError('validation', 'That token has no usable refresh token');
      }
      const grant: GrantInput = { type: 'refresh_token', refreshToken: found.refreshToken };
      const outcome = await execute(
        { environment: found.environment, client: found.client, grant },
        'refresh_token',
        found.profileId,
      );
      if (outcome.status === 'token') keeper.spend(tokenId);
      return outcome;
    },
  };
}

const NOT_SAVED =
  'This token was not saved: the system keeps secrets without encryption and saving them is off.';

export type ExchangeService = ReturnType<typeof createExchangeService>;
