import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SandboxDemo } from '../../preload/contract';
import { scoped } from '../log';
import { createAuthorizeRoutes } from './authorize';
import type { SandboxContext } from './context';
import { buildDirectory, DEFAULT_DEMO } from './demo';
import { NO_FAULTS, parseFaultsPatch } from './faults';
import type { SandboxFaults } from './faults';
import { RateCounter } from './rate-limit';
import { DEFAULT_REDIRECT_HOSTS } from './redirect-uri';
import { newRequestId, podioError, writeReply } from './reply';
import type { Reply, RequestInfo } from './reply';
import { createRouter } from './routes';
import { TokenStore } from './tokens';

export { DEFAULT_DEMO, SECOND_APP, SECOND_LOGIN, TWO_FACTOR_LOGIN } from './demo';
export { NO_FAULTS } from './faults';
export type { SandboxFaults } from './faults';

const log = scoped('sandbox');

export interface SandboxOptions {
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  host?: '127.0.0.1' | '::1';
  demo?: Partial<SandboxDemo>;
  /** Default 28800 (8 hours, as Podio). */
  accessTokenTtlSeconds?: number;
  /** Default 60. */
  codeTtlSeconds?: number;
  /** Epoch ms; tests move time with it. */
  now?: () => number;
  /** Hosts a redirect_uri may name; default localhost, 127.0.0.1 and [::1]. */
  redirectHosts?: string[];
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:53211 (no trailing slash). */
  url: string;
  tokenUrl: string;
  authorizeUrl: string;
  demo: SandboxDemo;
  /** Changes some faults and leaves the rest; throws on an invalid value. */
  setFaults(faults: Partial<SandboxFaults>): void;
  resetFaults(): void;
  /** Stops listening and cuts every open connection, hanging ones included. */
  close(): Promise<void>;
}

/** Starts the sandbox on loopback. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== '::1') throw new Error('The sandbox binds loopback only');
  const demo: SandboxDemo = { ...DEFAULT_DEMO, ...options.demo };
  const now = options.now ?? Date.now;
  let faults: SandboxFaults = { ...NO_FAULTS };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  function setFaults(patch: Partial<SandboxFaults>): void {
    const parsed = parseFaultsPatch(patch);
    if (!parsed.ok) throw new TypeError(`Invalid sandbox faults: ${parsed.message}`);
    const defined = Object.entries(parsed.faults).filter(([, value]) => value !== undefined);
    faults = { ...faults, ...(Object.fromEntries(defined) as Partial<SandboxFaults>) };
  }

  const server = createServer({ maxHeaderSize: 16 * 1024 });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Malformed requests (bad method, oversized headers…) never reach 'request';
  // answer and hang up.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = host === '::1' ? `http://[::1]:${port}` : `http://127.0.0.1:${port}`;

  const ctx: SandboxContext = {
    baseUrl: url,
    directory: buildDirectory(demo),
    tokens: new TokenStore(now),
    rates: new RateCounter(now),
    faults: () => faults,
    now,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 28_800,
    codeTtlSeconds: options.codeTtlSeconds ?? 60,
    redirectHosts: new Set(
      (options.redirectHosts ?? DEFAULT_REDIRECT_HOSTS).map((name) => name.toLowerCase()),
    ),
  };
  const route = createRouter(ctx, createAuthorizeRoutes(ctx), {
    get: () => faults,
    set: setFaults,
    reset: () => (faults = { ...NO_FAULTS }),
  });

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const request = describe(req, url);
    res.setHeader('X-Podio-Request-Id', newRequestId());
    res.once('close', () => {
      const status = res.writableFinished ? String(res.statusCode) : 'closed';
      const ms = Math.round(performance.now() - started);
      log.info(`${request.method} ${printable(request.pathname)} ${status} ${ms}ms`);
    });

    try {
      const matched = route(req, request);
      if (matched.api) {
        const current = faults;
        if (current.hang) return;
        if (current.latencyMs > 0) await wait(current.latencyMs);
        const replaced = faultReply(current, request);
        if (replaced) return writeReply(res, replaced);
      }
      const reply = await matched.run();
      writeReply(res, matched.api && faults.malformedJson ? truncateJson(reply) : reply);
    } catch (error) {
      log.warn(`handler failed for ${request.method} ${printable(request.pathname)}`, error);
      writeReply(res, podioError(500, 'server_error', 'The sandbox failed to answer', request));
    }
  }
  server.on('request', (req, res) => void handle(req, res));

  let closing: Promise<void> | null = null;
  return {
    url,
    tokenUrl: `${url}/oauth/token`,
    authorizeUrl: `${url}/oauth/authorize`,
    demo,
    setFaults,
    resetFaults: () => (faults = { ...NO_FAULTS }),
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

/** The request as echoed in error bodies: method and raw path/query, split without decoding. */
function describe(req: IncomingMessage, baseUrl: string): RequestInfo {
  const target = req.url ?? '/';
  const mark = target.indexOf('?');
  return {
    method: req.method ?? 'GET',
    pathname: mark < 0 ? target : target.slice(0, mark),
    queryString: mark < 0 ? '' : target.slice(mark + 1),
    baseUrl,
  };
}

/** A path fit for one log line: no control characters, bounded length. */
function printable(path: string): string {
  const clean = path.replace(/[^\x21-\x7e]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 120)}…` : clean;
}

const BAD_GATEWAY = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

/**
 * The faults that replace an API answer outright (checked before the request is handled).
 * Limitation: they hit the token and API endpoints only, never the authorize page, and the
 * 5xx fault is always a 502 (no 503/504 variants).
 */
function faultReply(faults: SandboxFaults, request: RequestInfo): Reply | null {
  if (faults.status5xxHtml) {
    return { status: 502, headers: { 'Content-Type': 'text/html' }, body: BAD_GATEWAY };
  }
  if (faults.rateLimit) {
    const description = 'You have hit the rate limit. Please wait 300 seconds before trying again';
    return podioError(420, 'rate_limit', description, request, {
      headers: { 'X-Rate-Limit-Limit': '250', 'X-Rate-Limit-Remaining': '0' },
    });
  }
  if (faults.emptyBody) return { status: 200, headers: {}, body: '' };
  return null;
}

/** malformedJson: a successful JSON answer cut in half, which no JSON parser accepts. */
function truncateJson(reply: Reply): Reply {
  if (reply.status !== 200 || !reply.headers['Content-Type']?.includes('json')) return reply;
  return { ...reply, body: reply.body.slice(0, Math.floor(reply.body.length / 2)) };
}
