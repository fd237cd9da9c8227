import type {
  AppView,
  ClientView,
  EnvironmentInfo,
  LoginView,
  ProfileView,
} from '../../../../preload/contract';
import {
  loginLabel,
  memoSelector,
  selectVisibleApps,
  selectVisibleClients,
  selectVisibleEnvironments,
  selectVisibleLogins,
  selectVisibleProfiles,
} from '../library/library-selectors';

/** One profile as the sidebar shows and searches it. */
export interface ProfileRow {
  id: string;
  name: string;
  /** The app or login it uses, shown under the name; empty when it uses neither. */
  detail: string;
  /** Profile, environment, client, app and login names, lower-cased once for filtering. */
  haystack: string;
}

/** The profiles of one environment and client. */
export interface ProfileGroup {
  key: string;
  /** "<Environment name> · <Client name>". */
  label: string;
  rows: ProfileRow[];
}

export interface ProfileIndex {
  groups: ProfileGroup[];
  total: number;
}

export interface IndexSource {
  profiles: ProfileView[];
  environments: EnvironmentInfo[];
  clients: ClientView[];
  apps: AppView[];
  logins: LoginView[];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function namesById<T extends { id: string }>(items: T[], name: (item: T) => string) {
  return new Map(items.map((item) => [item.id, name(item)]));
}

/** Groups profiles by environment then client, each sorted by name (numbers in natural order). */
export function buildProfileIndex(source: IndexSource): ProfileIndex {
  const environments = namesById(source.environments, (e) => e.name);
  const clients = namesById(source.clients, (c) => c.name);
  const apps = namesById(source.apps, (a) => a.name);
  const logins = namesById(source.logins, loginLabel);
  // Searched too: a person often remembers the App ID or the username, not the name given.
  const appIds = namesById(source.apps, (a) => a.appId);
  const usernames = namesById(source.logins, (l) => l.username);
  const groups = new Map<string, ProfileGroup & { environment: string; client: string }>();

  for (const profile of source.profiles) {
    const environment = environments.get(profile.environmentRef) ?? 'Unknown environment';
    const client = clients.get(profile.clientRef) ?? 'Unknown client';
    const app = profile.appRef ? (apps.get(profile.appRef) ?? '') : '';
    const login = profile.loginRef ? (logins.get(profile.loginRef) ?? '') : '';
    const key = `${profile.environmentRef}\u0000${profile.clientRef}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, label: `${environment} · ${client}`, rows: [], environment, client };
      groups.set(key, group);
    }
    group.rows.push({
      id: profile.id,
      name: profile.name,
      detail: app ? `App: ${app}` : login ? `Login: ${login}` : '',
      haystack: [
        profile.name,
        environment,
        client,
        app,
        login,
        profile.appRef ? (appIds.get(profile.appRef) ?? '') : '',
        profile.loginRef ? (usernames.get(profile.loginRef) ?? '') : '',
      ]
        .join('\n')
        .toLowerCase(),
    });
  }

  const sorted = [...groups.values()].sort(
    (a, b) =>
      collator.compare(a.environment, b.environment) || collator.compare(a.client, b.client),
  );
  return {
    groups: sorted.map(({ key, label, rows }) => ({
      key,
      label,
      rows: rows.sort((a, b) => collator.compare(a.name, b.name)),
    })),
    total: source.profiles.length,
  };
}

/** The filtered view of an index plus how many rows it shows. */
export interface FilteredProfiles {
  groups: ProfileGroup[];
  shown: number;
  total: number;
}

/**
 * Keeps the rows with a name (profile, environment, client, app or login) that contains the
 * query, case-insensitively. Untouched groups keep their identity, so memoised rows and groups
 * do not re-render.
 */
export function filterProfileIndex(index: ProfileIndex, query: string): FilteredProfiles {
  const needle = query.trim().toLowerCase();
  if (needle === '') return { groups: index.groups, shown: index.total, total: index.total };

  const groups: ProfileGroup[] = [];
  let shown = 0;
  for (const group of index.groups) {
    const rows = group.rows.filter((row) => row.haystack.includes(needle));
    if (rows.length === 0) continue;
    shown += rows.length;
    groups.push(rows.length === group.rows.length ? group : { ...group, rows });
  }
  return { groups, shown, total: index.total };
}

/** "1000 profiles", "12 of 1000 profiles" while filtering, "1 profile". */
export function countText({ shown, total }: { shown: number; total: number }): string {
  const noun = total === 1 ? 'profile' : 'profiles';
  return shown === total ? `${total} ${noun}` : `${shown} of ${total} ${noun}`;
}

/** The rows in screen order, for keyboard movement across groups. */
export function rowsInOrder(groups: ProfileGroup[]): ProfileRow[] {
  return groups.flatMap((group) => group.rows);
}

/** The sidebar's index of the visible profiles, rebuilt only when the library changes. */
export const selectProfileIndex = memoSelector(
  (s) =>
    [
      selectVisibleProfiles(s),
      selectVisibleEnvironments(s),
      selectVisibleClients(s),
      selectVisibleApps(s),
      selectVisibleLogins(s),
    ] as const,
  ([profiles, environments, clients, apps, logins]) =>
    buildProfileIndex({ profiles, environments, clients, apps, logins }),
);

/** The profile to open after one is deleted: the next in sidebar order, else the one before. */
export function neighbourOf(index: ProfileIndex, id: string): string | null {
  const rows = rowsInOrder(index.groups);
  const at = rows.findIndex((row) => row.id === id);
  if (at === -1) return rows[0]?.id ?? null;
  return rows[at + 1]?.id ?? rows[at - 1]?.id ?? null;
}
