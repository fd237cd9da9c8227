import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECOND_APP, SECOND_LOGIN, startSandbox, TWO_FACTOR_LOGIN } from './server';
import type { Sandbox } from './server';
import { authorizeCode, exchange, jsonOf, postForm, postJson, REDIRECT_URI } from './test-kit';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

const TOKEN = /^[0-9a-f]{128}$/;
const REFRESH = /^[0-9a-f]{32}$/;

/** The fields each grant needs with the demo's credentials. */
async function grantFields(grant: string): Promise<Record<string, string>> {
  const { demo } = sandbox;
  switch (grant) {
    case 'password':
      return { grant_type: 'password', username: demo.username, password: demo.password };
    case 'app':
      return { grant_type: 'app', app_id: demo.appId, app_token: demo.appToken };
    case 'authorization_code':
      return {
        grant_type: 'authorization_code',
        code: await authorizeCode(sandbox),
        redirect_uri: REDIRECT_URI,
      };
    case 'refresh_token': {
      const first = jsonOf(await exchange(sandbox, 'form', await grantFields('password')));
      return { grant_type: 'refresh_token', refresh_token: String(first.refresh_token) };
    }
    default:
      return { grant_type: grant };
  }
}

describe.each(['form', 'json'] as const)('token endpoint, %s style', (style) => {
  it.each(['password', 'authorization_code', 'refresh_token'])(
    '%s grant answers a user token in Podio shape',
    async (grant) => {
      const reply = await exchange(sandbox, style, await grantFields(grant));

      expect(reply.status).toBe(200);
      const body = jsonOf(reply);
      expect(Object.keys(body)).toEqual([
        'access_token',
        'token_type',
        'expires_in',
        'refresh_token',
        'scope',
        'ref',
      ]);
      expect(body.access_token).toMatch(TOKEN);
      expect(body.refresh_token).toMatch(REFRESH);
      expect(body).toMatchObject({
        token_type: 'bearer',
        expires_in: 28800,
        scope: 'global:all',
        ref: { type: 'user', id: 1234567 },
      });
    },
  );

  it('app grant answers an app token with the app id as ref', async () => {
    const reply = await exchange(sandbox, style, await grantFields('app'));

    expect(reply.status).toBe(200);
    const body = jsonOf(reply);
    expect(body.access_token).toMatch(TOKEN);
    expect(body.refresh_token).toMatch(REFRESH);
    expect(body).toMatchObject({ scope: 'app:4242:all', ref: { type: 'app', id: 4242 } });
  });

  it('client_credentials answers a client token without a refresh token', async () => {
    const reply = await exchange(sandbox, style, { grant_type: 'client_credentials' });

    expect(reply.status).toBe(200);
    const body = jsonOf(reply);
    expect(body.access_token).toMatch(TOKEN);
    expect(body).not.toHaveProperty('refresh_token');
    expect(body.ref).toEqual({ type: 'client', id: 'workbench-demo' });
  });

  it('wrong password is 400 invalid_grant in Podio error shape', async () => {
    const reply = await exchange(sandbox, style, {
      grant_type: 'password',
      username: sandbox.demo.username,
      password: 'not-it',
    });

    expect(reply.status).toBe(400);
    const suffix = style === 'form' ? '' : '/v2';
    expect(jsonOf(reply)).toEqual({
      error_parameters: {},
      error_detail: null,
      error_propagate: false,
      request: { url: `${sandbox.tokenUrl}${suffix}`, query_string: '', method: 'POST' },
      error_description: 'Invalid user credentials',
      error: 'invalid_grant',
    });
  });

  it('wrong app token is 400 invalid_grant', async () => {
    const reply = await exchange(sandbox, style, {
      grant_type: 'app',
      app_id: sandbox.demo.appId,
      app_token: SECOND_APP.appToken,
    });

    expect(reply.status).toBe(400);
    expect(jsonOf(reply).error).toBe('invalid_grant');
  });

  it('unknown code is 400 invalid_grant', async () => {
    const reply = await exchange(sandbox, style, {
      grant_type: 'authorization_code',
      code: 'ffffffffffffffffffffffffffffffff',
      redirect_uri: REDIRECT_URI,
    });

    expect(reply.status).toBe(400);
    expect(jsonOf(reply).error).toBe('invalid_grant');
  });

  it('unknown refresh token is 400 invalid_grant', async () => {
    const reply = await exchange(sandbox, style, {
      grant_type: 'refresh_token',
      refresh_token: '00000000000000000000000000000000',
    });

    expect(reply.status).toBe(400);
    expect(jsonOf(reply).error_description).toBe('Invalid refresh token');
  });

  it('wrong client secret is 400 invalid_client for every grant', async () => {
    const fields = { ...(await grantFields('password')), client_secret: 'wrong' };
    const reply = await exchange(sandbox, style, fields);

    expect(reply.status).toBe(400);
    expect(jsonOf(reply).error).toBe('invalid_client');
  });

  it('unknown grant type is 400 unsupported_grant_type', async () => {
    const reply = await exchange(sandbox, style, { grant_type: 'implicit' });

    expect(reply.status).toBe(400);
    expect(jsonOf(reply).error).toBe('unsupported_grant_type');
  });

  it('a missing field is 400 invalid_request naming the field', async () => {
    const reply = await exchange(sandbox, style, { grant_type: 'password', username: 'x' });

    expect(reply.status).toBe(400);
    expect(jsonOf(reply)).toMatchObject({
      error: 'invalid_request',
      error_parameters: { field: 'password' },
    });
  });
});

describe('token endpoint details', () => {
  it('the second login gets its own user id', async () => {
    const reply = await exchange(sandbox, 'form', {
      grant_type: 'password',
      username: SECOND_LOGIN.username,
      password: SECOND_LOGIN.password,
    });

    expect(jsonOf(reply).ref).toEqual({ type: 'user', id: SECOND_LOGIN.userId });
  });

  it('a two-factor login answers a server_nonce instead of a token', async () => {
    const reply = await exchange(sandbox, 'form', { grant_type: 'password', ...TWO_FACTOR_LOGIN });

    expect(reply.status).toBe(200);
    expect(Object.keys(jsonOf(reply))).toEqual(['server_nonce']);
  });

  it('a repeated form field takes its last value', async () => {
    const body =
      'grant_type=password&client_id=workbench-demo' +
      `&client_secret=${sandbox.demo.clientSecret}` +
      '&username=demo%40example.com&password=wrong&password=demo-password';
    const response = await fetch(sandbox.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    });

    expect(response.status).toBe(200);
  });

  it('JSON app_id as a number is accepted', async () => {
    const { demo } = sandbox;
    const reply = await postJson(`${sandbox.tokenUrl}/v2`, {
      grant_type: 'app',
      client_id: demo.clientId,
      client_secret: demo.clientSecret,
      app_id: 4242,
      app_token: demo.appToken,
    });

    expect(reply.status).toBe(200);
  });

  it('a JSON body on the form endpoint is 400 invalid_request', async () => {
    const reply = await postJson(sandbox.tokenUrl, { grant_type: 'password' });

    expect(reply.status).toBe(400);
    expect(jsonOf(reply).error).toBe('invalid_request');
  });

  it('a form body on the JSON endpoint is 400 invalid_request', async () => {
    const reply = await postForm(`${sandbox.tokenUrl}/v2`, { grant_type: 'password' });

    expect(reply.status).toBe(400);
    expect(jsonOf(reply).error).toBe('invalid_request');
  });

  it.each(['{"grant_type":', '["password"]', '{"grant_type":{"x":1}}'])(
    'an unusable JSON body %s is 400 invalid_request',
    async (text) => {
      const response = await fetch(`${sandbox.tokenUrl}/v2`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: text,
      });

      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
    },
  );

  it('a body over 64 KiB is 413', async () => {
    const reply = await postForm(sandbox.tokenUrl, { grant_type: 'x'.repeat(70 * 1024) });

    expect(reply.status).toBe(413);
  });

  it('X-Rate-Limit-Remaining counts down per client and a request id is sent', async () => {
    const fields = await grantFields('password');
    const first = await exchange(sandbox, 'form', fields);
    const second = await exchange(sandbox, 'json', fields);

    expect(first.headers.get('x-rate-limit-limit')).toBe('250');
    expect(first.headers.get('x-rate-limit-remaining')).toBe('249');
    expect(second.headers.get('x-rate-limit-remaining')).toBe('248');
    expect(first.headers.get('x-podio-request-id')).toMatch(/^[0-9a-f]{16}$/);
    expect(first.headers.get('cache-control')).toBe('no-store');
  });

  it('a custom access token lifetime shows in expires_in', async () => {
    const custom = await startSandbox({ accessTokenTtlSeconds: 120 });
    try {
      const reply = await exchange(custom, 'form', { grant_type: 'client_credentials' });
      expect(jsonOf(reply).expires_in).toBe(120);
    } finally {
      await custom.close();
    }
  });
});
