import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeServices } from './compose';
import { createAesBox } from '../store/aes-box';
import type { SecretBox } from '../store/secret-box';
import { actAsBrowser } from '../sandbox/test-kit';

let dir: string;
let services: ReturnType<typeof composeServices>;

let opened: string[] = [];

const ENVIRONMENT_MOVED =
  /came from 127\.0\.0\.1:\d+ for client workbench-demo; the profile now uses 127\.0\.0\.1:\d+/;

function compose(secretBox: SecretBox = createAesBox()) {
  return composeServices({
    fetch,
    storeDir: dir,
    secretBox,
    appInfo: () => ({ name: 't', version: '0', platform: 'linux', plainTextSecrets: false }),
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    emitProgress: () => undefined,
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'workbench-store-service-'));
  services = compose();
});

afterEach(async () => {
  await services.close();
  await rm(dir, { recursive: true, force: true });
});

/** A client with two apps and a profile per app, on the sandbox, as a person would set it up. */
async function twoAppProfiles() {
  const { demo } = await services.sandboxInfo();
  const { store } = services;
  const client = await store.save({
    kind: 'client',
    id: null,
    input: { name: 'Demo client', clientId: demo.clientId, clientSecret: demo.clientSecret },
  });
  const appA = await store.save({
    kind: 'app',
    id: null,
    input: { name: 'App A', appId: demo.appId, appToken: demo.appToken, clientRef: client.id },
  });
  const profile = await store.save({
    kind: 'profile',
    id: null,
    input: { name: 'A', environmentRef: 'sandbox', clientRef: client.id, appRef: appA.id },
  });
  return { demo, clientId: client.id, profileId: profile.id };
}

describe('saved profiles', () => {
  it('gets a token for a saved profile and keeps it in its history, sealed on disk', async () => {
    const { demo, profileId } = await twoAppProfiles();
    const outcome = await services.store.exchange(profileId, 'app');
    if (outcome.status !== 'token') throw new Error(JSON.stringify(outcome));
    const history = services.store.listTokens(profileId);
    expect(history.map((token) => token.id)).toEqual([outcome.tokenId]);
    expect(history[0]?.expiresAt).toBe(outcome.token.expiresAt);
    expect(history[0]).not.toHaveProperty('accessToken');

    const file = await readFile(join(dir, 'profiles.json'), 'utf8');
    for (const secret of [demo.clientSecret, demo.appToken, outcome.token.accessToken]) {
      expect(file).not.toContain(secret);
    }
    expect(
      services.store.reveal({ entity: 'token', id: outcome.tokenId, field: 'accessToken' }),
    ).toEqual({ value: outcome.token.accessToken, warning: null });
  });

  it('refreshes a saved token from the store and keeps the new one', async () => {
    const { profileId } = await twoAppProfiles();
    const first = await services.store.exchange(profileId, 'app');
    if (first.status !== 'token') throw new Error(JSON.stringify(first));
    const second = await services.exchange.refresh(first.tokenId);
    if (second.status !== 'token') throw new Error(JSON.stringify(second));
    expect(services.store.listTokens(profileId).map((token) => token.id)).toEqual([
      second.tokenId,
      first.tokenId,
    ]);
    await expect(services.exchange.refresh(first.tokenId)).rejects.toThrow('no usable refresh');
  });

  it('marks a refreshed token as spent in the history', async () => {
    const { profileId } = await twoAppProfiles();
    const first = await services.store.exchange(profileId, 'app');
    if (first.status !== 'token') throw new Error(JSON.stringify(first));
    await services.exchange.refresh(first.tokenId);
    const old = services.store.listTokens(profileId).find((token) => token.id === first.tokenId);
    expect(old).toMatchObject({ refreshed: true, hasRefreshToken: false });
  });

  it('never sends a kept refresh token to the server a profile was pointed at later', async () => {
    const received: string[] = [];
    const other = createServer((request, response) => {
      received.push(request.url ?? '');
      response.end('{}');
    });
    await new Promise<void>((ready) => other.listen(0, '127.0.0.1', () => ready()));
    try {
      const { profileId, clientId } = await twoAppProfiles();
      const first = await services.store.exchange(profileId, 'app');
      if (first.status !== 'token') throw new Error(JSON.stringify(first));
      const { port } = other.address() as AddressInfo;
      const elsewhere = await services.store.save({
        kind: 'environment',
        id: null,
        input: {
          name: 'Elsewhere',
          tokenUrl: `http://127.0.0.1:${port}/oauth/token`,
          authorizeUrl: `http://127.0.0.1:${port}/oauth/authorize`,
          apiBaseUrl: `http://127.0.0.1:${port}`,
          verifyPath: '',
          wireStyle: 'form',
        },
      });
      const profile = (await services.store.snapshot()).profiles.find((p) => p.id === profileId)!;
      await services.store.save({
        kind: 'profile',
        id: profileId,
        input: { ...profile, environmentRef: elsewhere.id, clientRef: clientId },
      });
      await expect(services.exchange.refresh(first.tokenId)).rejects.toThrow(ENVIRONMENT_MOVED);
      expect(received).toEqual([]);
    } finally {
      await new Promise<void>((done) => other.close(() => done()));
    }
  });

  it('says a saved secret could not be decrypted instead of calling it missing', async () => {
    const { profileId } = await twoAppProfiles();
    await services.close();
    services = compose(createAesBox()); // another key: the saved secrets no longer open
    const outcome = await services.store.exchange(profileId, 'app');
    expect(outcome).toMatchObject({ status: 'error', error: { kind: 'validation' } });
    if (outcome.status === 'error') {
      expect(outcome.error.message).toContain('could not be decrypted');
      expect(outcome.error.message).toContain('client secret');
    }
  });

  it('says which part is missing when the grant does not fit the profile', async () => {
    const { profileId } = await twoAppProfiles();
    const outcome = await services.store.exchange(profileId, 'password');
    expect(outcome).toMatchObject({ status: 'error', error: { kind: 'validation' } });
  });

  it('shows the token but does not write it when secrets would be plain text', async () => {
    await services.close();
    const box = createAesBox();
    services = compose({ ...box, isPlainText: () => true });
    services.store.updateSettings({ allowPlainTextSecrets: true });
    const { profileId } = await twoAppProfiles();
    services.store.updateSettings({ allowPlainTextSecrets: false });
    const outcome = await services.store.exchange(profileId, 'app');
    if (outcome.status !== 'token') throw new Error(JSON.stringify(outcome));
    expect(outcome.token.warnings.join(' ')).toContain('not saved');
    expect(services.store.listTokens(profileId)).toEqual([]);
  });

  it('signs in via the browser for a saved profile, keeping the token in its history', async () => {
    const { profileId } = await twoAppProfiles();
    opened = [];
    const started = await services.authorize.startForProfile(
      services.store.signInTarget(profileId),
      {
        redirectHost: '127.0.0.1',
        port: null,
        path: '/callback',
        exactPath: false,
        usePkce: true,
        acceptMissingState: false,
        scope: '',
      },
    );
    expect(new URL(opened[0]!).searchParams.get('code_challenge_method')).toBe('S256');
    expect(await actAsBrowser(opened[0]!, 'allow')).toContain('got a token');
    await expect.poll(() => services.store.listTokens(profileId).length).toBe(1);
    expect(services.store.listTokens(profileId)[0]?.grant).toBe('authorization_code');
    expect(started.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\//);
  });

  it('switches a saved profile from its app to a login, and keeps a secret left out', async () => {
    const { demo, profileId, clientId } = await twoAppProfiles();
    const login = await services.store.save({
      kind: 'login',
      id: null,
      input: { username: demo.username, password: demo.password },
    });
    await services.store.save({
      kind: 'profile',
      id: profileId,
      input: { name: 'A', environmentRef: 'sandbox', clientRef: clientId, loginRef: login.id },
    });
    const profile = (await services.store.snapshot()).profiles.find((p) => p.id === profileId);
    expect(profile).toMatchObject({ loginRef: login.id });
    expect(profile).not.toHaveProperty('appRef');

    await services.store.save({
      kind: 'client',
      id: clientId,
      input: { name: 'Renamed', clientId: demo.clientId },
    });
    const outcome = await services.store.exchange(profileId, 'password');
    expect(outcome.status).toBe('token');
  });

  it('answers snapshots without secret values', async () => {
    const { demo } = await twoAppProfiles();
    const text = JSON.stringify(await services.store.snapshot());
    expect(text).not.toContain(demo.clientSecret);
    expect(text).not.toContain(demo.appToken);
    expect(text).toContain('"hasSecret":true');
  });
});
