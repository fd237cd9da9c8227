import { z } from 'zod';
import type { ValidationIssue } from '../../preload/contract';
import type { EntitySpec, StoreHost } from './collection';
import { BUILT_IN_ENVIRONMENT_IDS, customEnvironment } from './environments';
import type { Environment } from './environments';
import { appFields, clientFields, environmentFields, loginFields, profileFields } from './schema';
import type {
  StoreData,
  StoredApp,
  StoredClient,
  StoredEnvironment,
  StoredLogin,
  StoredProfile,
} from './schema';
import { appView, clientView, loginView, profileView } from './views';
import type { AppView, ClientView, HasSecret, LoginView, ProfileView } from './views';

/** A secret in a form: undefined keeps the saved one, null or '' clears it. */
const secretInput = z
  .string()
  .max(10_000, 'is longer than 10,000 characters')
  // Spaces alone are a paste gone wrong, not a secret; '' still means "clear it".
  .refine((value) => value === '' || value.trim() !== '', 'must not be only spaces')
  .nullable()
  .optional();

export const environmentInput = z.object(environmentFields);
export const clientInput = z.object({ ...clientFields, clientSecret: secretInput });
export const appInput = z.object({ ...appFields, appToken: secretInput });
export const loginInput = z.object({ ...loginFields, password: secretInput });
export const profileInput = z.object(profileFields).refine((p) => !(p.appRef && p.loginRef), {
  message: 'a profile uses an app or a login, not both',
  path: ['appRef'],
});

export type EnvironmentInput = z.input<typeof environmentInput>;
export type ClientInput = z.input<typeof clientInput>;
export type AppInput = z.input<typeof appInput>;
export type LoginInput = z.input<typeof loginInput>;
export type ProfileInput = z.input<typeof profileInput>;

const nameOf = (item: { name?: string | undefined; id: string }, label: string) =>
  `${label} "${item.name ?? item.id}"`;

function missing(field: string, what: string): ValidationIssue {
  return { field, message: `the selected ${what} does not exist` };
}

/** Each entity's rules, views and links, bound to one store. */
export function entitySpecs(host: StoreHost, has: HasSecret, builtIns: () => Environment[]) {
  const environments: EntitySpec<StoredEnvironment, EnvironmentInput, Environment> = {
    key: 'environments',
    label: 'environment',
    input: environmentInput,
    secretFields: [],
    view: customEnvironment,
    // Limitation: built-ins are read-only; to post Podio's JSON style, add a custom environment.
    builtIns,
    usedBy: (id, data) =>
      data.profiles.filter((p) => p.environmentRef === id).map((p) => nameOf(p, 'profile')),
  };

  const clients: EntitySpec<StoredClient, ClientInput, ClientView> = {
    key: 'clients',
    label: 'client',
    input: clientInput,
    secretFields: ['clientSecret'],
    view: (client) => clientView(client, has),
    usedBy: (id, data) => [
      ...data.apps.filter((a) => a.clientRef === id).map((a) => nameOf(a, 'app')),
      ...data.profiles.filter((p) => p.clientRef === id).map((p) => nameOf(p, 'profile')),
    ],
  };

  const apps: EntitySpec<StoredApp, AppInput, AppView> = {
    key: 'apps',
    label: 'app',
    input: appInput,
    secretFields: ['appToken'],
    view: (app) => appView(app, has),
    references: (app, data) =>
      data.clients.some((c) => c.id === app.clientRef) ? [] : [missing('clientRef', 'client')],
    usedBy: (id, data) =>
      data.profiles.filter((p) => p.appRef === id).map((p) => nameOf(p, 'profile')),
  };

  const logins: EntitySpec<StoredLogin, LoginInput, LoginView> = {
    key: 'logins',
    label: 'login',
    input: loginInput,
    secretFields: ['password'],
    view: (login) => loginView(login, has),
    usedBy: (id, data) =>
      data.profiles.filter((p) => p.loginRef === id).map((p) => nameOf(p, 'profile')),
  };

  const profiles: EntitySpec<StoredProfile, ProfileInput, ProfileView> = {
    key: 'profiles',
    label: 'profile',
    input: profileInput,
    secretFields: [],
    view: profileView,
    references: profileReferences,
    afterDelete: (id, data): StoreData => {
      const settings = { ...data.settings };
      if (settings.lastProfileRef === id) delete settings.lastProfileRef;
      return { ...data, tokens: data.tokens.filter((t) => t.profileRef !== id), settings };
    },
  };

  return { environments, clients, apps, logins, profiles };
}

function profileReferences(profile: StoredProfile, data: StoreData): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const env = profile.environmentRef;
  if (!BUILT_IN_ENVIRONMENT_IDS.has(env) && !data.environments.some((e) => e.id === env)) {
    issues.push(missing('environmentRef', 'environment'));
  }
  if (!data.clients.some((c) => c.id === profile.clientRef)) {
    issues.push(missing('clientRef', 'client'));
  }
  const app =
    profile.appRef === undefined ? undefined : data.apps.find((a) => a.id === profile.appRef);
  if (profile.appRef !== undefined && !app) {
    issues.push(missing('appRef', 'app'));
  } else if (app && app.clientRef !== profile.clientRef) {
    issues.push({ field: 'appRef', message: 'the selected app belongs to another client' });
  }
  if (profile.loginRef !== undefined && !data.logins.some((l) => l.id === profile.loginRef)) {
    issues.push(missing('loginRef', 'login'));
  }
  return issues;
}
