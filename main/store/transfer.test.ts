import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAesBox } from './aes-box';
import { StoreError } from './errors';
import type { ProfileStore } from './profile-store';
import { plainTextBox, makeTempDir, openTestStore, SECRETS, seed } from './test-support';
import { exportStore, importIntoStore } from './transfer';

let source: ReturnType<typeof makeTempDir>;
let target: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  source = makeTempDir();
  target = makeTempDir();
});
afterEach(() => {
  source.remove();
  target.remove();
});

const PASSPHRASE = 'correct horse battery';

async function rejection(run: Promise<unknown>): Promise<StoreError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

/** Everything the renderer sees, without ids, for comparing two stores. */
function shape(store: ProfileStore) {
  const names = (list: Array<{ id: string; name?: string | undefined }>) =>
    new Map(list.map((item) => [item.id, item.name]));
  const envs = names(store.environments.list());
  const clients = names(store.clients.list());
  const apps = names(store.apps.list());
  const logins = names(store.logins.list());
  const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
  return {
    environments: store.environments.list().map(strip),
    clients: store.clients.list().map(strip),
    apps: store.apps.list().map((a) => ({ ...strip(a), clientRef: clients.get(a.clientRef) })),
    logins: store.logins.list().map(strip),
    profiles: store.profiles.list().map((p) => ({
      ...strip(p),
      environmentRef: envs.get(p.environmentRef),
      clientRef: clients.get(p.clientRef),
      appRef: p.appRef && apps.get(p.appRef),
      loginRef: p.loginRef && logins.get(p.loginRef),
    })),
  };
}

describe('export and import', () => {
  it('reproduces everything but secrets when exported without them', async () => {
    const from = openTestStore(source.dir);
    seed(from);
    const { json } = await exportStore(from);
    for (const secret of Object.values(SECRETS)) expect(json).not.toContain(secret);

    const into = openTestStore(target.dir);
    await importIntoStore(into, json);
    const noSecrets = (view: ReturnType<typeof shape>) => ({
      ...view,
      clients: view.clients.map((c) => ({ ...c, hasSecret: false })),
      apps: view.apps.map((a) => ({ ...a, hasSecret: false })),
      logins: view.logins.map((l) => ({ ...l, hasSecret: false })),
    });
    expect(shape(into)).toEqual(noSecrets(shape(from)));
    expect(into.clients.list()[0]?.hasSecret).toBe(false);
  });

  it('round trips secrets under a passphrase', async () => {
    const from = openTestStore(source.dir);
    const made = seed(from);
    const { json } = await exportStore(from, { passphrase: PASSPHRASE });
    for (const secret of Object.values(SECRETS)) expect(json).not.toContain(secret);

    const into = openTestStore(target.dir, createAesBox());
    const summary = await importIntoStore(into, json, { passphrase: PASSPHRASE });
    expect(summary).toEqual({
      added: { environments: 1, clients: 1, apps: 1, logins: 1, profiles: 2 },
      unchanged: 0,
      renamedIds: 0,
      secrets: 3,
    });
    expect(shape(into)).toEqual(shape(from));
    const resolved = into.resolveProfile(made.appProfile.id);
    expect(resolved.client.clientSecret).toBe(SECRETS.clientSecret);
    expect(resolved.app?.appToken).toBe(SECRETS.appToken);
    expect(into.resolveProfile(made.userProfile.id).login?.password).toBe(SECRETS.password);
    const written = readFileSync(into.path, 'utf8');
    for (const secret of Object.values(SECRETS)) expect(written).not.toContain(secret);
  });

  it('refuses a wrong passphrase and changes nothing', async () => {
    const from = openTestStore(source.dir);
    seed(from);
    const { json } = await exportStore(from, { passphrase: PASSPHRASE });
    const into = openTestStore(target.dir);
    const error = await rejection(importIntoStore(into, json, { passphrase: 'wrong passphrase' }));
    expect(error.kind).toBe('passphrase');
    expect(error.message).toMatch(/passphrase is wrong/);
    expect(into.clients.list()).toEqual([]);
    const missing = await rejection(importIntoStore(into, json));
    expect(missing.kind).toBe('passphrase');
  });

  it('adds nothing again when the same file is imported twice', async () => {
    const store = openTestStore(source.dir);
    seed(store);
    const before = store.data;
    const { json } = await exportStore(store);
    const summary = await importIntoStore(store, json);
    expect(summary.unchanged).toBe(6);
    expect(Object.values(summary.added).every((count) => count === 0)).toBe(true);
    expect(store.data.profiles).toEqual(before.profiles);
    expect(store.data.clients).toEqual(before.clients);
  });

  it('gives colliding ids new ones and remaps references', async () => {
    const store = openTestStore(source.dir);
    const made = seed(store);
    const file = JSON.parse((await exportStore(store)).json) as {
      data: Record<string, Array<Record<string, unknown>>>;
    };
    // Same ids, different content: every entry is a new one that needs a new id.
    file.data.environments![0]!.verifyPath = '/changed';
    file.data.clients![0]!.redirectUri = 'http://localhost:9/cb';
    file.data.apps![0]!.name = 'Invoices (imported)';
    file.data.logins![0]!.username = 'alice+imported@example.com';
    const summary = await importIntoStore(store, JSON.stringify(file));
    expect(summary.renamedIds).toBe(6);

    const copies = store.profiles.list().slice(2);
    expect(copies.map((p) => p.name)).toEqual(['Alice on staging', 'Invoices app']);
    expect(summary.unchanged).toBe(0);
    const [user, app] = copies;
    expect(user?.id).not.toBe(made.userProfile.id);
    expect(user?.clientRef).not.toBe(made.client.id);
    expect(store.clients.get(user!.clientRef).clientId).toBe('acme-sync');
    expect(store.environments.get(user!.environmentRef).name).toBe('Staging');
    expect(user?.environmentRef).not.toBe(made.environment.id);
    expect(store.apps.get(app!.appRef!).clientRef).toBe(user?.clientRef);
    expect(app?.environmentRef).toBe('podio');
  });

  it('reports every problem of an invalid file with its path and changes nothing', async () => {
    const from = openTestStore(source.dir);
    seed(from);
    const file = JSON.parse((await exportStore(from)).json) as {
      data: Record<string, Array<Record<string, unknown>>>;
    };
    const data = file.data;
    data.apps!.push({ ...data.apps![0], id: 'a2' }, { ...data.apps![0], id: 'a3', appId: 77 });
    data.clients![0]!.clientId = '';
    data.environments![0]!.tokenUrl = 'javascript:alert(1)';
    data.profiles![1]!.loginRef = 'nobody';

    const into = openTestStore(target.dir);
    const error = await rejection(importIntoStore(into, JSON.stringify(file)));
    expect(error.kind).toBe('validation');
    expect(error.issues).toEqual([
      { field: 'data.environments[0].tokenUrl', message: 'must be an http(s) URL' },
      { field: 'data.clients[0].clientId', message: 'client_id is required' },
      { field: 'data.apps[2].appId', message: 'Invalid input: expected string, received number' },
      { field: 'data.profiles[1].appRef', message: 'a profile uses an app or a login, not both' },
      // Broken links are reported in the same pass as broken shapes.
      { field: 'data.profiles[1].loginRef', message: 'refers to a login that is not in the file' },
    ]);
    expect(error.message).toBe('The import file has 5 problems; nothing was imported.');
    expect(into.data.clients).toEqual([]);
    expect(into.data.profiles).toEqual([]);
  });

  it('says plainly when a file is not an export or comes from a newer app', async () => {
    const into = openTestStore(target.dir);
    const notOurs = await rejection(importIntoStore(into, '{"hello":"world"}'));
    expect(notOurs.issues[0]?.message).toContain('this is not a Token Workbench export');
    const newer = JSON.stringify({ format: 'token-workbench-export', version: 9, data: {} });
    const fromFuture = await rejection(importIntoStore(into, newer));
    expect(fromFuture.issues).toEqual([
      {
        field: 'version',
        message: 'is 9: a newer Token Workbench made this file; update the app to import it',
      },
    ]);
  });

  it('refuses a profile whose app belongs to another client', async () => {
    const from = openTestStore(source.dir);
    seed(from);
    const file = JSON.parse((await exportStore(from)).json) as {
      data: Record<string, Array<Record<string, unknown>>>;
    };
    file.data.clients!.push({ id: 'other', name: 'Other', clientId: 'other-client' });
    const appProfile = file.data.profiles!.find((p) => p.appRef !== undefined)!;
    appProfile.clientRef = 'other';
    const error = await rejection(importIntoStore(openTestStore(target.dir), JSON.stringify(file)));
    expect(error.issues.map((issue) => issue.message)).toContain(
      'is an app of another client than the profile’s',
    );
  });

  it('reports dangling references once the shapes are valid', async () => {
    const from = openTestStore(source.dir);
    seed(from);
    const file = JSON.parse((await exportStore(from)).json) as {
      data: Record<string, Array<Record<string, unknown>>>;
    };
    file.data.profiles![0]!.loginRef = 'nobody';
    file.data.apps![0]!.clientRef = 'nobody';
    const error = await rejection(importIntoStore(openTestStore(target.dir), JSON.stringify(file)));
    expect(error.issues).toEqual([
      { field: 'data.apps[0].clientRef', message: 'refers to a client that is not in the file' },
      { field: 'data.profiles[0].loginRef', message: 'refers to a login that is not in the file' },
    ]);
  });

  it('imports nothing when a plain-text backend refuses the secrets', async () => {
    const from = openTestStore(source.dir);
    seed(from);
    const { json } = await exportStore(from, { passphrase: PASSPHRASE });
    const into = openTestStore(target.dir, plainTextBox());
    const error = await rejection(importIntoStore(into, json, { passphrase: PASSPHRASE }));
    expect(error.kind).toBe('plain_text_secrets');
    expect(into.profiles.list()).toEqual([]);
  });
});
