import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:net';
import { startFlow } from './flow';
import { closeNet, connectError, occupy, portOf, splitRequest } from './test-support';
import { begin, endAllFlows, listenerPort, redirect, sentState } from './flow-driver';

const blockers: Server[] = [];
afterEach(async () => {
  await endAllFlows();
  await Promise.all(blockers.splice(0).map(closeNet));
});

describe('startFlow: timeouts, cancel and failures before the redirect', () => {
  it('fails with port_in_use naming a fixed port that is taken, opening no browser', async () => {
    const blocker = await occupy('127.0.0.1');
    blockers.push(blocker);
    const port = portOf(blocker);
    const { handle, opened } = await begin({
      redirect: { host: '127.0.0.1', port, path: '/callback', exactPath: true },
    });
    const result = await handle.result;
    expect(result).toMatchObject({ ok: false, reason: 'port_in_use' });
    expect(result.message).toContain(`Port ${port} is already in use`);
    expect(opened).toEqual([]);
  });

  it('fails with timeout after timeoutMs and closes the listener', async () => {
    const { handle, phases } = await begin({ timeoutMs: 150 });
    const result = await handle.result;
    expect(result).toEqual({
      ok: false,
      reason: 'timeout',
      message: 'No redirect arrived within 0.15 seconds; the sign-in was stopped.',
    });
    expect(phases.at(-1)).toBe('failed');
    expect(await connectError('127.0.0.1', listenerPort(handle))).toBe('ECONNREFUSED');
  });

  it('tells a browser arriving after timeout that the sign-in is no longer waiting', async () => {
    let timedOut: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (timedOut = resolve));
    const { handle, exchanges } = await begin({
      timeoutMs: 150,
      onPhase: (phase) => phase === 'failed' && timedOut(),
    });
    const port = listenerPort(handle);
    const path = new URL(handle.redirectUri).pathname;
    const late = await splitRequest(
      '127.0.0.1',
      port,
      `GET ${path}?code=c&state=${sentState(handle)} HTTP/1.1\r\n`,
    );
    await ended;
    const response = await late.finish(`Host: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(response).toMatch(/^HTTP\/1\.1 410 /);
    expect(response).toContain('no longer waiting');
    expect(await handle.result).toMatchObject({ reason: 'timeout' });
    expect(exchanges).toHaveLength(0);
  });

  it('ends as cancelled on cancel() and closes the listener', async () => {
    const { handle, phases } = await begin();
    handle.cancel();
    expect(await handle.result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(phases).toEqual(['waiting_for_browser', 'cancelled']);
    expect(await connectError('127.0.0.1', listenerPort(handle))).toBe('ECONNREFUSED');
  });

  it('cancel aborts a running exchange and tells the browser its result is discarded', async () => {
    let started: () => void = () => undefined;
    const exchanging = new Promise<void>((resolve) => (started = resolve));
    let signal: AbortSignal | undefined;
    const { handle } = await begin({
      exchangeCode: (input) => {
        signal = input.signal;
        started();
        return new Promise((resolve) =>
          input.signal.addEventListener('abort', () =>
            resolve({ ok: false, message: 'aborted', value: { tokenId: '' } }),
          ),
        );
      },
    });
    const page = redirect(handle, { code: 'c', state: sentState(handle) });
    await exchanging;
    handle.cancel();
    expect(await handle.result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(signal?.aborted).toBe(true);
    expect((await page).body).toContain('its result was discarded');
  });

  it('fails with exchange_failed when the exchange throws', async () => {
    const { handle } = await begin({
      exchangeCode: () => Promise.reject(new Error('socket hang up')),
    });
    await redirect(handle, { code: 'c', state: sentState(handle) });
    expect(await handle.result).toMatchObject({ ok: false, reason: 'exchange_failed' });
  });

  it('fails with browser_failed and closes the listener when the browser cannot open', async () => {
    const { handle } = await begin({
      openExternal: () => Promise.reject(new Error('no handler for https')),
    });
    expect(await handle.result).toEqual({
      ok: false,
      reason: 'browser_failed',
      message: 'Could not open the system browser: no handler for https',
    });
    expect(await connectError('127.0.0.1', listenerPort(handle))).toBe('ECONNREFUSED');
  });

  it('refuses a non-http authorize URL before listening or opening anything', async () => {
    const { handle, opened } = await begin({ authorizeUrl: 'file:///etc/passwd' });
    expect(await handle.result).toMatchObject({ ok: false, reason: 'browser_failed' });
    expect(opened).toEqual([]);
    expect(handle.listenAddresses).toEqual([]);
    expect(handle.authorizeUrl).toBe('');
  });

  it.each(['callback', '/call back', '/cb?x=1', '/caf\u00e9', '/%63b'])(
    'rejects the redirect path %j, which a browser would not send back as written',
    async (path) => {
      await expect(
        startFlow({
          authorizeUrl: 'https://podio.com/oauth/authorize',
          clientId: 'x',
          redirect: { host: '127.0.0.1', path, exactPath: true },
          usePkce: false,
          acceptMissingState: false,
          openExternal: () => Promise.resolve(),
          exchangeCode: () => Promise.resolve({ ok: true, message: '', value: null }),
        }),
      ).rejects.toThrow(TypeError);
    },
  );
});
