import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeRequest, GrantInput, WireStyle } from '../../preload/contract';
import { runExchange } from '../../main/oauth/exchange';
import { startSandbox, type Sandbox } from '../../main/sandbox/server';
import { authorizeCode, REDIRECT_URI } from '../../main/sandbox/test-kit';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox.close();
});

function request(style: WireStyle, grant: GrantInput): ExchangeRequest {
  return {
    environment: { tokenUrl: sandbox.tokenUrl, wireStyle: style },
    client: { clientId: sandbox.demo.clientId, clientSecret: sandbox.demo.clientSecret },
    grant,
  };
}

async function tokenFor(style: WireStyle, grant: GrantInput) {
  const result = await runExchange(request(style, grant), { fetch });
  if (result.status !== 'token') throw new Error(`expected a token, got ${JSON.stringify(result)}`);
  return result;
}

describe.each<WireStyle>(['form', 'json'])('runExchange against the sandbox, %s style', (style) => {
  it('gets a user token with the password grant', async () => {
    const { token, meta } = await tokenFor(style, {
      type: 'password',
      username: sandbox.demo.username,
      password: sandbox.demo.password,
    });
    expect(token.accessToken).toMatch(/^[0-9a-f]{128}$/);
    expect(token.tokenType).toBe('bearer');
    expect(token.expiresIn).toBe(28800);
    expect(token.expiresAt).toBe(meta.receivedAt + 28_800_000);
    expect(token.ref).toEqual({ type: 'user', id: 1234567 });
    expect(meta.status).toBe(200);
    expect(meta.headers['x-rate-limit-limit']).toBe('250');
  });

  it('gets an app token with the app grant', async () => {
    const { token } = await tokenFor(style, {
      type: 'app',
      appId: sandbox.demo.appId,
      appToken: sandbox.demo.appToken,
    });
    expect(token.ref).toEqual({ type: 'app', id: Number(sandbox.demo.appId) });
    expect(token.scope).toBe(`app:${sandbox.demo.appId}:all`);
  });

  it('gets a token with the authorization_code grant, once per code', async () => {
    const code = await authorizeCode(sandbox);
    const grant: GrantInput = { type: 'authorization_code', code, redirectUri: REDIRECT_URI };
    const { token } = await tokenFor(style, grant);
    expect(token.ref?.type).toBe('user');
    const replay = await runExchange(request(style, grant), { fetch });
    expect(replay.status).toBe('error');
    if (replay.status === 'error') expect(replay.error.kind).toBe('oauth');
  });

  it('rotates the refresh token with the refresh_token grant', async () => {
    const first = await tokenFor(style, {
      type: 'password',
      username: sandbox.demo.username,
      password: sandbox.demo.password,
    });
    const refreshToken = first.token.refreshToken ?? '';
    const second = await tokenFor(style, { type: 'refresh_token', refreshToken });
    expect(second.token.accessToken).not.toBe(first.token.accessToken);
    expect(second.token.refreshToken).not.toBe(refreshToken);
    const reused = await runExchange(request(style, { type: 'refresh_token', refreshToken }), {
      fetch,
    });
    expect(reused.status === 'error' && reused.error.kind).toBe('oauth');
  });

  it("answers a wrong password with Podio's invalid_grant description", async () => {
    const result = await runExchange(
      request(style, { type: 'password', username: sandbox.demo.username, password: 'nope' }),
      { fetch },
    );
    expect(result.status).toBe('error');
    if (result.status !== 'error' || result.error.kind !== 'oauth') throw new Error('not oauth');
    expect(result.error.error).toBe('invalid_grant');
    expect(result.error.errorDescription).toBe('Invalid user credentials');
    expect(result.error.meta.status).toBe(400);
  });
});
