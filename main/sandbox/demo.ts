import type { SandboxDemo } from '../../preload/contract';

/**
 * The sandbox's built-in accounts. Fixed values, so a person can paste them from the docs and a
 * test can name them; they open nothing but this loopback server.
 */
export const DEFAULT_DEMO: SandboxDemo = {
  clientId: 'workbench-demo',
  clientSecret: 'Vq7RkT2mXc9LpB4sWn6HyJ3dGf8ZaE5uKo1NiQ0t',
  username: 'demo@example.com',
  password: 'demo-password',
  appId: '4242',
  appToken: '5f1c9a7e3b2d48c6a0e9f7b1d3c5a8e2',
};

/** A second login, so tests can tell two users' tokens apart. */
export const SECOND_LOGIN = {
  username: 'second@example.com',
  password: 'second-password',
  userId: 2345678,
} as const;

/** A login with two-factor sign-in: the password grant answers a server_nonce, not a token. */
export const TWO_FACTOR_LOGIN = {
  username: 'two-factor@example.com',
  password: 'demo-password',
} as const;

/** A second app, so an app token can be shown not to reach another app. */
export const SECOND_APP = {
  appId: '4343',
  appToken: 'c2a8e61f0b9d47e3a5c1f8d2b6e049a7',
} as const;

export const DEMO_USER_ID = 1234567;

export interface SandboxLogin {
  username: string;
  password: string;
  userId: number;
  name: string;
  twoFactor: boolean;
}

export interface SandboxApp {
  appId: string;
  appToken: string;
  name: string;
}

/** Who the sandbox knows: one client, its logins and its apps. */
export interface SandboxDirectory {
  demo: SandboxDemo;
  logins: SandboxLogin[];
  apps: SandboxApp[];
}

/** The directory for a (possibly overridden) demo, with the extra accounts beside it. */
export function buildDirectory(demo: SandboxDemo): SandboxDirectory {
  return {
    demo,
    logins: [
      {
        username: demo.username,
        password: demo.password,
        userId: DEMO_USER_ID,
        name: 'Demo User',
        twoFactor: false,
      },
      { ...SECOND_LOGIN, name: 'Second User', twoFactor: false },
      { ...TWO_FACTOR_LOGIN, userId: 3456789, name: 'Two-Factor User', twoFactor: true },
    ],
    apps: [
      { appId: demo.appId, appToken: demo.appToken, name: 'Demo App' },
      { ...SECOND_APP, name: 'Second App' },
    ],
  };
}

/** Podio's app ids are numbers on the wire; a non-numeric override stays a string. */
export function appRefId(appId: string): number | string {
  return /^\d{1,15}$/.test(appId) ? Number(appId) : appId;
}
