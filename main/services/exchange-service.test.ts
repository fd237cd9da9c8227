import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileDraft } from '../../preload/contract';
import { log } from '../log';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { sandboxEnvironment } from '../store/environments';
import { HandlerError } from '../dispatch';
import { createExchangeService } from './exchange-service';

let sandbox: Sandbox;
const lines: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  log.transports.capture = Object.assign(
    (message: { data: unknown[] }) => {
      lines.push(JSON.stringify(message.data));
    },
    { level: 'debug' as const, transforms: [] },
  );
});

afterEach(() => {
  lines.length = 0;
});

afterAll(async () => {
  delete log.transports.capture;
  await sandbox.close();
});

function service() {
  return createExchangeService({
    fetch,
    environments: () => Promise.resolve([sandboxEnvironment(sandbox.url)]),
  });
}

function draft(overrides: Partial<ProfileDraft> = {}): ProfileDraft {
  return {
    environmentId: 'sandbox',
    clientId: sandbox.demo.clientId,
    clientSecret: sandbox.demo.clientSecret,
    username: sandbox.demo.username,
    password: sandbox.demo.password,
    appId: sandbox.demo.appId,
    appToken: sandbox.demo.appToken,
    code: '',
    redirectUri: '',
    ...overrides,
  };
}

describe('the exchange service', () => {
  it('keeps a token so Refresh runs without the renderer resending secrets', async () => {
    const exchange = service();
    const first = await exchange.run(draft(), 'password');
    if (first.status !== 'token') throw new Error(JSON.stringify(first));
    const refreshed = await exchange.refresh(first.tokenId);
    if (refreshed.status !== 'token') throw new Error(JSON.stringify(refreshed));
    expect(refreshed.grant).toBe('refresh_token');
    expect(refreshed.tokenId).not.toBe(first.tokenId);
    expect(refreshed.token.accessToken).not.toBe(first.token.accessToken);
    expect(refreshed.token.ref).toEqual(first.token.ref);
  });

  it('refuses a second refresh of a token whose refresh token was rotated away', async () => {
    const exchange = service();
    const first = await exchange.run(draft(), 'password');
    if (first.status !== 'token') throw new Error(JSON.stringify(first));
    await exchange.refresh(first.tokenId);
    await expect(exchange.refresh(first.tokenId)).rejects.toBeInstanceOf(HandlerError);
  });

  it('answers an unknown token id and an unknown environment as not found', async () => {
    const exchange = service();
    await expect(exchange.refresh('nope')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(exchange.run(draft({ environmentId: 'mars' }), 'password')).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('tells the user how refresh_token works instead of sending an empty one', async () => {
    const outcome = await service().run(draft(), 'refresh_token');
    expect(outcome.status).toBe('error');
    if (outcome.status === 'error') expect(outcome.error.kind).toBe('validation');
  });

  it('logs the exchange with its grant and status but no secret', async () => {
    const exchange = service();
    const outcome = await exchange.run(draft(), 'password');
    if (outcome.status !== 'token') throw new Error(JSON.stringify(outcome));
    const all = lines.join('\n');
    // The grant's name is not a secret even though the word "password" is a secret field name.
    expect(all).toContain('grant=password');
    expect(all).toContain('200');
    for (const secret of [
      sandbox.demo.clientSecret,
      sandbox.demo.password,
      outcome.token.accessToken,
      outcome.token.refreshToken ?? 'missing',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
