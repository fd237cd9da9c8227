import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../../preload/contract';
import { createFakeStore } from '../../test-support/fake-store';
import { seededStore } from '../../test-support/seed';
import {
  buildProfileIndex,
  countText,
  filterProfileIndex,
  neighbourOf,
  rowsInOrder,
} from './profile-index';

function source(profiles?: ProfileView[]) {
  const { data } = createFakeStore(seededStore());
  return { ...data, profiles: profiles ?? data.profiles };
}

describe('buildProfileIndex', () => {
  it('groups by environment then client, both by name', () => {
    const index = buildProfileIndex(source());

    expect(index.groups.map((g) => g.label)).toEqual([
      'Podio · Ops integration',
      'Sandbox · Demo client',
    ]);
  });

  it('sorts profiles in a group by name with numbers in natural order', () => {
    const profiles = ['Profile 10', 'profile 2', 'Profile 1'].map((name, i) => ({
      id: `p${i}`,
      name,
      environmentRef: 'sandbox',
      clientRef: 'c-demo',
    }));

    const index = buildProfileIndex(source(profiles));

    expect(index.groups[0]?.rows.map((r) => r.name)).toEqual([
      'Profile 1',
      'profile 2',
      'Profile 10',
    ]);
  });

  it('describes each profile by its app or login', () => {
    const rows = rowsInOrder(buildProfileIndex(source()).groups);

    expect(rows.map((r) => [r.name, r.detail])).toEqual([
      ['Admin on Podio', 'Login: Test admin'],
      ['Bare client', ''],
      ['CRM on sandbox', 'App: CRM app'],
    ]);
  });
});

describe('filterProfileIndex', () => {
  const index = buildProfileIndex(source());
  const names = (query: string) =>
    rowsInOrder(filterProfileIndex(index, query).groups).map((r) => r.name);

  it('matches profile names case-insensitively', () => {
    expect(names('crm ON')).toEqual(['CRM on sandbox']);
  });

  it('matches the environment name', () => {
    expect(names('podio')).toEqual(['Admin on Podio']);
  });

  it('matches the client name', () => {
    expect(names('ops integ')).toEqual(['Admin on Podio']);
  });

  it('matches the app name', () => {
    expect(names('crm app')).toEqual(['CRM on sandbox']);
  });

  it('matches the login name', () => {
    expect(names('test admin')).toEqual(['Admin on Podio']);
  });

  it("matches the app's App ID", () => {
    expect(names('4242')).toEqual(['CRM on sandbox']);
  });

  it("matches the login's username", () => {
    expect(names('admin@example')).toEqual(['Admin on Podio']);
  });

  it('drops groups with no match and counts what is shown', () => {
    const filtered = filterProfileIndex(index, 'bare');

    expect(filtered.groups.map((g) => g.label)).toEqual(['Sandbox · Demo client']);
    expect(countText(filtered)).toBe('1 of 3 profiles');
  });

  it('returns the same groups for an empty query, so nothing re-renders', () => {
    expect(filterProfileIndex(index, '  ').groups).toBe(index.groups);
  });

  it('keeps a group whose rows all match as the same object', () => {
    const filtered = filterProfileIndex(index, 'podio');

    expect(filtered.groups[0]).toBe(index.groups[0]);
  });

  it('filters 1,000 profiles in well under a frame', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      id: `p${i}`,
      name: `Profile ${i}`,
      environmentRef: i % 2 ? 'sandbox' : 'podio',
      clientRef: i % 3 ? 'c-demo' : 'c-ops',
    }));
    const big = buildProfileIndex(source(many));

    const start = performance.now();
    const filtered = filterProfileIndex(big, 'profile 99');
    const elapsed = performance.now() - start;

    expect(filtered.shown).toBe(11);
    expect(elapsed).toBeLessThan(16);
  });
});

describe('countText', () => {
  it('says how many profiles there are when not filtering', () => {
    expect(countText({ shown: 1000, total: 1000 })).toBe('1000 profiles');
  });

  it('says "12 of 1000 profiles" while filtering', () => {
    expect(countText({ shown: 12, total: 1000 })).toBe('12 of 1000 profiles');
  });

  it('uses the singular for one profile', () => {
    expect(countText({ shown: 1, total: 1 })).toBe('1 profile');
  });
});

describe('neighbourOf', () => {
  const index = buildProfileIndex(source());

  it('picks the next profile in sidebar order', () => {
    expect(neighbourOf(index, 'p-admin')).toBe('p-bare');
  });

  it('picks the previous one for the last profile', () => {
    expect(neighbourOf(index, 'p-crm')).toBe('p-bare');
  });

  it('answers null when no other profile is left', () => {
    expect(neighbourOf(buildProfileIndex(source([source().profiles[0]!])), 'p-crm')).toBeNull();
  });
});
