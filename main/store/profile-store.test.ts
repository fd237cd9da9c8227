import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAesBox } from './aes-box';
import { StoreError } from './errors';
import type { NewToken, ProfileStore } from './profile-store';
import { fileText, makeTempDir, openTestStore, SECRETS, seed } from './test-support';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function catchError(run: () => unknown): StoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

function token(profileRef: string, n: number, extra: Record<string, unknown> = {}): NewToken {
  return {
    profileRef,
    grant: 'password',
    receivedAt: 1_700_000_000_000 + n,
    expiresAt: 1_700_028_800_000 + n,
    tokenType: 'bearer',
    scope: 'global:all',
    ref: { type: 'user', id: 42 },
    accessToken: `${SECRETS.accessToken}-${n}`,
    refreshToken: `${SECRETS.refreshToken}-${n}`,
    extra,
    issuedBy: { tokenUrl: 'https://api.podio.com/oauth/token', clientId: 'acme-sync' },
  };
}

describe('ProfileStore round trip', () => {
  it('reads back every entity after reopening the file', () => {
    const key = createAesBox();
    const store = openTestStore(temp.dir, key);
    const made = seed(store);
    const kept = store.addToken(token(made.userProfile.id, 1));
    store.setSettings({ lastProfileRef: made.appProfile.id });

    const again = openTestStore(temp.dir, key);
    expect(again.recovery).toBeNull();
    expect(again.environments.get(made.environment.id)).toEqual(made.environment);
    expect(again.clients.get(made.client.id)).toEqual(made.client);
    expect(again.apps.get(made.app.id)).toEqual(made.app);
    expect(again.logins.get(made.login.id)).toEqual(made.login);
    expect(again.profiles.list()).toEqual([made.userProfile, made.appProfile]);
    expect(again.listTokens(made.userProfile.id)).toEqual([kept]);
    expect(again.getSettings()).toEqual({
      lastProfileRef: made.appProfile.id,
      allowPlainTextSecrets: false,
      plainTextBackend: false,
    });
  });

  it('resolves a profile with every secret decrypted', () => {
    const store = openTestStore(temp.dir);
    const made = seed(store);
    const user = store.resolveProfile(made.userProfile.id);
    expect(user.environment.tokenUrl).toBe('https://staging.example.com/oauth/token');
    expect(user.environment.wireStyle).toBe('json');
    expect(user.client.clientSecret).toBe(SECRETS.clientSecret);
    expect(user.login).toEqual({
      id: made.login.id,
      name: 'Alice',
      username: 'alice@example.com',
      password: SECRETS.password,
    });
    expect(user.app).toBeNull();
    const app = store.resolveProfile(made.appProfile.id);
    expect(app.environment.tokenUrl).toBe('https://api.podio.com/oauth/token');
    expect(app.app?.appToken).toBe(SECRETS.appToken);
    expect(app.warnings).toEqual([]);
  });

  it('fills the sandbox URLs from the running sandbox and refuses when it is stopped', () => {
    let url: string | null = 'http://127.0.0.1:41234';
    const store = openTestStore(temp.dir, createAesBox(), { sandboxUrl: () => url });
    const made = seed(store);
    const profile = store.profiles.create({
      name: 'Sandbox demo',
      environmentRef: 'sandbox',
      clientRef: made.client.id,
    });
    expect(store.resolveProfile(profile.id).environment.tokenUrl).toBe(
      'http://127.0.0.1:41234/oauth/token',
    );
    url = null;
    expect(catchError(() => store.resolveProfile(profile.id)).kind).toBe('sandbox_unavailable');
  });

  it('keeps no secret value in the file or in any view', () => {
    const store = openTestStore(temp.dir);
    const made = seed(store);
    store.addToken(token(made.userProfile.id, 1, { transfer_token: SECRETS.transferToken }));
    const bytes = fileText(store.path);
    const views = JSON.stringify([
      store.clients.list(),
      store.apps.list(),
      store.logins.list(),
      store.profiles.list(),
      store.listTokens(made.userProfile.id),
    ]);
    for (const secret of [...Object.values(SECRETS), `${SECRETS.accessToken}-1`]) {
      expect(bytes).not.toContain(secret);
      expect(views).not.toContain(secret);
    }
    expect(store.clients.get(made.client.id).hasSecret).toBe(true);
    expect(store.listTokens(made.userProfile.id)[0]?.secretExtraKeys).toEqual(['transfer_token']);
  });

  it('reveals one secret at a time', () => {
    const store = openTestStore(temp.dir);
    const made = seed(store);
    const kept = store.addToken(token(made.userProfile.id, 7, { transfer_token: 'tt-1234' }));
    expect(store.revealSecret('client', made.client.id, 'clientSecret').value).toBe(
      SECRETS.clientSecret,
    );
    expect(store.revealSecret('token', kept.id, 'refreshToken').value).toBe(
      `${SECRETS.refreshToken}-7`,
    );
    expect(store.revealSecret('token', kept.id, 'extra.transfer_token').value).toBe('tt-1234');
  });
});

describe('ProfileStore updates', () => {
  it('keeps a secret when an update leaves it out and clears it on null', () => {
    const store = openTestStore(temp.dir);
    const { client } = seed(store);
    store.clients.update(client.id, { name: 'Acme renamed' });
    expect(store.revealSecret('client', client.id, 'clientSecret').value).toBe(
      SECRETS.clientSecret,
    );
    const cleared = store.clients.update(client.id, { clientSecret: null });
    expect(cleared).toMatchObject({ name: 'Acme renamed', hasSecret: false });
  });

  it('duplicates a profile under a new id', () => {
    const store = openTestStore(temp.dir);
    const { userProfile } = seed(store);
    const copy = store.profiles.duplicate(userProfile.id);
    expect(copy.id).not.toBe(userProfile.id);
    expect(copy).toEqual({ ...userProfile, id: copy.id, name: 'Alice on staging (copy)' });
    const names = [userProfile.id, copy.id, userProfile.id].map(
      (id) => store.profiles.duplicate(id).name,
    );
    expect(names).toEqual([
      'Alice on staging (copy 2)',
      'Alice on staging (copy 3)',
      'Alice on staging (copy 4)',
    ]);
  });

  it('says what is wrong with a value in plain words', () => {
    const store = openTestStore(temp.dir);
    const { client } = seed(store);
    const issues = catchError(() =>
      store.apps.create({ name: 'x'.repeat(201), appId: '1'.repeat(21), clientRef: client.id }),
    ).issues;
    expect(issues).toEqual([
      { field: 'name', message: 'is longer than 200 characters' },
      { field: 'appId', message: 'must be a number of at most 20 digits' },
    ]);
    expect(
      catchError(() => store.clients.create({ name: 'c', clientId: 'c', clientSecret: '   ' }))
        .issues,
    ).toEqual([{ field: 'clientSecret', message: 'must not be only spaces' }]);
  });

  it('deletes a profile together with its tokens', () => {
    const store = openTestStore(temp.dir);
    const { userProfile } = seed(store);
    store.addToken(token(userProfile.id, 1));
    store.setSettings({ lastProfileRef: userProfile.id });
    store.profiles.delete(userProfile.id);
    expect(store.data.tokens).toEqual([]);
    expect(store.getSettings().lastProfileRef).toBeUndefined();
  });

  it('refuses to delete a client that profiles and apps use', () => {
    const store = openTestStore(temp.dir);
    const { client } = seed(store);
    const error = catchError(() => store.clients.delete(client.id));
    expect(error.kind).toBe('in_use');
    expect(error.message).toContain('profile "Alice on staging"');
    expect(store.clients.list()).toHaveLength(1);
  });

  it('lists both built-in environments first and refuses to change or delete them', () => {
    const store = openTestStore(temp.dir);
    expect(store.environments.list().map((e) => [e.id, e.builtIn])).toEqual([
      ['sandbox', true],
      ['podio', true],
    ]);
    expect(store.environments.get('podio').verifyPath).toBe('/user/status');
    expect(catchError(() => store.environments.delete('podio')).kind).toBe('forbidden');
    expect(catchError(() => store.environments.update('sandbox', { name: 'x' })).kind).toBe(
      'forbidden',
    );
  });

  it('deletes one token and keeps the last 20 per profile', () => {
    const store = openTestStore(temp.dir);
    const { userProfile, appProfile } = seed(store);
    store.addToken(token(appProfile.id, 0));
    for (let n = 1; n <= 25; n += 1) store.addToken(token(userProfile.id, n));
    const mine = store.listTokens(userProfile.id);
    expect(mine.map((t) => t.receivedAt - 1_700_000_000_000)).toEqual(
      Array.from({ length: 20 }, (_, i) => 25 - i),
    );
    expect(store.listTokens(appProfile.id)).toHaveLength(1);
    store.deleteToken(mine[0]!.id);
    expect(store.listTokens(userProfile.id)[0]?.receivedAt).toBe(1_700_000_000_024);
  });
});

describe('ProfileStore validation', () => {
  it('names each invalid field', () => {
    const store = openTestStore(temp.dir);
    const error = catchError(() =>
      store.environments.create({
        name: ' ',
        tokenUrl: 'ftp://example.com/token',
        authorizeUrl: 'https://example.com/a',
        apiBaseUrl: 'not a url',
        verifyPath: '',
        wireStyle: 'form',
      }),
    );
    expect(error.kind).toBe('validation');
    expect(error.issues).toEqual([
      { field: 'name', message: 'name is required' },
      { field: 'tokenUrl', message: 'must be an http(s) URL' },
      { field: 'apiBaseUrl', message: 'must be an http(s) URL' },
    ]);
  });

  it('refuses URLs that carry a user name or password, which fetch would echo', () => {
    const store = openTestStore(temp.dir);
    const error = catchError(() =>
      store.environments.create({
        name: 'Leaky',
        tokenUrl: 'http://user:pass@127.0.0.1:1/oauth/token',
        authorizeUrl: 'https://example.com/a',
        apiBaseUrl: 'https://example.com',
        verifyPath: '',
        wireStyle: 'form',
      }),
    );
    expect(error.issues).toEqual([
      { field: 'tokenUrl', message: 'must not contain a user name or password' },
    ]);
  });

  it('requires a client_id and a numeric app_id', () => {
    const store = openTestStore(temp.dir);
    const { client } = seed(store);
    expect(catchError(() => store.clients.create({ name: 'x', clientId: '' })).issues).toEqual([
      { field: 'clientId', message: 'client_id is required' },
    ]);
    const app = catchError(() =>
      store.apps.create({ name: 'x', appId: '12a', clientRef: client.id }),
    );
    expect(app.issues).toEqual([{ field: 'appId', message: 'must be a number' }]);
  });

  it('refuses references that do not exist and a profile with both app and login', () => {
    const store = openTestStore(temp.dir);
    const { app, login } = seed(store);
    const dangling = catchError(() =>
      store.profiles.create({ name: 'p', environmentRef: 'nowhere', clientRef: 'nobody' }),
    );
    expect(dangling.issues.map((i) => i.field)).toEqual(['environmentRef', 'clientRef']);
    const both = catchError(() =>
      store.profiles.create({
        name: 'p',
        environmentRef: 'podio',
        clientRef: app.clientRef,
        appRef: app.id,
        loginRef: login.id,
      }),
    );
    expect(both.issues).toEqual([
      { field: 'appRef', message: 'a profile uses an app or a login, not both' },
    ]);
    expect(store.profiles.list()).toHaveLength(2);
  });

  it('refuses a last profile that does not exist', () => {
    const store: ProfileStore = openTestStore(temp.dir);
    expect(catchError(() => store.setSettings({ lastProfileRef: 'gone' })).kind).toBe('validation');
  });
});
