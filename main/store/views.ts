import type { GrantType, TokenRef } from '../../preload/contract';
import type { Environment } from './environments';
import type { StoredApp, StoredClient, StoredLogin, StoredProfile, StoredToken } from './schema';
import type { SealedSecret } from './secret-box';

/*
 * What the renderer may see: every field but secret values, which appear only as has* flags.
 * revealSecret() hands out one value at a time, when the person asks for it.
 */

export type EnvironmentView = Environment;

export interface ClientView {
  id: string;
  name: string;
  clientId: string;
  redirectUri?: string;
  fixedPort?: number;
  hasSecret: boolean;
}

export interface AppView {
  id: string;
  name: string;
  appId: string;
  clientRef: string;
  hasSecret: boolean;
}

export interface LoginView {
  id: string;
  name?: string;
  username: string;
  hasSecret: boolean;
}

export type ProfileView = StoredProfile;

export interface TokenView {
  id: string;
  profileRef: string;
  grant: GrantType;
  receivedAt: number;
  expiresAt: number | null;
  tokenType: string;
  scope: string | null;
  ref: TokenRef | null;
  /** Extra response fields that are not secrets. */
  extra: Record<string, unknown>;
  /** Names of extra fields kept sealed; reveal them as `extra.<name>`. */
  secretExtraKeys: string[];
  hasAccessToken: boolean;
  hasRefreshToken: boolean;
}

export interface SettingsView {
  lastProfileRef?: string;
  allowPlainTextSecrets: boolean;
  /** True when the OS keeps secrets as plain text (Linux without a keyring). */
  plainTextBackend: boolean;
}

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
  const { accessToken, refreshToken, secretExtra, ...rest } = token;
  return {
    ...rest,
    extra: { ...rest.extra },
    secretExtraKeys: Object.keys(secretExtra ?? {}),
    hasAccessToken: has(accessToken),
    hasRefreshToken: has(refreshToken),
  };
}
