import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxInfo } from '../../preload/contract';
import { mainValue, openApp, type AppSession } from './app-page';

let session: AppSession;

beforeEach(async () => {
  session = await openApp();
});

afterEach(async () => {
  await session.close();
});

async function getToken(grantName: 'Password' | 'App'): Promise<void> {
  const { page } = session;
  await page.getByRole('radio', { name: grantName, exact: true }).check();
  await page.getByRole('button', { name: 'Get token' }).click();
}

describe('a new user on the sandbox', () => {
  it('gets a token with the password grant, sees it decoded with a ticking countdown', async () => {
    const { page } = session;
    await expect
      .poll(() => page.getByLabel('Client ID', { exact: true }).inputValue())
      .not.toBe('');
    // Typed by hand, as a person copying the sandbox's demo credentials would.
    const { demo } = await mainValue<SandboxInfo>(page, 'sandbox:info');
    for (const [label, value] of [
      ['Client ID', demo.clientId],
      ['Client secret', demo.clientSecret],
      ['Username', demo.username],
      ['Password', demo.password],
    ] as const) {
      const input = page.getByLabel(label, { exact: true });
      await input.fill('');
      await input.pressSequentially(value);
    }
    await getToken('Password');

    const countdown = page.getByTestId('countdown');
    await countdown.waitFor();
    const first = await countdown.textContent();
    expect(first).toMatch(/^0[78]:\d\d:\d\d$/);
    await expect.poll(() => countdown.textContent(), { timeout: 4000 }).not.toBe(first);

    for (const field of ['access_token', 'token_type', 'expires_in', 'refresh_token', 'ref']) {
      await page.getByTestId(`field-${field}`).waitFor();
    }
    expect(await page.getByTestId('field-token_type').textContent()).toContain('bearer');
    expect(await page.getByTestId('field-ref').textContent()).toMatch(/user/);
    expect(await page.getByTestId('status-line').textContent()).toMatch(/200/);
    expect(session.pageErrors).toEqual([]);
  });

  it('gets a token with the app grant, owned by the demo app', async () => {
    const { page } = session;
    await expect.poll(() => page.getByLabel('App ID', { exact: true }).inputValue()).toBe('4242');
    await getToken('App');
    await page.getByTestId('countdown').waitFor();
    expect(await page.getByTestId('field-ref').textContent()).toMatch(/app[^0-9]*4242/);
  });

  it('replaces the token when Refresh is pressed', async () => {
    const { page } = session;
    await expect
      .poll(() => page.getByLabel('Client ID', { exact: true }).inputValue())
      .not.toBe('');
    await getToken('Password');
    const accessRow = page.getByTestId('field-access_token');
    await accessRow.waitFor();
    const before = await accessRow.textContent();

    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect.poll(() => accessRow.textContent()).not.toBe(before);
    await page.getByTestId('countdown').waitFor();
    expect(await page.getByTestId('status-line').textContent()).toMatch(/200/);
  });

  it("shows the server's error description for a wrong password", async () => {
    const { page } = session;
    await expect.poll(() => page.getByLabel('Password', { exact: true }).inputValue()).not.toBe('');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await getToken('Password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Invalid user credentials');
    expect(await page.getByTestId('countdown').count()).toBe(0);
  });
});
