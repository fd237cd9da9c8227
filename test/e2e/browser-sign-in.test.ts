import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type AppSession } from './app-page';

let session: AppSession;
let systemBrowser: Page | null = null;

beforeEach(async () => {
  session = await openApp();
});

afterEach(async () => {
  await systemBrowser?.close().catch(() => undefined);
  systemBrowser = null;
  await session.close();
});

/** Starts the sign-in in the app and opens what it asked the "system browser" to open. */
async function startSignIn(): Promise<Page> {
  const { page, harness, browser } = session;
  await expect.poll(() => page.getByLabel('Client ID', { exact: true }).inputValue()).not.toBe('');
  await page.getByRole('radio', { name: 'Authorization code', exact: true }).check();
  const opened = harness.nextOpenedUrl();
  await page.getByRole('button', { name: 'Sign in with browser' }).click();
  const url = await opened;
  expect(await page.getByTestId('authorize-status').textContent()).toMatch(/waiting/i);
  expect(await page.getByTestId('redirect-uri').textContent()).toMatch(
    /^http:\/\/localhost:\d+\/callback\//,
  );
  systemBrowser = await browser.newPage();
  await systemBrowser.goto(url);
  return systemBrowser;
}

describe('sign in with browser (authorization code through the loopback listener)', () => {
  it('shows the decoded token after the person allows access in the browser', async () => {
    const browserPage = await startSignIn();
    await browserPage.getByRole('button', { name: 'Allow' }).click();
    await browserPage.waitForURL(/^http:\/\/localhost:\d+\/callback\//);
    expect(await browserPage.locator('body').textContent()).toContain('got a token');

    const { page } = session;
    await page.getByTestId('countdown').waitFor();
    expect(await page.getByTestId('countdown').textContent()).toMatch(/^0[78]:\d\d:\d\d$/);
    expect(await page.getByTestId('field-ref').textContent()).toMatch(/user/);
    expect(await page.getByTestId('authorize-status').textContent()).toMatch(/done/i);
  });

  it('says access denied in the app when the person denies access', async () => {
    const browserPage = await startSignIn();
    await browserPage.getByRole('button', { name: 'Deny' }).click();
    await browserPage.waitForURL(/^http:\/\/localhost:\d+\/callback\//);

    const alert = session.page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.toLowerCase()).toContain('access denied');
    expect(await session.page.getByTestId('countdown').count()).toBe(0);
  });

  it('cancels a sign-in that is waiting for the browser', async () => {
    const browserPage = await startSignIn();
    await session.page.getByRole('button', { name: 'Cancel sign-in' }).click();
    await expect
      .poll(() => session.page.getByTestId('authorize-status').textContent())
      .toMatch(/cancelled/i);
    await browserPage.getByRole('button', { name: 'Allow' }).click();
    expect(await session.page.getByTestId('countdown').count()).toBe(0);
  });
});
