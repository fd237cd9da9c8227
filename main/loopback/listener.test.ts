import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:net';
import { LoopbackError, startListener } from './listener';
import type { Listener, ListenerOptions } from './listener';
import type { RedirectPage } from './page';
import { canListenOn, closeNet, connectError, occupy, portOf, splitRequest } from './test-support';

const hasIpv6Loopback = await canListenOn('::1');

const open: Listener[] = [];
const blockers: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
  await Promise.all(blockers.splice(0).map(closeNet));
});

const OK_PAGE: RedirectPage = { ok: true, title: 'Signed in', detail: 'All good.' };

async function listen(
  overrides: Partial<ListenerOptions> = {},
): Promise<{ listener: Listener; calls: URLSearchParams[] }> {
  const calls: URLSearchParams[] = [];
  const listener = await startListener({
    host: '127.0.0.1',
    path: '/callback',
    onRedirect: (query) => {
      calls.push(query);
      return Promise.resolve(OK_PAGE);
    },
    ...overrides,
  });
  open.push(listener);
  return { listener, calls };
}

describe('startListener', () => {
  it('binds 127.0.0.1 only for host 127.0.0.1, on an OS-picked port', async () => {
    const { listener } = await listen();
    expect(listener.port).toBeGreaterThan(0);
    expect(listener.addresses).toEqual([`127.0.0.1:${listener.port}`]);
    expect(listener.ipv6).toBe('not_requested');
    expect(listener.boundAddresses()).toEqual([
      { address: '127.0.0.1', family: 'IPv4', port: listener.port },
    ]);
  });

  it.skipIf(!hasIpv6Loopback)(
    'binds 127.0.0.1 and ::1 on the same port for localhost ' +
      '(needs IPv6 loopback; skipped without it)',
    async () => {
      const { listener, calls } = await listen({ host: 'localhost' });
      expect(listener.ipv6).toBe('bound');
      expect(listener.addresses).toEqual([`127.0.0.1:${listener.port}`, `[::1]:${listener.port}`]);
      const addresses = listener.boundAddresses().map((info) => info.address);
      expect(addresses).toEqual(['127.0.0.1', '::1']);

      const v6 = await fetch(`http://[::1]:${listener.port}/favicon.ico`);
      expect(v6.status).toBe(404);
      const v4 = await fetch(`http://127.0.0.1:${listener.port}/callback?code=x`);
      expect(v4.status).toBe(200);
      expect(calls.map((q) => q.get('code'))).toEqual(['x']);
    },
  );

  it('never binds a wildcard address', async () => {
    const { listener } = await listen({ host: 'localhost' });
    expect(listener.boundAddresses().length).toBeGreaterThan(0);
    for (const info of listener.boundAddresses()) {
      expect(['127.0.0.1', '::1']).toContain(info.address);
    }
  });

  it('hands the query of a GET on the exact path to onRedirect and sends its page', async () => {
    const { listener, calls } = await listen();
    const res = await fetch(`http://127.0.0.1:${listener.port}/callback?code=abc&state=s`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('All good.');
    expect(calls.map((q) => q.toString())).toEqual(['code=abc&state=s']);
  });

  it('sends the page with a strict CSP, no-store and no referrer', async () => {
    const { listener } = await listen();
    const res = await fetch(`http://127.0.0.1:${listener.port}/callback?code=abc`);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers other paths with 404 and keeps waiting for the redirect', async () => {
    const { listener, calls } = await listen();
    const base = `http://127.0.0.1:${listener.port}`;
    expect((await fetch(`${base}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${base}/callback/extra?code=x`)).status).toBe(404);
    expect((await fetch(`${base}/Callback?code=x`)).status).toBe(404);
    expect((await fetch(`${base}/%63allback?code=x`)).status).toBe(404);
    expect(calls).toHaveLength(0);
    expect((await fetch(`${base}/callback?code=x`)).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it('answers HEAD and POST on the path with 405 and keeps waiting', async () => {
    const { listener, calls } = await listen();
    const url = `http://127.0.0.1:${listener.port}/callback?code=x`;
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('GET');
    expect((await fetch(url, { method: 'POST', body: 'code=y' })).status).toBe(405);
    expect(calls).toHaveLength(0);
    expect((await fetch(url)).status).toBe(200);
  });

  it('handles only the first redirect; a second one gets 410 "already finished"', async () => {
    const { listener, calls } = await listen();
    const url = `http://127.0.0.1:${listener.port}/callback?code=x`;
    expect((await fetch(url)).status).toBe(200);
    const second = await fetch(url);
    expect(second.status).toBe(410);
    expect(await second.text()).toContain('already finished');
    expect(calls).toHaveLength(1);
  });

  it('refuses a request whose Host is not loopback (DNS rebinding) with 400', async () => {
    const { listener, calls } = await listen();
    const pending = await splitRequest(
      '127.0.0.1',
      listener.port,
      'GET /callback?code=x HTTP/1.1\r\n',
    );
    const response = await pending.finish('Host: evil.example:80\r\nConnection: close\r\n\r\n');
    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(calls).toHaveLength(0);
  });

  it('answers 500 with a generic page when onRedirect rejects', async () => {
    const { listener } = await listen({
      onRedirect: () => Promise.reject(new Error('boom with code=secretcode')),
    });
    const res = await fetch(`http://127.0.0.1:${listener.port}/callback?code=x`);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toContain('Something went wrong');
    expect(body).not.toContain('secretcode');
  });

  it('rejects with a port_in_use error naming a fixed port that is taken', async () => {
    const blocker = await occupy('127.0.0.1');
    blockers.push(blocker);
    const port = portOf(blocker);
    const error = await startListener({
      host: '127.0.0.1',
      port,
      path: '/callback',
      onRedirect: () => Promise.resolve(OK_PAGE),
    }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(LoopbackError);
    expect(error).toMatchObject({ kind: 'port_in_use', port });
    expect((error as LoopbackError).message).toContain(
      `Port ${port} is already in use on 127.0.0.1`,
    );
  });

  it.skipIf(!hasIpv6Loopback)(
    'rejects with port_in_use naming [::1] when only ::1 has the fixed port taken ' +
      '(needs IPv6 loopback; skipped without it)',
    async () => {
      const blocker = await occupy('::1');
      blockers.push(blocker);
      const port = portOf(blocker);
      const error = await startListener({
        host: 'localhost',
        port,
        path: '/callback',
        onRedirect: () => Promise.resolve(OK_PAGE),
      }).catch((err: unknown) => err);
      expect(error).toMatchObject({ kind: 'port_in_use', port });
      expect((error as Error).message).toContain('on [::1]');
      // The IPv4 half it had bound was released again.
      expect(await connectError('127.0.0.1', port)).toBe('ECONNREFUSED');
    },
  );

  it('stops listening on close', async () => {
    const { listener } = await listen();
    await listener.close();
    expect(await connectError('127.0.0.1', listener.port)).toBe('ECONNREFUSED');
  });

  it('tells a request still open at close that the sign-in is no longer waiting', async () => {
    const { listener, calls } = await listen();
    const pending = await splitRequest(
      '127.0.0.1',
      listener.port,
      'GET /callback?code=x HTTP/1.1\r\n',
    );
    const closed = listener.close();
    const response = await pending.finish(
      `Host: 127.0.0.1:${listener.port}\r\nConnection: close\r\n\r\n`,
    );
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 410 /);
    expect(response).toContain('no longer waiting');
    expect(calls).toHaveLength(0);
  });
});
