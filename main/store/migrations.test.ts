import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAesBox } from './aes-box';
import { FIXTURE_KEY, FIXTURE_SECRETS } from './fixtures/fixture-key';
import { CURRENT_VERSION } from './schema';
import { listDir, makeTempDir, openTestStore } from './test-support';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const fixtureBox = () => createAesBox(FIXTURE_KEY);

function openFixture(name: string) {
  const source = path.join(import.meta.dirname, 'fixtures', name);
  copyFileSync(source, path.join(temp.dir, 'profiles.json'));
  return { store: openTestStore(temp.dir, fixtureBox()), original: readFileSync(source) };
}

describe('migration from version 1', () => {
  it('splits flat v1 profiles into environments, clients, logins and profiles', () => {
    const { store } = openFixture('v1-basic.json');
    expect(store.recovery).toBeNull();

    const profiles = store.profiles.list();
    expect(profiles.map((p) => p.name)).toEqual(['Acme sync', 'Acme sync (Bob)', 'Staging JSON']);
    expect(store.clients.list().map((c) => c.clientId)).toEqual(['acme-sync', 'staging-cli']);
    expect(store.logins.list().map((l) => l.username)).toEqual([
      'alice@example.com',
      'bob@example.com',
    ]);
    expect(profiles[0]?.environmentRef).toBe('podio');
    expect(profiles[2]?.loginRef).toBeUndefined();

    const staging = store.environments.get(profiles[2]!.environmentRef);
    expect(staging).toMatchObject({
      name: 'staging.example.com (JSON)',
      tokenUrl: 'https://staging.example.com/oauth/token',
      wireStyle: 'json',
      builtIn: false,
    });
    expect(store.getSettings().lastProfileRef).toBe(profiles[1]?.id);
  });

  it('carries sealed secrets over so they still decrypt', () => {
    const { store } = openFixture('v1-basic.json');
    const [alice, bob, staging] = store.profiles.list().map((p) => store.resolveProfile(p.id));
    expect(alice?.client.clientSecret).toBe(FIXTURE_SECRETS.acmeClientSecret);
    expect(alice?.login?.password).toBe(FIXTURE_SECRETS.alicePassword);
    expect(bob?.login?.password).toBe(FIXTURE_SECRETS.bobPassword);
    expect(staging?.client.clientSecret).toBe(FIXTURE_SECRETS.stagingClientSecret);
  });

  it('writes the migrated file back at the current version', () => {
    const { store } = openFixture('v1-basic.json');
    const written = JSON.parse(readFileSync(store.path, 'utf8')) as { version: number };
    expect(written.version).toBe(CURRENT_VERSION);
    expect(openTestStore(temp.dir, fixtureBox()).profiles.list()).toHaveLength(3);
    expect(listDir(temp.dir)).toEqual(['profiles.json']);
  });

  it('drops a v1 profile with a wrong-typed field, reports it and keeps the original', () => {
    const { store, original } = openFixture('v1-damaged.json');
    expect(store.recovery?.problem).toBe('invalid_entries');
    expect(store.recovery?.dropped).toEqual([
      {
        path: 'profiles[1].clientId',
        message: 'Invalid input: expected string, received number (entry left out)',
      },
    ]);
    expect(readFileSync(store.recovery?.keptAt ?? '').equals(original)).toBe(true);
    expect(store.profiles.list().map((p) => p.name)).toEqual(['Acme sync', 'Staging JSON']);
    // v1 remembered the broken profile as the last one; that reference is gone with it.
    expect(store.getSettings().lastProfileRef).toBeUndefined();
  });
});
