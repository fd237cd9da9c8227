import type {
  AppView,
  Channel,
  ClientView,
  EnvironmentInfo,
  ExchangeOutcome,
  LoginView,
  ProfileView,
  RecoveryNotice,
  RequestOf,
  ResponseOf,
  SettingsView,
  StoreSnapshot,
  TokenView,
} from '../../../preload/contract';
import { ENVIRONMENTS } from './environments';

/*
 * An in-memory stand-in for main's profile store behind the store channels: enough behaviour
 * (create, update, delete, duplicate, token history) for the renderer's flows, no field rules.
 * Tests that need main's validation answers replace a handler with one that rejects.
 */

type StoreHandlers = { [C in Channel]?: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface FakeStoreData {
  environments: EnvironmentInfo[];
  clients: ClientView[];
  apps: AppView[];
  logins: LoginView[];
  profiles: ProfileView[];
  settings: SettingsView;
  recovery: RecoveryNotice | null;
  tokens: TokenView[];
  /** Secret values by "entity:id:field", as secret:reveal hands them out. */
  secrets: Record<string, string>;
}

export interface FakeStore {
  data: FakeStoreData;
  handlers: StoreHandlers;
  /** Outcomes profile:exchange answers in order; when empty it makes a token outcome. */
  exchanges: ExchangeOutcome[];
}

/** A kept token of a profile, as tokens:list answers. */
export function keptToken(
  id: string,
  profileRef: string,
  fields: Partial<TokenView> = {},
): TokenView {
  const receivedAt = fields.receivedAt ?? Date.now();
  return {
    id,
    profileRef,
    grant: 'app',
    receivedAt,
    expiresAt: receivedAt + 28_800_000,
    tokenType: 'bearer',
    scope: 'global:all',
    ref: { type: 'app', id: 4242 },
    extra: {},
    secretExtraKeys: [],
    hasAccessToken: true,
    hasRefreshToken: true,
    issuedBy: { tokenUrl: 'http://127.0.0.1:41234/oauth/token', clientId: 'workbench-demo' },
    refreshed: false,
    ...fields,
  };
}

function tokenOutcomeFor(tokenId: string, grant: 'app' | 'password'): ExchangeOutcome {
  const receivedAt = Date.now();
  const ref = grant === 'app' ? { type: 'app', id: 4242 } : { type: 'user', id: 1234567 };
  const accessToken = `access-${tokenId}-${'x'.repeat(40)}`;
  return {
    status: 'token',
    tokenId,
    grant,
    token: {
      accessToken,
      tokenType: 'bearer',
      expiresIn: 28800,
      refreshToken: `refresh-${tokenId}`,
      scope: 'global:all',
      ref,
      expiresAt: receivedAt + 28_800_000,
      extra: {},
      warnings: [],
      fields: [
        {
          name: 'access_token',
          value: JSON.stringify(accessToken),
          explanation: 'Sent as "Authorization: OAuth2 <token>" on API calls.',
          secret: true,
        },
        { name: 'ref', value: JSON.stringify(ref), explanation: 'Who.', secret: false },
      ],
    },
    meta: {
      url: 'http://127.0.0.1:41234/oauth/token',
      status: 200,
      latencyMs: 9,
      receivedAt,
      headers: {},
      rawBody: '{}',
    },
  };
}

/** A fake store seeded with the built-in environments and whatever the test adds. */
export function createFakeStore(seed: Partial<FakeStoreData> = {}): FakeStore {
  const data: FakeStoreData = {
    environments: ENVIRONMENTS,
    clients: [],
    apps: [],
    logins: [],
    profiles: [],
    settings: { allowPlainTextSecrets: false, plainTextBackend: false },
    recovery: null,
    tokens: [],
    secrets: {},
    ...seed,
  };
  let next = 1;
  const store: FakeStore = { data, handlers: {}, exchanges: [] };

  const snapshot = (): StoreSnapshot => ({
    environments: data.environments,
    clients: data.clients,
    apps: data.apps,
    logins: data.logins,
    profiles: data.profiles,
    settings: data.settings,
    recovery: data.recovery,
  });
  const listKey = {
    environment: 'environments',
    client: 'clients',
    app: 'apps',
    login: 'logins',
    profile: 'profiles',
  } as const;
  const secretField = { client: 'clientSecret', app: 'appToken', login: 'password' } as const;

  store.handlers = {
    'store:snapshot': () => Promise.resolve(snapshot()),

    'entity:save': (request) => {
      const key = listKey[request.kind];
      const list = data[key] as Array<{ id: string; hasSecret?: boolean }>;
      const id = request.id ?? `${request.kind}-${next++}`;
      const before = list.find((item) => item.id === id);
      const input: Record<string, unknown> = { ...request.input };
      const field = request.kind in secretField ? secretField[request.kind as 'client'] : null;
      let hasSecret = before?.hasSecret ?? false;
      if (field !== null && field in input) {
        const value = input[field];
        hasSecret = typeof value === 'string' && value !== '';
        if (hasSecret) data.secrets[`${request.kind}:${id}:${field}`] = value as string;
        delete input[field];
      }
      const entity = {
        ...(before ?? {}),
        ...input,
        id,
        ...(field !== null ? { hasSecret } : {}),
        ...(request.kind === 'environment' ? { builtIn: false } : {}),
      };
      data[key] = (
        before ? list.map((item) => (item.id === id ? entity : item)) : [...list, entity]
      ) as never;
      return Promise.resolve({ id, snapshot: snapshot() });
    },

    'entity:delete': ({ kind, id }) => {
      const key = listKey[kind];
      data[key] = (data[key] as Array<{ id: string }>).filter((item) => item.id !== id) as never;
      if (kind === 'profile') data.tokens = data.tokens.filter((t) => t.profileRef !== id);
      return Promise.resolve(snapshot());
    },

    'profile:duplicate': ({ id }) => {
      const source = data.profiles.find((p) => p.id === id);
      if (!source) return Promise.reject(new Error('No profile with that id.'));
      const copy = { ...source, id: `profile-${next++}`, name: `${source.name} (copy)` };
      data.profiles = [...data.profiles, copy];
      return Promise.resolve({ id: copy.id, snapshot: snapshot() });
    },

    'secret:reveal': (ref) =>
      Promise.resolve({
        value: data.secrets[`${ref.entity}:${ref.id}:${ref.field}`] ?? null,
        warning: null,
      }),

    'settings:update': (patch) => {
      data.settings = { ...data.settings, ...patch };
      return Promise.resolve(data.settings);
    },

    'tokens:list': ({ profileId }) =>
      Promise.resolve(
        data.tokens
          .filter((t) => t.profileRef === profileId)
          .sort((a, b) => b.receivedAt - a.receivedAt),
      ),

    'tokens:delete': ({ id }) => {
      const gone = data.tokens.find((t) => t.id === id);
      data.tokens = data.tokens.filter((t) => t.id !== id);
      return Promise.resolve(data.tokens.filter((t) => t.profileRef === gone?.profileRef));
    },

    'profile:exchange': ({ profileId, grant }) => {
      const outcome =
        store.exchanges.shift() ??
        tokenOutcomeFor(`tok-${next++}`, grant === 'password' ? 'password' : 'app');
      if (outcome.status === 'token') {
        data.tokens = [
          ...data.tokens,
          keptToken(outcome.tokenId, profileId, {
            grant: outcome.grant,
            receivedAt: outcome.meta.receivedAt,
            ref: outcome.token.ref,
          }),
        ];
        data.secrets[`token:${outcome.tokenId}:accessToken`] = outcome.token.accessToken;
      }
      return Promise.resolve(outcome);
    },

    'transfer:export': ({ passphrase }) =>
      Promise.resolve({
        json: JSON.stringify({ format: 'token-workbench-export', secrets: passphrase !== null }),
        warnings: [],
      }),

    'transfer:import': () =>
      Promise.resolve({
        added: { environments: 0, clients: 1, apps: 1, logins: 0, profiles: 2 },
        unchanged: 0,
        renamedIds: 0,
        secrets: 0,
      }),
  };
  return store;
}

/** A rejection main would answer with: an Error carrying a BridgeError's kind and issues. */
export function refusal(error: {
  kind: 'validation' | 'not_found' | 'internal' | 'forbidden';
  message: string;
  issues?: Array<{ field: string; message: string }>;
}): Error {
  return Object.assign(new Error(error.message), error);
}
