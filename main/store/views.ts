import type {
  AppView,
  ClientView,
  LoginView,
  ProfileView,
  SettingsView,
  TokenView,
} from '../../preload/contract';
import type { Environment } from './environments';
import type { StoredApp, StoredClient, StoredLogin, StoredProfile, StoredToken } from './schema';
import type { SealedSecret } from './secret-box';

/*
 * What the renderer may see: every field but secret values, which appear only as has* flags.
 * revealSecret() hands out one value at a time, when the person asks for it.
 */

export type EnvironmentView = Environment;
export type { AppView, ClientView, LoginView, ProfileView, SettingsView, TokenView };

/** Tells whether a sealed value is present and not known to be unreadable. */
export type HasSecret = (sealed: SealedSecret | null | undefined) => boolean;

export function clientView(client: StoredClient, has: HasSecret): ClientView {
  const { clientSecret, ...rest } = client;
  return { ...rest, hasSecret: has(clientSecret) };
}

export function appView(app: StoredApp, has: HasSecret): AppView {
  const { appToken, ...rest } = app;
  return { ...rest, hasSecret: has(appToken) };
}

export function loginView(login: StoredLogin, has: HasSecret): LoginView {
  const { password, ...rest } = login;
  return { ...rest, hasSecret: has(password) };
}

export function profileView(profile: StoredProfile): ProfileView {
  return { ...profile };
}

export function tokenView(token: StoredToken, has: HasSecret): TokenView {
  const { accessToken, refreshToken, secretExtra, issuedBy, refreshed, ...rest } = token;
  return {
    ...rest,
    issuedBy: issuedBy ?? null,
    refreshed: refreshed ?? false,
    extra: { ...rest.extra },
    secretExtraKeys: Object.keys(secretExtra ?? {}),
    hasAccessToken: has(accessToken),
    hasRefreshToken: has(refreshToken),
  };
}
