import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from './server';
import type { Sandbox } from './server';
import { authorizeCode, exchange, getWithToken, jsonOf, REDIRECT_URI } from './test-kit';

let sandbox: Sandbox | null = null;
let clock = Date.parse('2026-01-01T00:00:00Z');

async function start(): Promise<Sandbox> {
  clock = Date.parse('2026-01-01T00:00:00Z');
  sandbox = await startSandbox({ now: () => clock, codeTtlSeconds: 60 });
  return sandbox;
}

afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

const codeFields = (code: string, redirectUri = REDIRECT_URI) => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: redirectUri,
});

describe('authorization codes', () => {
  it('a code works once; its reuse is invalid_grant', async () => {
    const sb = await start();
    const code = await authorizeCode(sb);

    const first = await exchange(sb, 'form', codeFields(code));
    const second = await exchange(sb, 'form', codeFields(code));

    expect(first.status).toBe(200);
    expect(second.status).toBe(400);
    expect(jsonOf(second)).toMatchObject({
      error: 'invalid_grant',
      error_description: 'The authorization code has already been used',
    });
  });

  it('reusing a code leaves the token it gave alive', async () => {
    const sb = await start();
    const code = await authorizeCode(sb);
    const token = String(jsonOf(await exchange(sb, 'form', codeFields(code))).access_token);

    await exchange(sb, 'form', codeFields(code));
    const status = await getWithToken(`${sb.url}/user/status`, token);

    expect(status.status).toBe(200);
  });

  it('a code older than its lifetime is invalid_grant', async () => {
    const sb = await start();
    const code = await authorizeCode(sb);

    clock += 61_000;
    const reply = await exchange(sb, 'form', codeFields(code));

    expect(reply.status).toBe(400);
    expect(jsonOf(reply).error_description).toBe('The authorization code has expired');
  });

  it('a code just inside its lifetime still works', async () => {
    const sb = await start();
    const code = await authorizeCode(sb);

    clock += 59_000;
    const reply = await exchange(sb, 'form', codeFields(code));

    expect(reply.status).toBe(200);
  });

  it('a redirect_uri other than the authorize one is rejected', async () => {
    const sb = await start();
    const code = await authorizeCode(sb);

    const reply = await exchange(sb, 'form', codeFields(code, 'http://localhost:8765/other'));

    expect(reply.status).toBe(400);
    expect(jsonOf(reply)).toMatchObject({
      error: 'invalid_grant',
      error_description: 'redirect_uri does not match the one used to authorize',
    });
  });

  it('the redirect_uri must match exactly, not just after normalising', async () => {
    const sb = await start();
    const code = await authorizeCode(sb);

    const reply = await exchange(sb, 'form', codeFields(code, 'HTTP://localhost:8765/callback'));

    expect(reply.status).toBe(400);
  });

  it('a PKCE S256 code needs the matching code_verifier', async () => {
    const sb = await start();
    const verifier = 'v'.repeat(20) + 'erifier-with-enough-length-0123456789';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const params = { code_challenge: challenge, code_challenge_method: 'S256' };

    const wrong = await exchange(sb, 'form', {
      ...codeFields(await authorizeCode(sb, params)),
      code_verifier: `${verifier}x`,
    });
    const right = await exchange(sb, 'form', {
      ...codeFields(await authorizeCode(sb, params)),
      code_verifier: verifier,
    });

    expect(jsonOf(wrong).error_description).toBe('Invalid code_verifier');
    expect(right.status).toBe(200);
  });
});

describe('refresh tokens', () => {
  it('a refresh answers a new pair and the old refresh token dies', async () => {
    const sb = await start();
    const { demo } = sb;
    const first = jsonOf(
      await exchange(sb, 'form', {
        grant_type: 'password',
        username: demo.username,
        password: demo.password,
      }),
    );

    const refreshed = jsonOf(
      await exchange(sb, 'form', {
        grant_type: 'refresh_token',
        refresh_token: String(first.refresh_token),
      }),
    );
    const again = await exchange(sb, 'json', {
      grant_type: 'refresh_token',
      refresh_token: String(first.refresh_token),
    });

    expect(refreshed.access_token).not.toBe(first.access_token);
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.ref).toEqual(first.ref);
    expect(again.status).toBe(400);
    expect(jsonOf(again).error).toBe('invalid_grant');
  });

  it('the new refresh token works in turn', async () => {
    const sb = await start();
    const { demo } = sb;
    const first = jsonOf(
      await exchange(sb, 'form', {
        grant_type: 'app',
        app_id: demo.appId,
        app_token: demo.appToken,
      }),
    );
    const second = jsonOf(
      await exchange(sb, 'form', {
        grant_type: 'refresh_token',
        refresh_token: String(first.refresh_token),
      }),
    );

    const third = await exchange(sb, 'form', {
      grant_type: 'refresh_token',
      refresh_token: String(second.refresh_token),
    });

    expect(third.status).toBe(200);
    expect(jsonOf(third)).toMatchObject({ scope: 'app:4242:all', ref: { type: 'app', id: 4242 } });
  });
});
