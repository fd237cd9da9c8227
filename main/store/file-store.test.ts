import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAesBox } from './aes-box';
import { writeFileAtomic } from './file-store';
import type { ProfileStore } from './profile-store';
import { emptyData } from './schema';
import type { StoreData } from './schema';
import { listDir, makeTempDir, openTestStore, seed } from './test-support';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const CORRUPT_NAME = /^profiles\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.json$/;

/** A seeded store file, returned as the JSON document it holds. */
function seededDoc(): { store: ProfileStore; doc: StoreData } {
  const store = openTestStore(temp.dir);
  seed(store);
  store.logins.create({ name: 'Bob', username: 'bob@example.com' });
  return { store, doc: JSON.parse(readFileSync(store.path, 'utf8')) as StoreData };
}

function expectKeptCopy(store: ProfileStore, original: Buffer): void {
  const keptAt = store.recovery?.keptAt ?? '';
  expect(path.basename(keptAt)).toMatch(CORRUPT_NAME);
  expect(readFileSync(keptAt).equals(original)).toBe(true);
  expect(store.recovery?.message).toContain(keptAt);
}

describe('opening a damaged store file', () => {
  it('keeps a truncated file aside and starts empty', () => {
    const { store } = seededDoc();
    const bytes = readFileSync(store.path);
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2));
    writeFileSync(store.path, truncated);

    const reopened = openTestStore(temp.dir);
    expect(reopened.recovery?.problem).toBe('corrupt');
    expectKeptCopy(reopened, truncated);
    expect(reopened.clients.list()).toEqual([]);
    expect(openTestStore(temp.dir).recovery).toBeNull();
  });

  it('keeps a file of random bytes aside and starts empty', () => {
    const bytes = randomBytes(4096);
    writeFileSync(path.join(temp.dir, 'profiles.json'), bytes);

    const store = openTestStore(temp.dir);
    expect(store.recovery?.problem).toBe('corrupt');
    expectKeptCopy(store, bytes);
    expect(store.profiles.list()).toEqual([]);
  });

  it('keeps an entry whose field was written as the wrong scalar type, converted', () => {
    const { store, doc } = seededDoc();
    (doc.logins[1] as unknown as Record<string, unknown>).username = 42;
    const original = Buffer.from(JSON.stringify(doc));
    writeFileSync(store.path, original);

    const reopened = openTestStore(temp.dir);
    expect(reopened.recovery?.problem).toBe('invalid_entries');
    expect(reopened.recovery?.dropped).toEqual([
      {
        path: 'logins[1].username',
        message: 'had the wrong type; its value was kept, converted (entry kept)',
      },
    ]);
    expectKeptCopy(reopened, original);
    expect(reopened.logins.list().map((login) => login.username)).toContain('42');
    expect(reopened.profiles.list()).toHaveLength(2);
    expect(reopened.apps.list()).toHaveLength(1);
  });

  it('drops only the entry whose field cannot be converted and reports its path', () => {
    const { store, doc } = seededDoc();
    (doc.logins[1] as unknown as Record<string, unknown>).username = { not: 'text' };
    const original = Buffer.from(JSON.stringify(doc));
    writeFileSync(store.path, original);

    const reopened = openTestStore(temp.dir);
    expect(reopened.recovery?.dropped).toEqual([
      {
        path: 'logins[1].username',
        message: 'Invalid input: expected string, received object (entry left out)',
      },
    ]);
    expectKeptCopy(reopened, original);
    expect(reopened.logins.list().map((login) => login.name)).toEqual(['Alice']);
    expect(reopened.profiles.list()).toHaveLength(2);
  });

  it('reads a version written as a string and says what was loaded', () => {
    const { store, doc } = seededDoc();
    writeFileSync(store.path, JSON.stringify({ ...doc, version: '2' }));
    const reopened = openTestStore(temp.dir);
    expect(reopened.recovery).toBeNull();
    expect(reopened.profiles.list()).toHaveLength(2);
  });

  it('drops entries whose client was dropped and names each one', () => {
    const { store, doc } = seededDoc();
    (doc.clients[0] as unknown as Record<string, unknown>).clientId = ['not', 'text'];
    writeFileSync(store.path, JSON.stringify(doc));

    const reopened = openTestStore(temp.dir);
    expect(reopened.recovery?.dropped.map((issue) => issue.path)).toEqual([
      'clients[0].clientId',
      'apps[0].clientRef',
      'profiles[0].clientRef',
      'profiles[1].clientRef',
    ]);
    expect(reopened.logins.list()).toHaveLength(2);
    expect(reopened.environments.list()).toHaveLength(3);
  });

  it('leaves out a bad optional field but keeps its entry', () => {
    const { store, doc } = seededDoc();
    (doc.clients[0] as unknown as Record<string, unknown>).redirectUri = 'ftp://nope';
    writeFileSync(store.path, JSON.stringify(doc));

    const reopened = openTestStore(temp.dir);
    expect(reopened.recovery?.dropped).toEqual([
      { path: 'clients[0].redirectUri', message: 'must be an http(s) URL (field left out)' },
    ]);
    expect(reopened.clients.list()[0]).toMatchObject({ clientId: 'acme-sync', hasSecret: true });
    expect(reopened.clients.list()[0]?.redirectUri).toBeUndefined();
  });

  it('moves an unreadable store aside and starts empty', () => {
    mkdirSync(path.join(temp.dir, 'profiles.json'));
    const store = openTestStore(temp.dir);
    expect(store.recovery?.problem).toBe('unreadable');
    expect(path.basename(store.recovery?.keptAt ?? '')).toMatch(CORRUPT_NAME);
    store.clients.create({ name: 'Acme', clientId: 'acme' });
    expect(openTestStore(temp.dir).clients.list()).toHaveLength(1);
  });

  it('loads what it understands from a newer version and keeps the original', () => {
    const { store, doc } = seededDoc();
    const original = Buffer.from(JSON.stringify({ ...doc, version: 3, widgets: [1] }));
    writeFileSync(store.path, original);

    const reopened = openTestStore(temp.dir);
    expect(reopened.recovery?.problem).toBe('newer_version');
    const keptAt = reopened.recovery?.keptAt ?? '';
    expect(path.basename(keptAt)).toMatch(/^profiles\.newer-.+\.json$/);
    expect(readFileSync(keptAt).equals(original)).toBe(true);
    expect(reopened.profiles.list()).toHaveLength(2);
    // Nothing is rewritten until the person changes something.
    expect(readFileSync(store.path).equals(original)).toBe(true);
  });
});

describe('writing the store file', () => {
  it('replaces the file whole and leaves no temp file behind', () => {
    const { store } = seededDoc();
    expect(listDir(temp.dir)).toEqual(['profiles.json']);
    writeFileAtomic(store.path, '{"version":2}');
    expect(readFileSync(store.path, 'utf8')).toBe('{"version":2}');
    expect(listDir(temp.dir)).toEqual(['profiles.json']);
  });

  it.skipIf(process.platform === 'win32')('writes the file readable by its owner only', () => {
    const { store } = seededDoc();
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('removes a temp file a crash left behind when it opens', () => {
    seededDoc();
    writeFileSync(path.join(temp.dir, 'profiles.json.tmp-999-abc'), '{"half":');
    expect(openTestStore(temp.dir).recovery).toBeNull();
    expect(listDir(temp.dir)).toEqual(['profiles.json']);
  });

  it('loads a store of 1,000 profiles', () => {
    const box = createAesBox();
    const data = emptyData();
    const sealed = { enc: box.encrypt('shared-secret-value') };
    for (let i = 0; i < 1000; i += 1) {
      data.clients.push({
        id: `c${i}`,
        name: `Client ${i}`,
        clientId: `c-${i}`,
        clientSecret: sealed,
      });
      data.logins.push({ id: `l${i}`, username: `user${i}@example.com`, password: sealed });
      data.profiles.push({
        id: `p${i}`,
        name: `Profile ${i}`,
        environmentRef: 'podio',
        clientRef: `c${i}`,
        loginRef: `l${i}`,
      });
    }
    writeFileSync(path.join(temp.dir, 'profiles.json'), JSON.stringify(data));

    // The time this takes (about 30 ms here) is printed by the browser test that loads 1,000
    // profiles into the sidebar; this test checks that the store reads them all.
    const store = openTestStore(temp.dir, box);
    const listed = store.profiles.list();
    expect(store.recovery).toBeNull();
    expect(listed).toHaveLength(1000);
    expect(store.resolveProfile('p999').login?.password).toBe('shared-secret-value');
  });
});
