import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxInfo, StoreSnapshot } from '../../preload/contract';
import { SECOND_APP } from '../../main/sandbox/demo';
import { mainValue, openApp, type AppSession } from './app-page';

const sessions: AppSession[] = [];

async function open(): Promise<AppSession> {
  const session = await openApp();
  sessions.push(session);
  await session.page.getByRole('button', { name: 'Quick exchange' }).waitFor();
  return session;
}

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
});

const form = (page: Page, name: string): Locator => page.getByRole('form', { name });
const field = (scope: Locator, label: string): Locator => scope.getByLabel(label, { exact: true });
const button = (scope: Page | Locator, name: string): Locator =>
  scope.getByRole('button', { name, exact: true });

async function createEnvironment(page: Page, sandboxUrl: string): Promise<void> {
  await button(page, 'Environments').click();
  await button(page, 'New environment').click();
  const environment = form(page, 'Environment');
  await field(environment, 'Name').fill('Local sandbox');
  await field(environment, 'Token URL').fill(`${sandboxUrl}/oauth/token`);
  await field(environment, 'Authorize URL').fill(`${sandboxUrl}/oauth/authorize`);
  await field(environment, 'API base URL').fill(sandboxUrl);
  await field(environment, 'Verify path').fill('/user/status');
  await button(environment, 'Save environment').click();
  await page.getByText('Local sandbox').first().waitFor();
}

async function createClientWithApps(page: Page, sandbox: SandboxInfo): Promise<void> {
  await button(page, 'Clients').click();
  await button(page, 'New client').click();
  const client = form(page, 'Client');
  await field(client, 'Name').fill('Acme sync');
  await field(client, 'Client ID').fill(sandbox.demo.clientId);
  await field(client, 'Client secret').fill(sandbox.demo.clientSecret);
  await button(client, 'Save client').click();
  for (const [name, appId, appToken] of [
    ['App A', sandbox.demo.appId, sandbox.demo.appToken],
    ['App B', SECOND_APP.appId, SECOND_APP.appToken],
  ] as const) {
    await button(page, 'Add app').click();
    const app = form(page, 'App');
    await field(app, 'Name').fill(name);
    await field(app, 'App ID').fill(appId);
    await field(app, 'App token').fill(appToken);
    await button(app, 'Save app').click();
    await page.getByText(name).first().waitFor();
  }
}

async function createProfile(page: Page, name: string, app: string): Promise<void> {
  await button(page, 'New profile').click();
  const profile = form(page, 'Profile');
  await field(profile, 'Name').fill(name);
  await field(profile, 'Environment').selectOption({ label: 'Local sandbox' });
  await field(profile, 'Client').selectOption({ label: 'Acme sync' });
  await field(profile, 'App').selectOption({ label: app });
  await button(profile, 'Save profile').click();
  await page.getByRole('option', { name, exact: true }).waitFor();
}

async function getAppToken(page: Page): Promise<string> {
  await page.getByRole('radio', { name: 'App', exact: true }).check();
  await button(page, 'Get token').click();
  await page.getByTestId('countdown').waitFor();
  return (await page.getByTestId('field-ref').textContent()) ?? '';
}

async function openProfile(page: Page, name: string): Promise<void> {
  await page
    .getByRole('listbox', { name: 'Saved profiles' })
    .getByRole('option', { name, exact: true })
    .click();
}

describe('saved profiles', () => {
  it(
    'keeps an environment, a client with two apps and a profile per app, ' +
      'each with its own tokens',
    async () => {
      const { page } = await open();
      const sandbox = await mainValue<SandboxInfo>(page, 'sandbox:info');
      await createEnvironment(page, sandbox.url ?? '');
      await createClientWithApps(page, sandbox);

      await createProfile(page, 'Profile A', 'App A');
      expect(await getAppToken(page)).toMatch(/app\D*4242/);
      await createProfile(page, 'Profile B', 'App B');
      expect(await getAppToken(page)).toMatch(new RegExp(`app\\D*${SECOND_APP.appId}`));

      await openProfile(page, 'Profile A');
      await expect.poll(() => page.getByTestId('field-ref').textContent()).toMatch(/app\D*4242/);
      const history = page
        .getByRole('region', { name: 'Token history' })
        .getByTestId('history-token');
      await expect.poll(() => history.count()).toBe(1);
      expect(await history.first().textContent()).toMatch(/4242/);
      expect(await history.first().getByTestId('history-countdown').textContent()).toMatch(
        /^0[78]:\d\d:\d\d$/,
      );

      await openProfile(page, 'Profile B');
      await expect
        .poll(() => page.getByTestId('field-ref').textContent())
        .toMatch(new RegExp(`app\\D*${SECOND_APP.appId}`));
      await expect.poll(() => history.count()).toBe(1);
      expect(await history.first().textContent()).not.toMatch(/4242/);
    },
  );

  it('filters 1,000 profiles in the sidebar without visible delay', async () => {
    const { page } = await open();
    const file = exportFileWithProfiles(1000);
    await mainValue(page, 'transfer:import', { json: JSON.stringify(file), passphrase: null });
    await page.reload();
    const count = page.getByTestId('profile-count');
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toMatch(/^1000 profiles/);

    const started = Date.now();
    await page.getByLabel('Search profiles').fill('Profile 0777');
    await expect.poll(() => count.textContent(), { interval: 10 }).toMatch(/^1 of 1000 profiles/);
    const filterMs = Date.now() - started;
    console.log(
      `sidebar filter over 1,000 profiles: ${filterMs} ms (Playwright round trips included)`,
    );
    expect(filterMs).toBeLessThan(1000);
    await page.getByRole('option', { name: 'Profile 0777', exact: true }).waitFor();
  });
});

describe('import and export', () => {
  async function setUp(session: AppSession): Promise<SandboxInfo> {
    const sandbox = await mainValue<SandboxInfo>(session.page, 'sandbox:info');
    const client = await mainValue<{ id: string }>(session.page, 'entity:save', {
      kind: 'client',
      id: null,
      input: {
        name: 'Acme sync',
        clientId: sandbox.demo.clientId,
        clientSecret: sandbox.demo.clientSecret,
      },
    });
    const app = await mainValue<{ id: string }>(session.page, 'entity:save', {
      kind: 'app',
      id: null,
      input: {
        name: 'App A',
        appId: sandbox.demo.appId,
        appToken: sandbox.demo.appToken,
        clientRef: client.id,
      },
    });
    await mainValue(session.page, 'entity:save', {
      kind: 'profile',
      id: null,
      input: { name: 'Profile A', environmentRef: 'sandbox', clientRef: client.id, appRef: app.id },
    });
    await session.page.reload();
    return sandbox;
  }

  async function exportThroughUi(page: Page, passphrase: string | null): Promise<string> {
    await button(page, 'Export…').click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    if (passphrase) {
      await dialog.getByLabel('Include secrets').check();
      await field(dialog, 'Passphrase').fill(passphrase);
      await field(dialog, 'Repeat passphrase').fill(passphrase);
    }
    const download = page.waitForEvent('download');
    await button(dialog, 'Export file').click();
    const path = await (await download).path();
    return readFile(path, 'utf8');
  }

  async function importThroughUi(page: Page, json: string, passphrase: string | null) {
    await button(page, 'Import…').click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('Export file').setInputFiles({
      name: 'export.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
    if (passphrase) await field(dialog, 'Passphrase').fill(passphrase);
    await button(dialog, 'Import').click();
    return dialog;
  }

  it('exports without secrets, and an empty store imports everything but the secrets', async () => {
    const source = await open();
    const sandbox = await setUp(source);
    const json = await exportThroughUi(source.page, null);
    expect(json).not.toContain(sandbox.demo.clientSecret);
    expect(json).not.toContain(sandbox.demo.appToken);

    const target = await open();
    await importThroughUi(target.page, json, null);
    await target.page.getByRole('option', { name: 'Profile A', exact: true }).waitFor();
    const snapshot = await mainValue<StoreSnapshot>(target.page, 'store:snapshot');
    expect(snapshot.clients.map((c) => [c.name, c.clientId, c.hasSecret])).toEqual([
      ['Acme sync', sandbox.demo.clientId, false],
    ]);
    expect(snapshot.apps.map((a) => [a.name, a.appId, a.hasSecret])).toEqual([
      ['App A', sandbox.demo.appId, false],
    ]);
    expect(snapshot.profiles.map((p) => p.name)).toEqual(['Profile A']);
  });

  it('round-trips the secrets in a passphrase export', async () => {
    const source = await open();
    const sandbox = await setUp(source);
    const json = await exportThroughUi(source.page, 'correct horse battery');
    expect(json).not.toContain(sandbox.demo.clientSecret);

    const target = await open();
    await importThroughUi(target.page, json, 'correct horse battery');
    await target.page.getByRole('option', { name: 'Profile A', exact: true }).waitFor();
    const snapshot = await mainValue<StoreSnapshot>(target.page, 'store:snapshot');
    const client = snapshot.clients[0]!;
    expect(client.hasSecret).toBe(true);
    const revealed = await mainValue<{ value: string }>(target.page, 'secret:reveal', {
      entity: 'client',
      id: client.id,
      field: 'clientSecret',
    });
    expect(revealed.value).toBe(sandbox.demo.clientSecret);
    await openProfile(target.page, 'Profile A');
    expect(await getAppToken(target.page)).toMatch(/app\D*4242/);
  });

  it('lists each problem of an invalid import file with its path and changes nothing', async () => {
    const session = await open();
    await setUp(session);
    const before = await mainValue<StoreSnapshot>(session.page, 'store:snapshot');
    const bad = exportFileWithProfiles(2);
    bad.data.apps = [{ id: 'a1', name: 'Bad app', appId: 'not-a-number', clientRef: 'nowhere' }];
    const dialog = await importThroughUi(session.page, JSON.stringify(bad), null);
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('data.apps[0].appId');
    expect(text).toContain('data.apps[0].clientRef');
    // Settings (the last opened profile) follow navigation; the saved entities must not move.
    const after = await mainValue<StoreSnapshot>(session.page, 'store:snapshot');
    expect(entities(after)).toEqual(entities(before));
    expect(entities(after).profiles).toHaveLength(1);
  });
});

function entities({ environments, clients, apps, logins, profiles }: StoreSnapshot) {
  return { environments, clients, apps, logins, profiles };
}

interface ExportFile {
  format: string;
  version: number;
  exportedAt: string;
  data: {
    environments: unknown[];
    clients: unknown[];
    apps: unknown[];
    logins: unknown[];
    profiles: unknown[];
  };
}

/** An export file with one client and `count` profiles named "Profile 0000" onwards. */
function exportFileWithProfiles(count: number): ExportFile {
  return {
    format: 'token-workbench-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    data: {
      environments: [],
      clients: [{ id: 'c1', name: 'Bulk client', clientId: 'bulk-client' }],
      apps: [],
      logins: [{ id: 'l1', username: 'bulk@example.com' }],
      profiles: Array.from({ length: count }, (_, i) => ({
        id: `p${i}`,
        name: `Profile ${String(i).padStart(4, '0')}`,
        environmentRef: 'sandbox',
        clientRef: 'c1',
        loginRef: 'l1',
      })),
    },
  };
}
