import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExchangeError, ExchangeRequest } from '../../preload/contract';
import { runExchange } from './exchange';
import type { ParsedResult } from './parse';
import { closeServers } from '../../test/support/servers';

const servers: Server[] = [];

/** A server on 127.0.0.1 that counts requests and reports when each socket closes. */
async function serve(respond: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer((req, res) => {
    requests += 1;
    respond(req, res);
  });
  let requests = 0;
  const closed: Promise<void>[] = [];
  server.on('connection', (socket: Socket) => {
    closed.push(new Promise((resolve) => socket.on('close', () => resolve())));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}/oauth/token`,
    requests: () => requests,
    allSocketsClosed: () => Promise.all(closed),
  };
}

afterEach(async () => {
  await closeServers(servers);
});

function exchange(tokenUrl: string): ExchangeRequest {
  return {
    environment: { tokenUrl, wireStyle: 'form' },
    client: { clientId: 'acme-sync', clientSecret: 'client-secret-0451' },
    grant: { type: 'refresh_token', refreshToken: 'r-1' },
  };
}

function errorOf<K extends ExchangeError['kind']>(result: ParsedResult, kind: K) {
  if (result.status !== 'error' || result.error.kind !== kind)
    throw new Error(`expected a ${kind} error, got ${JSON.stringify(result)}`);
  return result.error as Extract<ExchangeError, { kind: K }>;
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error('too slow')), ms)),
  ]);

describe('runExchange on a slow or broken wire', () => {
  it('times out on a server that never answers and closes the socket', async () => {
    const server = await serve(() => undefined);
    const started = Date.now();
    const result = await runExchange(exchange(server.url), { fetch, timeoutMs: 300 });

    const error = errorOf(result, 'timeout');
    expect(error).toEqual({
      kind: 'timeout',
      timeoutMs: 300,
      message: `No answer from 127.0.0.1:${server.port} within 0.3 s.`,
    });
    expect(Date.now() - started).toBeLessThan(2000);
    await within(server.allSocketsClosed(), 2000);
  });

  it('times out when the headers arrive but the body never ends', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"access_token":');
    });
    const result = await runExchange(exchange(server.url), { fetch, timeoutMs: 300 });
    errorOf(result, 'timeout');
    await within(server.allSocketsClosed(), 2000);
  });

  it('says the connection was refused when nothing listens on the port', async () => {
    const server = await serve(() => undefined);
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()));

    const error = errorOf(await runExchange(exchange(server.url), { fetch }), 'network');
    expect(error).toEqual({
      kind: 'network',
      code: 'ECONNREFUSED',
      message: `Connection refused by 127.0.0.1:${server.port} — is the server running?`,
    });
  });

  it('says the connection was reset when the server resets it', async () => {
    const server = await serve((req) => req.socket.resetAndDestroy());
    const error = errorOf(await runExchange(exchange(server.url), { fetch }), 'network');
    expect(error.code).toBe('ECONNRESET');
    expect(error.message).toBe(
      `The connection to 127.0.0.1:${server.port} was reset before an answer arrived.`,
    );
  });

  it('names a TLS failure when https meets a plain http server', async () => {
    const server = await serve((_req, res) => res.end());
    const tlsUrl = server.url.replace('http:', 'https:');
    const error = errorOf(await runExchange(exchange(tlsUrl), { fetch }), 'network');
    expect(error.message).toMatch(/^The secure connection to 127\.0\.0\.1:\d+ failed \(\w+\)/);
  });

  it('stops reading a body over 1 MiB and calls it too large', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(`{"access_token":"${'a'.repeat(2 * 1024 * 1024)}"}`);
    });
    const error = errorOf(await runExchange(exchange(server.url), { fetch }), 'malformed');
    expect(error.message).toMatch(/too large \(over 1 MiB\)/);
    expect(error.meta.rawBody.length).toBe(64 * 1024);
  });

  it('does not follow a redirect, so the credentials stay where the user sent them', async () => {
    const elsewhere = await serve((_req, res) => res.end('{}'));
    const server = await serve((_req, res) => {
      res.writeHead(307, { Location: elsewhere.url });
      res.end();
    });
    const error = errorOf(await runExchange(exchange(server.url), { fetch }), 'http');
    expect(error.message).toContain(`HTTP 307 Temporary Redirect from 127.0.0.1:${server.port}`);
    expect(error.message).toContain(`redirecting to ${elsewhere.url}`);
    expect(elsewhere.requests()).toBe(0);
  });

  it('turns a fetch that throws synchronously into a network error', async () => {
    const throwing = (() => {
      throw new TypeError('bad');
    }) as unknown as typeof fetch;
    const result = await runExchange(exchange('http://127.0.0.1:9/oauth/token'), {
      fetch: throwing,
    });
    expect(errorOf(result, 'network').message).toBe('Could not reach 127.0.0.1:9.');
  });
});
