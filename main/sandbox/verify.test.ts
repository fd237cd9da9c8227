import { afterEach, describe, expect, it } from 'vitest';
import { SECOND_APP, startSandbox } from './server';
import type { Sandbox } from './server';
import { exchange, getWithToken, jsonOf } from './test-kit';

let sandbox: Sandbox | null = null;
let clock = 0;

async function start(): Promise<Sandbox> {
  clock = Date.parse('2026-01-01T00:00:00Z');
  sandbox = await startSandbox({ now: () => clock });
  return sandbox;
}

afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

async function userToken(sb: Sandbox): Promise<string> {
  const { demo } = sb;
  const body = jsonOf(
    await exchange(sb, 'form', {
      grant_type: 'password',
      username: demo.username,
      password: demo.password,
    }),
  );
  return String(body.access_token);
}

async function appToken(sb: Sandbox): Promise<string> {
  const { demo } = sb;
  const fields = { grant_type: 'app', app_id: demo.appId, app_token: demo.appToken };
  return String(jsonOf(await exchange(sb, 'form', fields)).access_token);
}

describe('using a token', () => {
  it.each(['OAuth2', 'Bearer'])('/user/status accepts "%s <token>"', async (scheme) => {
    const sb = await start();

    const reply = await getWithToken(`${sb.url}/user/status`, await userToken(sb), scheme);

    expect(reply.status).toBe(200);
    expect(jsonOf(reply)).toMatchObject({
      user: { user_id: 1234567, mail: 'demo@example.com' },
      ref: { type: 'user', id: 1234567 },
    });
  });

  it('an expired token is 401 expired_token with the Bearer challenge', async () => {
    const sb = await start();
    const token = await userToken(sb);

    clock += 28_800 * 1000;
    const reply = await getWithToken(`${sb.url}/user/status`, token);

    expect(reply.status).toBe(401);
    expect(reply.headers.get('www-authenticate')).toBe(
      'Bearer realm="podio", error="expired_token"',
    );
    expect(jsonOf(reply)).toEqual({
      error_parameters: {},
      error_detail: null,
      error_propagate: false,
      request: { url: `${sb.url}/user/status`, query_string: '', method: 'GET' },
      error_description: 'expired_token',
      error: 'unauthorized',
    });
  });

  it('an unknown token is 401 invalid_token', async () => {
    const sb = await start();

    const reply = await getWithToken(`${sb.url}/oauth/scope`, 'f'.repeat(128));

    expect(reply.status).toBe(401);
    expect(jsonOf(reply).error_description).toBe('invalid_token');
    expect(reply.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('no Authorization header is 401', async () => {
    const sb = await start();

    const response = await fetch(`${sb.url}/user/status`);

    expect(response.status).toBe(401);
  });

  it('/oauth/scope lists a user token as global:all', async () => {
    const sb = await start();

    const reply = await getWithToken(`${sb.url}/oauth/scope`, await userToken(sb));

    expect(jsonOf(reply)).toEqual([
      { ref_type: 'global', ref_id: null, permissions: ['all'], ref_data: null },
    ]);
  });

  it('/oauth/scope lists an app token as its app', async () => {
    const sb = await start();

    const reply = await getWithToken(`${sb.url}/oauth/scope`, await appToken(sb));

    expect(jsonOf(reply)).toEqual([
      { ref_type: 'app', ref_id: 4242, permissions: ['all'], ref_data: null },
    ]);
  });

  it('an app token reaches its own app', async () => {
    const sb = await start();

    const reply = await getWithToken(`${sb.url}/app/4242`, await appToken(sb));

    expect(reply.status).toBe(200);
    expect(jsonOf(reply)).toMatchObject({ app_id: 4242, config: { name: 'Demo App' } });
  });

  it('an app token does not reach another app', async () => {
    const sb = await start();

    const reply = await getWithToken(`${sb.url}/app/${SECOND_APP.appId}`, await appToken(sb));

    expect(reply.status).toBe(403);
    expect(jsonOf(reply).error).toBe('forbidden');
  });

  it('an app token has no user status', async () => {
    const sb = await start();

    const reply = await getWithToken(`${sb.url}/user/status`, await appToken(sb));

    expect(reply.status).toBe(403);
  });

  it('an unknown app is 404', async () => {
    const sb = await start();

    const reply = await getWithToken(`${sb.url}/app/999`, await userToken(sb));

    expect(reply.status).toBe(404);
    expect(jsonOf(reply).error).toBe('not_found');
  });

  it('shortLivedSeconds tokens expire after that many seconds', async () => {
    const sb = await start();
    sb.setFaults({ shortLivedSeconds: 5 });
    const token = await userToken(sb);

    clock += 4_000;
    const before = await getWithToken(`${sb.url}/user/status`, token);
    clock += 1_000;
    const after = await getWithToken(`${sb.url}/user/status`, token);

    expect(before.status).toBe(200);
    expect(after.status).toBe(401);
  });
});
