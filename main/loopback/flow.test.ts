import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeNet, canListenOn, connectError, occupy, portOf } from './test-support';
import { begin, endAllFlows, listenerPort, redirect, sentState } from './flow-driver';

const hasIpv6Loopback = await canListenOn('::1');

afterEach(endAllFlows);

describe('startFlow: the redirect and the exchange', () => {
  it('exchanges the code once with the redirect_uri it sent then closes the listener', async () => {
    const { handle, exchanges, phases, opened } = await begin();
    expect(opened).toEqual([handle.authorizeUrl]);
    const authorize = new URL(handle.authorizeUrl);
    expect(authorize.searchParams.get('redirect_uri')).toBe(handle.redirectUri);
    expect(authorize.searchParams.get('client_id')).toBe('acme-sync');
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(handle.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\/[A-Za-z0-9_-]{16}$/);

    const page = await redirect(handle, { code: 'the-code', state: sentState(handle) });
    const result = await handle.result;

    expect(result).toEqual({
      ok: true,
      value: { tokenId: 't1' },
      message: 'Token for user 42 kept.',
      stateMissing: false,
    });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ code: 'the-code', redirectUri: handle.redirectUri });
    expect(exchanges[0]!.codeVerifier).toBeUndefined();
    expect(page.status).toBe(200);
    expect(page.body).toContain('Token for user 42 kept.');
    expect(page.body).not.toContain('the-code');
    expect(phases).toEqual(['waiting_for_browser', 'code_received', 'exchanging', 'done']);
    expect(await connectError('127.0.0.1', listenerPort(handle))).toBe('ECONNREFUSED');
  });

  it('sends a PKCE challenge and hands the matching verifier to the exchange', async () => {
    const { handle, exchanges } = await begin({ usePkce: true });
    const authorize = new URL(handle.authorizeUrl).searchParams;
    expect(authorize.get('code_challenge_method')).toBe('S256');
    await redirect(handle, { code: 'c', state: sentState(handle) });
    await handle.result;
    const verifier = exchanges[0]!.codeVerifier ?? '';
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      authorize.get('code_challenge'),
    );
  });

  it('uses the registered path and fixed port as they are when exactPath is set', async () => {
    const probe = await occupy('127.0.0.1');
    const port = portOf(probe);
    await closeNet(probe);
    const { handle } = await begin({
      redirect: { host: '127.0.0.1', port, path: '/oauth/done', exactPath: true },
    });
    expect(handle.redirectUri).toBe(`http://127.0.0.1:${port}/oauth/done`);
  });

  it('uses the last code and state when the redirect repeats them', async () => {
    const { handle, exchanges } = await begin();
    await redirect(handle, `code=first&state=wrong&code=second&state=${sentState(handle)}`);
    expect(await handle.result).toMatchObject({ ok: true });
    expect(exchanges.map((e) => e.code)).toEqual(['second']);
  });

  it('fails with state_mismatch and exchanges nothing when the state differs', async () => {
    const { handle, exchanges } = await begin();
    const page = await redirect(handle, { code: 'c', state: 'forged' });
    expect(await handle.result).toMatchObject({ ok: false, reason: 'state_mismatch' });
    expect(exchanges).toHaveLength(0);
    expect(page.status).toBe(400);
  });

  it('fails with state_missing when no state returns and that is not accepted', async () => {
    const { handle, exchanges } = await begin();
    await redirect(handle, { code: 'c' });
    expect(await handle.result).toMatchObject({ ok: false, reason: 'state_missing' });
    expect(exchanges).toHaveLength(0);
  });

  it('succeeds with stateMissing when a missing state is accepted', async () => {
    const { handle, exchanges } = await begin({ acceptMissingState: true });
    await redirect(handle, { code: 'c' });
    expect(await handle.result).toMatchObject({ ok: true, stateMissing: true });
    expect(exchanges.map((e) => e.code)).toEqual(['c']);
  });

  it('fails with access_denied when the person denies access', async () => {
    const { handle, exchanges } = await begin();
    const page = await redirect(handle, {
      error: 'access_denied',
      error_reason: 'user_denied',
      error_description: 'The user denied your request.',
    });
    const result = await handle.result;
    expect(result).toMatchObject({ ok: false, reason: 'access_denied' });
    expect(result.message).toContain('access denied');
    expect(result.message).toContain('The user denied your request.');
    expect(page.body).toContain('access denied');
    expect(exchanges).toHaveLength(0);
  });

  it('fails with provider_error carrying error_description for another error', async () => {
    const { handle } = await begin();
    await redirect(handle, {
      error: 'invalid_scope',
      error_description: 'Scope foo is unknown',
      state: sentState(handle),
    });
    expect(await handle.result).toEqual({
      ok: false,
      reason: 'provider_error',
      message: 'The provider returned error "invalid_scope": Scope foo is unknown',
    });
  });

  it('escapes a script reflected through error_description on the page', async () => {
    const { handle } = await begin();
    const page = await redirect(handle, {
      error: 'server_error',
      error_description: '<script>alert(1)</script>',
      state: sentState(handle),
    });
    await handle.result;
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('ignores a favicon request and a wrong path (404), then takes the right one', async () => {
    const { handle, exchanges } = await begin();
    const origin = new URL(handle.redirectUri).origin;
    expect((await fetch(`${origin}/favicon.ico`)).status).toBe(404);
    expect((await fetch(`${origin}/callback?code=c&state=${sentState(handle)}`)).status).toBe(404);
    expect(exchanges).toHaveLength(0);
    await redirect(handle, { code: 'c', state: sentState(handle) });
    expect(await handle.result).toMatchObject({ ok: true });
  });

  it.skipIf(!hasIpv6Loopback)(
    'takes the redirect over ::1 when the host is localhost ' +
      '(needs IPv6 loopback; skipped without it)',
    async () => {
      const { handle } = await begin({
        redirect: { host: 'localhost', path: '/callback', exactPath: false },
      });
      const port = listenerPort(handle);
      expect(handle.redirectUri.startsWith(`http://localhost:${port}/callback/`)).toBe(true);
      expect(handle.listenAddresses).toEqual([`127.0.0.1:${port}`, `[::1]:${port}`]);
      const target = new URL(handle.redirectUri.replace('localhost', '[::1]'));
      target.search = new URLSearchParams({ code: 'c', state: sentState(handle) }).toString();
      expect((await fetch(target)).status).toBe(200);
      expect(await handle.result).toMatchObject({ ok: true });
    },
  );

  it('fails with exchange_failed and hands back the exchange’s value', async () => {
    const { handle } = await begin({
      exchangeCode: () =>
        Promise.resolve({
          ok: false,
          message: 'invalid_grant: code expired',
          value: { tokenId: '' },
        }),
    });
    const page = await redirect(handle, { code: 'c', state: sentState(handle) });
    expect(await handle.result).toEqual({
      ok: false,
      reason: 'exchange_failed',
      message: 'invalid_grant: code expired',
      value: { tokenId: '' },
    });
    expect(page.body).toContain('invalid_grant: code expired');
  });

  it('never shows the code on the page, even when the exchange message echoes it', async () => {
    const { handle } = await begin({
      exchangeCode: (input) =>
        Promise.resolve({ ok: false, message: `bad code ${input.code}`, value: { tokenId: '' } }),
    });
    const page = await redirect(handle, { code: 'c0de-value-1234', state: sentState(handle) });
    const result = await handle.result;
    expect(page.body).not.toContain('c0de-value-1234');
    expect(result.message).not.toContain('c0de-value-1234');
  });
});
