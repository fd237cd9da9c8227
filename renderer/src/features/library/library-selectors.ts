import type {
  AppView,
  ClientView,
  EntityKind,
  EnvironmentInfo,
  LoginView,
  ProfileView,
} from '../../../../preload/contract';
import type { LibraryState } from './library-store';

type WithId = { id: string };

/**
 * A selector that recomputes only when the picked state slices change by reference, so a
 * component subscribed to a derived list does not re-render (or loop) on unrelated updates.
 */
export function memoSelector<A extends readonly unknown[], R>(
  pick: (s: LibraryState) => A,
  compute: (args: A) => R,
): (s: LibraryState) => R {
  let last: { args: A; result: R } | null = null;
  return (s) => {
    const args = pick(s);
    if (last && args.length === last.args.length && args.every((a, i) => a === last?.args[i])) {
      return last.result;
    }
    const result = compute(args);
    last = { args, result };
    return result;
  };
}

function hide<T extends WithId>(
  items: T[],
  kind: EntityKind,
  pending: LibraryState['pendingDelete'],
  deleting: string[],
): T[] {
  const gone = new Set(deleting);
  if (pending?.kind === kind) gone.add(pending.id);
  return gone.size === 0 ? items : items.filter((item) => !gone.has(item.id));
}

function visible<T extends WithId>(kind: EntityKind, list: (s: LibraryState) => T[]) {
  return memoSelector(
    (s) => [list(s), s.pendingDelete, s.deleting] as const,
    ([items, pending, deleting]) => hide(items, kind, pending, deleting),
  );
}

/** Saved profiles without the one waiting for its Undo to expire. */
export const selectVisibleProfiles: (s: LibraryState) => ProfileView[] = visible(
  'profile',
  (s) => s.profiles,
);
export const selectVisibleClients: (s: LibraryState) => ClientView[] = visible(
  'client',
  (s) => s.clients,
);
export const selectVisibleApps: (s: LibraryState) => AppView[] = visible('app', (s) => s.apps);
export const selectVisibleLogins: (s: LibraryState) => LoginView[] = visible(
  'login',
  (s) => s.logins,
);
export const selectVisibleEnvironments: (s: LibraryState) => EnvironmentInfo[] = visible(
  'environment',
  (s) => s.environments,
);

/** A login as lists name it: its name, or its username when it has none. */
export function loginLabel(login: LoginView): string {
  return login.name?.trim() ? login.name : login.username;
}

const quoted = (label: string, name: string) => `${label} "${name}"`;

/**
 * What still uses an entity, named as main names it ("profile "Ops""), so a delete can be
 * refused at once instead of after the Undo window.
 */
export function usersOf(s: LibraryState, kind: EntityKind, id: string): string[] {
  const profiles = selectVisibleProfiles(s);
  const profileNames = (match: (p: ProfileView) => boolean) =>
    profiles.filter(match).map((p) => quoted('profile', p.name));
  switch (kind) {
    case 'environment':
      return profileNames((p) => p.environmentRef === id);
    case 'client':
      return [
        ...selectVisibleApps(s)
          .filter((a) => a.clientRef === id)
          .map((a) => quoted('app', a.name)),
        ...profileNames((p) => p.clientRef === id),
      ];
    case 'app':
      return profileNames((p) => p.appRef === id);
    case 'login':
      return profileNames((p) => p.loginRef === id);
    case 'profile':
      return [];
  }
}

/** "This client is used by app "X", profile "Y". Change or delete those first." */
export function inUseMessage(kind: EntityKind, users: string[]): string {
  const shown = users.length > 5 ? [...users.slice(0, 5), `${users.length - 5} more`] : users;
  return `This ${kind} is used by ${shown.join(', ')}. Change or delete those first.`;
}
