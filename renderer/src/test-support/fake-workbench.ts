import type {
  AuthorizeProgress,
  AuthorizeStarted,
  BridgeError,
  Channel,
  ExchangeMeta,
  EventName,
  Events,
  ExchangeOutcome,
  RequestOf,
  ResponseOf,
  SandboxInfo,
  TokenSuccess,
  WorkbenchApi,
  WorkbenchBridge,
} from '../../../preload/contract';
import { createFakeStore } from './fake-store';
import type { FakeStore, FakeStoreData } from './fake-store';
import { ENVIRONMENTS, SANDBOX_URL } from './environments';

/*
 * A stand-in for the workbench API behind window.workbenchBridge: canned answers shaped exactly
 * as preload/contract.ts says, and a record of every call so tests can assert what the renderer
 * asked for.
 */

// Partial: channels this screen does not use (the contract grows) reject instead of answering.
type Handlers = { [C in Channel]?: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface FakeWorkbench extends WorkbenchApi {
  calls: Array<{ channel: Channel; request: unknown }>;
  handlers: Handlers;
  /** Pushes an event to every listener subscribed with `on`, as main would. */
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** How many listeners are subscribed to an event now. */
  listenerCount(event: EventName): number;
  /** The in-memory store behind the store channels, for seeding and assertions. */
  store: FakeStore;
}

export { ENVIRONMENTS, SANDBOX_URL };

export const SANDBOX_INFO: SandboxInfo = {
  running: true,
  url: SANDBOX_URL,
  demo: {
    clientId: 'demo-client',
    clientSecret: 'demo-client-secret-4f1c9a',
    username: 'demo@example.com',
    password: 'demo-password',
    appId: '4242',
    appToken: 'demo-app-token-77d0',
  },
};

export const ACCESS_TOKEN =
  '0fb7d32ccc69f136d7fda63a5d04a16ab71025c004c6ad644ded8ca14eea9509' +
  '6d704463ec599c4f73c9f1da99484884b4ed1920545a3a4d8067deafe66af314';
export const REFRESH_TOKEN = '9ee49d067beeaeab4a0698958919c34b';

/** Wire observations for a response that arrived at receivedAt. */
export function meta(status: number, rawBody: string, receivedAt = Date.now()): ExchangeMeta {
  return {
    url: `${SANDBOX_URL}/oauth/token`,
    status,
    latencyMs: 12,
    receivedAt,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-rate-limit-limit': '250',
      'x-rate-limit-remaining': '249',
    },
    rawBody,
  };
}

/** A user token outcome like Podio's password grant answer, expiring 8 hours after receivedAt. */
export function tokenOutcome(
  tokenId: string,
  options: { accessToken?: string; refreshToken?: string | null; receivedAt?: number } = {},
): Extract<ExchangeOutcome, { status: 'token' }> {
  const receivedAt = options.receivedAt ?? Date.now();
  const accessToken = options.accessToken ?? ACCESS_TOKEN;
  const refreshToken = options.refreshToken === undefined ? REFRESH_TOKEN : options.refreshToken;
  const body = {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: 28800,
    ...(refreshToken === null ? {} : { refresh_token: refreshToken }),
    scope: 'global:all',
    ref: { type: 'user', id: 1234567 },
  };
  const token: TokenSuccess = {
    accessToken,
    tokenType: 'bearer',
    expiresIn: 28800,
    refreshToken,
    scope: 'global:all',
    ref: { type: 'user', id: 1234567 },
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
      {
        name: 'token_type',
        value: '"bearer"',
        explanation: 'How the token is presented.',
        secret: false,
      },
      {
        name: 'expires_in',
        value: '28800',
        explanation: 'Seconds the access token lives (8 hours).',
        secret: false,
      },
      ...(refreshToken === null
        ? []
        : [
            {
              name: 'refresh_token',
              value: JSON.stringify(refreshToken),
              explanation: 'Trades for a new access token without asking the user again.',
              secret: true,
            },
          ]),
      {
        name: 'scope',
        value: '"global:all"',
        explanation: 'What the token may do.',
        secret: false,
      },
      {
        name: 'ref',
        value: '{"type":"user","id":1234567}',
        explanation: 'Who the token acts as.',
        secret: false,
      },
    ],
  };
  return {
    status: 'token',
    tokenId,
    grant: 'password',
    token,
    meta: meta(200, JSON.stringify(body), receivedAt),
  };
}

/** Podio's answer to a wrong password. */
export function invalidGrantOutcome(): ExchangeOutcome {
  const body = {
    error_parameters: {},
    error_detail: null,
    error_propagate: false,
    request: { url: 'http://api.podio.com/oauth/token', query_string: '', method: 'POST' },
    error_description: 'Invalid user credentials',
    error: 'invalid_grant',
  };
  return {
    status: 'error',
    grant: 'password',
    error: {
      kind: 'oauth',
      message: 'The server refused the request: Invalid user credentials',
      error: 'invalid_grant',
      errorDescription: 'Invalid user credentials',
      errorDetail: null,
      errorParameters: {},
      errorPropagate: false,
      meta: meta(400, JSON.stringify(body)),
    },
  };
}

/** What main answers before sending anything when the form lacks values. */
export function validationOutcome(): ExchangeOutcome {
  return {
    status: 'error',
    grant: 'password',
    error: {
      kind: 'validation',
      message: 'Some fields are missing',
      issues: [
        { field: 'clientSecret', message: 'Client secret is required' },
        { field: 'username', message: 'Username is required' },
      ],
    },
  };
}

/** What authorize:start answers by default: a Podio-style flow on localhost. */
export const STARTED: AuthorizeStarted = {
  flowId: 'flow-1',
  redirectUri: 'http://localhost:53121/callback/q8Zk2vL0aT3mYw9c',
  registerAs: 'localhost',
  authorizeUrl: `${SANDBOX_URL}/oauth/authorize?client_id=demo-client&state=s1`,
  listenAddresses: ['127.0.0.1:53121', '[::1]:53121'],
};

/** One authorize:progress event for a flow (STARTED's by default). */
export function progress(
  phase: AuthorizeProgress['phase'],
  fields: Partial<AuthorizeProgress> = {},
): AuthorizeProgress {
  return {
    flowId: STARTED.flowId,
    phase,
    message: null,
    outcome: null,
    stateMissing: false,
    ...fields,
  };
}

/**
 * A fake whose exchange:run and exchange:refresh answer from the given queues, in order, and
 * whose store channels answer from an in-memory store (empty unless seeded).
 */
export function createFakeWorkbench(
  answers: {
    run?: ExchangeOutcome[];
    refresh?: ExchangeOutcome[];
    store?: Partial<FakeStoreData>;
  } = {},
): FakeWorkbench {
  const store = createFakeStore(answers.store);
  const runQueue = [...(answers.run ?? [])];
  const refreshQueue = [...(answers.refresh ?? [])];
  const next = (queue: ExchangeOutcome[], channel: string): Promise<ExchangeOutcome> => {
    const outcome = queue.shift();
    return outcome ? Promise.resolve(outcome) : Promise.reject(new Error(`no canned ${channel}`));
  };

  const handlers: Handlers = {
    'app:info': () =>
      Promise.resolve({
        name: 'Token Workbench',
        version: '0.1.0',
        platform: 'linux',
        plainTextSecrets: false,
      }),
    'sandbox:info': () => Promise.resolve(SANDBOX_INFO),
    'environments:list': () => Promise.resolve(ENVIRONMENTS),
    'exchange:run': () => next(runQueue, 'exchange:run'),
    'exchange:refresh': () => next(refreshQueue, 'exchange:refresh'),
    'authorize:start': () => Promise.resolve(STARTED),
    'authorize:cancel': () => Promise.resolve({ cancelled: true }),
    'profile:authorize': () => Promise.resolve(STARTED),
    ...store.handlers,
  };
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  const fake: FakeWorkbench = {
    calls: [],
    handlers,
    store,
    invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      fake.calls.push({ channel, request });
      const handler: Handlers[C] = fake.handlers[channel];
      if (!handler) return Promise.reject(new Error(`the fake has no answer for ${channel}`));
      return handler(request);
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit<E extends EventName>(event: E, payload: Events[E]): void {
      for (const listener of listeners.get(event) ?? [])
        (listener as (p: Events[E]) => void)(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
  return fake;
}

/**
 * Installs a fake behind window.workbenchBridge and returns it. The renderer builds its API over
 * the bridge with the real createApi, so envelopes and WorkbenchCallError are the app's own.
 */
export function installFakeWorkbench(fake: FakeWorkbench = createFakeWorkbench()): FakeWorkbench {
  const invoke = (channel: Channel, payload: unknown): Promise<unknown> =>
    (fake.invoke as (c: Channel, p: unknown) => Promise<unknown>).call(fake, channel, payload);
  const bridge: WorkbenchBridge = {
    invoke: (channel, payload) =>
      invoke(channel, payload).then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: asBridgeError(error) }),
      ),
    subscribe: (event, listener) => fake.on(event, listener),
  };
  window.workbenchBridge = bridge;
  return fake;
}

function asBridgeError(error: unknown): BridgeError {
  if (typeof error === 'object' && error !== null && 'kind' in error && 'message' in error) {
    return error as BridgeError;
  }
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}
