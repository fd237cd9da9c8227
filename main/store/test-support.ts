import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAesBox } from './aes-box';
import { openProfileStore } from './profile-store';
import type { ProfileStore, ProfileStoreOptions } from './profile-store';
import type { SecretBox } from './secret-box';

/*
 * Shared by the store's tests: real temp folders, a real AES box, and a stand-in for Linux's
 * basic_text safeStorage backend (reversible, flagged plain text).
 */

export function makeTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'workbench-store-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Like safeStorage's basic_text backend: the bytes are not readable as-is, but not protected. */
export function plainTextBox(): SecretBox {
  return {
    encrypt: (plain) => Buffer.from(plain, 'utf8').reverse().toString('base64'),
    decrypt: (cipher) => Buffer.from(cipher, 'base64').reverse().toString('utf8'),
    isPlainText: () => true,
  };
}

export function openTestStore(
  dir: string,
  secretBox: SecretBox = createAesBox(),
  extra: Partial<ProfileStoreOptions> = {},
): ProfileStore {
  return openProfileStore({ dir, secretBox, ...extra });
}

export const SECRETS = {
  clientSecret: 'client-secret-Zq81vNw0pL',
  appToken: 'app-token-3bT7xKpq0a',
  password: 'login-password-Hy55rWcs',
  accessToken: 'access-token-M0n9bQ2zLx',
  refreshToken: 'refresh-token-Pz7kC1vRt8',
  transferToken: 'transfer-token-Ws4dE6gY',
} as const;

/** One of every entity, with every secret set. */
export function seed(store: ProfileStore) {
  const environment = store.environments.create({
    name: 'Staging',
    tokenUrl: 'https://staging.example.com/oauth/token',
    authorizeUrl: 'https://staging.example.com/oauth/authorize',
    apiBaseUrl: 'https://staging.example.com',
    verifyPath: '/user/status',
    wireStyle: 'json',
  });
  const client = store.clients.create({
    name: 'Acme',
    clientId: 'acme-sync',
    clientSecret: SECRETS.clientSecret,
    redirectUri: 'http://localhost:8123/callback',
    fixedPort: 8123,
  });
  const app = store.apps.create({
    name: 'Invoices',
    appId: '123456',
    appToken: SECRETS.appToken,
    clientRef: client.id,
  });
  const login = store.logins.create({
    name: 'Alice',
    username: 'alice@example.com',
    password: SECRETS.password,
  });
  const userProfile = store.profiles.create({
    name: 'Alice on staging',
    environmentRef: environment.id,
    clientRef: client.id,
    loginRef: login.id,
  });
  const appProfile = store.profiles.create({
    name: 'Invoices app',
    environmentRef: 'podio',
    clientRef: client.id,
    appRef: app.id,
  });
  return { environment, client, app, login, userProfile, appProfile };
}

export function fileText(file: string): string {
  return readFileSync(file, 'utf8');
}

export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}
