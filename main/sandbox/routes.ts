import type { IncomingMessage } from 'node:http';
import type { AuthorizeRoutes } from './authorize';
import { declaredTooLarge, mediaType, readBody } from './body';
import type { SandboxContext } from './context';
import { parseFaultsPatch } from './faults';
import type { SandboxFaults } from './faults';
import { jsonReply, podioError } from './reply';
import type { Reply, RequestInfo } from './reply';
import { tokenEndpoint } from './token-endpoint';
import { appInfo, authenticate, scopeList, userStatus } from './verify';

/** The runtime switch for faults, behind POST /__sandbox/faults. */
export interface FaultsControl {
  get(): Readonly<SandboxFaults>;
  set(patch: Partial<SandboxFaults>): void;
  reset(): void;
}

/** A matched route: whether it is an API endpoint (the ones faults apply to) and how to answer. */
export interface Matched {
  api: boolean;
  run(): Promise<Reply> | Reply;
}

type Handler = (req: IncomingMessage, request: RequestInfo) => Promise<Reply> | Reply;

interface Route {
  api: boolean;
  methods: Partial<Record<string, Handler>>;
}

/** Maps method and path to a handler; unknown paths get 404, known paths 405 for other methods. */
export function createRouter(
  ctx: SandboxContext,
  authorize: AuthorizeRoutes,
  faults: FaultsControl,
): (req: IncomingMessage, request: RequestInfo) => Matched {
  const withToken =
    (answer: (token: Parameters<typeof scopeList>[0], request: RequestInfo) => Reply): Handler =>
    (req, request) => {
      const auth = authenticate(ctx, req.headers, request);
      return auth.ok ? answer(auth.token, request) : auth.reply;
    };

  const routes = new Map<string, Route>([
    [
      '/oauth/token',
      { api: true, methods: { POST: (req, r) => tokenEndpoint(ctx, req, r, 'form') } },
    ],
    [
      '/oauth/token/v2',
      { api: true, methods: { POST: (req, r) => tokenEndpoint(ctx, req, r, 'json') } },
    ],
    [
      '/oauth/authorize',
      { api: false, methods: { GET: (_req, r) => authorize.page(queryMap(r)) } },
    ],
    [
      '/oauth/authorize/decision',
      { api: false, methods: { POST: (req) => authorize.decide(req) } },
    ],
    ['/user/status', { api: true, methods: { GET: withToken((t, r) => userStatus(ctx, t, r)) } }],
    ['/oauth/scope', { api: true, methods: { GET: withToken((t) => scopeList(t)) } }],
    [
      '/__sandbox/faults',
      {
        api: false,
        methods: {
          GET: () => jsonReply(200, faults.get()),
          POST: (req, r) => postFaults(req, r, faults),
          DELETE: () => {
            faults.reset();
            return jsonReply(200, faults.get());
          },
        },
      },
    ],
  ]);

  return (req, request) => {
    const appMatch = /^\/app\/(\d{1,15})$/.exec(request.pathname);
    const route: Route | undefined = appMatch
      ? {
          api: true,
          methods: { GET: withToken((t, r) => appInfo(ctx, t, appMatch[1]!, r)) },
        }
      : routes.get(request.pathname);
    if (!route) {
      return { api: false, run: () => podioError(404, 'not_found', 'No such endpoint', request) };
    }
    const handler = route.methods[request.method];
    if (!handler) {
      const allow = Object.keys(route.methods).join(', ');
      const reply = podioError(405, 'method_not_allowed', `Use ${allow}`, request, {
        headers: { Allow: allow },
      });
      return { api: false, run: () => reply };
    }
    return { api: route.api, run: () => handler(req, request) };
  };
}

/** Query parameters; a repeated one keeps its last value, as Podio does. Never throws. */
export function queryMap(request: RequestInfo): Map<string, string> {
  const query = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(request.queryString)) query.set(key, value);
  return query;
}

async function postFaults(
  req: IncomingMessage,
  request: RequestInfo,
  faults: FaultsControl,
): Promise<Reply> {
  if (declaredTooLarge(req)) return podioError(413, 'invalid_request', 'Body too large', request);
  if (mediaType(req.headers['content-type']) !== 'application/json') {
    return podioError(400, 'invalid_request', 'Send the faults as application/json', request);
  }
  const read = await readBody(req);
  if (!read.ok) return podioError(413, 'invalid_request', 'Body too large', request);

  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return podioError(400, 'invalid_request', 'The request body is not valid JSON', request);
  }
  const parsed = parseFaultsPatch(body);
  if (!parsed.ok) return podioError(400, 'invalid_request', parsed.message, request);
  faults.set(parsed.faults);
  return jsonReply(200, faults.get());
}
