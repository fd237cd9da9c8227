import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scoped } from '../log';
import { sendPage } from './page';
import type { RedirectPage } from './page';

const log = scoped('loopback');

export type LoopbackHost = 'localhost' | '127.0.0.1';

export interface ListenerOptions {
  host: LoopbackHost;
  /** A fixed port (the one registered in the redirect URI); absent or 0 lets the OS pick. */
  port?: number;
  /** The exact path that carries the redirect; nothing else reaches onRedirect. */
  path: string;
  onRedirect: (query: URLSearchParams) => Promise<RedirectPage>;
}

/** Whether ::1 is bound too: only asked for with host 'localhost'. */
export type Ipv6Status = 'bound' | 'unavailable' | 'not_requested';

export interface Listener {
  port: number;
  /** host:port strings, e.g. ['127.0.0.1:53121', '[::1]:53121']. */
  addresses: string[];
  ipv6: Ipv6Status;
  /** server.address() of each bound server, so callers and tests can see what is exposed. */
  boundAddresses(): AddressInfo[];
  /** Stops listening; later requests on open connections get a "no longer waiting" page. */
  close(): Promise<void>;
}

export type LoopbackErrorKind = 'port_in_use' | 'bind_failed';

/** A failure to bind the listener, with a message a person can act on. */
export class LoopbackError extends Error {
  override readonly name = 'LoopbackError';
  constructor(
    readonly kind: LoopbackErrorKind,
    readonly port: number,
    message: string,
  ) {
    super(message);
  }
}

const IPV4 = '127.0.0.1';
const IPV6 = '::1';
const RANDOM_PORT_ATTEMPTS = 5;
// How long close() lets a request already being answered finish before cutting its socket.
const CLOSE_GRACE_MS = 2000;

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
  });
}

function portInUse(host: string, port: number): LoopbackError {
  const shown = host.includes(':') ? `[${host}]` : host;
  return new LoopbackError(
    'port_in_use',
    port,
    `Port ${port} is already in use on ${shown} — close the program using it or pick another ` +
      "port in the client's redirect URI",
  );
}

function bindFailed(host: string, port: number, err: unknown): LoopbackError {
  const code = errorCode(err) ?? 'unknown error';
  return new LoopbackError('bind_failed', port, `Could not listen on ${host}:${port} (${code})`);
}

interface Bound {
  servers: Server[];
  port: number;
  ipv6: Ipv6Status;
}

/** Binds 127.0.0.1 first (it picks the port), then ::1 on that same port when asked. */
async function bindOnce(
  makeServer: () => Server,
  host: LoopbackHost,
  port: number,
): Promise<Bound | 'ipv6_port_taken'> {
  const v4 = makeServer();
  let actual: number;
  try {
    actual = await listen(v4, IPV4, port);
  } catch (err) {
    if (errorCode(err) === 'EADDRINUSE') throw portInUse(IPV4, port);
    throw bindFailed(IPV4, port, err);
  }
  if (host !== 'localhost') return { servers: [v4], port: actual, ipv6: 'not_requested' };

  const v6 = makeServer();
  try {
    await listen(v6, IPV6, actual);
    return { servers: [v4, v6], port: actual, ipv6: 'bound' };
  } catch (err) {
    const code = errorCode(err);
    if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') {
      log.info(`::1 is not available here (${code}); listening on 127.0.0.1 only`);
      return { servers: [v4], port: actual, ipv6: 'unavailable' };
    }
    await closeServer(v4);
    if (code === 'EADDRINUSE') {
      if (port !== 0) throw portInUse(IPV6, port);
      return 'ipv6_port_taken';
    }
    throw bindFailed(IPV6, actual, err);
  }
}

async function bindAll(makeServer: () => Server, host: LoopbackHost, port: number): Promise<Bound> {
  for (let attempt = 1; attempt <= RANDOM_PORT_ATTEMPTS; attempt += 1) {
    const bound = await bindOnce(makeServer, host, port);
    if (bound !== 'ipv6_port_taken') return bound;
    log.info(`port taken on ::1 only; trying another (attempt ${attempt})`);
  }
  throw new LoopbackError(
    'port_in_use',
    0,
    'Could not find a port free on both 127.0.0.1 and ::1 — try again',
  );
}

function allowedHosts(port: number): Set<string> {
  return new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);
}

/**
 * Starts a one-shot redirect listener on loopback only. The first GET on the exact path goes
 * to onRedirect and its page is sent back; everything else gets a short page and no effect.
 * Rejects with LoopbackError when the port cannot be bound.
 */
export async function startListener(opts: ListenerOptions): Promise<Listener> {
  let state: 'waiting' | 'handled' | 'closed' = 'waiting';
  let hosts = new Set<string>();

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const target = req.url ?? '';
    const queryAt = target.indexOf('?');
    // The raw path is compared as sent: no decoding, so no second spelling of it matches.
    const path = queryAt === -1 ? target : target.slice(0, queryAt);

    // A page on another origin reaching us through DNS rebinding would carry its own Host.
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) {
      sendPage(res, 400, { ok: false, title: 'Bad request', detail: 'Unexpected Host header.' });
      return;
    }
    if (path !== opts.path) {
      sendPage(res, 404, { ok: false, title: 'Not found', detail: 'Nothing is served here.' });
      return;
    }
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendPage(res, 405, { ok: false, title: 'Method not allowed', detail: 'Only GET is used.' });
      return;
    }
    if (state !== 'waiting') {
      const detail =
        state === 'handled'
          ? 'This sign-in already finished. Start a new one from Token Workbench if needed.'
          : 'Token Workbench is no longer waiting for this sign-in (it timed out or was ' +
            'cancelled). Start a new one from the app.';
      sendPage(res, 410, { ok: false, title: 'Sign-in no longer waiting', detail });
      return;
    }

    state = 'handled';
    const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
    opts.onRedirect(query).then(
      (page) => sendPage(res, page.ok ? 200 : 400, page),
      (err: unknown) => {
        log.error('redirect handler failed', err);
        sendPage(res, 500, {
          ok: false,
          title: 'Something went wrong',
          detail: 'Token Workbench could not finish this sign-in. See the app for details.',
        });
      },
    );
  };

  const makeServer = (): Server => {
    const server = createServer(handle);
    // A socket error (a browser resetting the connection) must not crash the main process.
    server.on('clientError', (_err, socket) => socket.destroy());
    return server;
  };

  const bound = await bindAll(makeServer, opts.host, opts.port ?? 0);
  hosts = allowedHosts(bound.port);
  const addresses = bound.servers.map((server) => {
    const info = server.address() as AddressInfo;
    return info.family === 'IPv6'
      ? `[${info.address}]:${info.port}`
      : `${info.address}:${info.port}`;
  });
  log.info(`listening on ${addresses.join(', ')}`);

  let closing: Promise<void> | undefined;
  return {
    port: bound.port,
    addresses,
    ipv6: bound.ipv6,
    boundAddresses: () =>
      bound.servers.flatMap((server) => {
        const info = server.address();
        return info !== null && typeof info === 'object' ? [info] : [];
      }),
    close: () => {
      if (state === 'waiting') state = 'closed';
      closing ??= Promise.all(bound.servers.map(closeServer)).then(() => {
        log.info(`closed ${addresses.join(', ')}`);
      });
      return closing;
    },
  };
}
