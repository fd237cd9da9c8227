import { chromium } from 'playwright-core';
import { startHarness } from '../test/harness/server';
import type { Page } from 'playwright-core';
import type { SandboxInfo } from '../preload/contract';
import { CHROMIUM_ARGS, mainValue } from '../test/e2e/app-page';
import { ensureChromium } from '../test/e2e/chromium';

/** A client with an app, and a profile for it, saved through the page's own bridge. */
async function saveDemoProfile(page: Page): Promise<void> {
  const { demo } = await mainValue<SandboxInfo>(page, 'sandbox:info');
  const save = (kind: string, input: object) =>
    mainValue<{ id: string }>(page, 'entity:save', { kind, id: null, input });
  const client = await save('client', {
    name: 'Acme sync',
    clientId: demo.clientId,
    clientSecret: demo.clientSecret,
  });
  const app = await save('app', {
    name: 'Invoices',
    appId: demo.appId,
    appToken: demo.appToken,
    clientRef: client.id,
  });
  const login = await save('login', { username: demo.username, password: demo.password });
  await save('profile', {
    name: 'Invoices app',
    environmentRef: 'sandbox',
    clientRef: client.id,
    appRef: app.id,
  });
  await save('profile', {
    name: 'Demo user',
    environmentRef: 'sandbox',
    clientRef: client.id,
    loginRef: login.id,
  });
}

/**
 * `npm run screenshot`: the README's pictures, taken through the harness: the quick exchange
 * after a sandbox token with the password grant (docs/main-screen.png), and a saved profile
 * with its token history (docs/saved-profiles.png).
 */
async function main(): Promise<void> {
  const harness = await startHarness();
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 820 },
      deviceScaleFactor: 1,
    });
    await page.emulateMedia({ colorScheme: process.argv.includes('--dark') ? 'dark' : 'light' });
    await page.goto(harness.url);
    await page.getByRole('radio', { name: 'Password', exact: true }).check();
    await page.getByRole('button', { name: 'Get token' }).click();
    await page.getByTestId('countdown').waitFor();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: 'docs/main-screen.png' });
    console.log('wrote docs/main-screen.png');

    await saveDemoProfile(page);
    await page.reload();
    await page.getByRole('option', { name: 'Invoices app', exact: true }).click();
    for (let i = 0; i < 2; i += 1) {
      await page.getByRole('button', { name: 'Get token' }).click();
      await page.getByTestId('countdown').waitFor();
      await page.waitForTimeout(1100);
    }
    await page.screenshot({ path: 'docs/saved-profiles.png' });
    console.log('wrote docs/saved-profiles.png');
  } finally {
    await browser.close();
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
