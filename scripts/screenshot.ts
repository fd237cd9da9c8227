import { chromium } from 'playwright-core';
import { startHarness } from '../test/harness/server';
import { CHROMIUM_ARGS } from '../test/e2e/app-page';
import { ensureChromium } from '../test/e2e/chromium';

/**
 * `npm run screenshot`: the README's picture of the main screen, taken through the harness after
 * getting a sandbox token with the password grant. Writes docs/main-screen.png.
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
    const out = process.argv.find((arg) => arg.endsWith('.png')) ?? 'docs/main-screen.png';
    await page.screenshot({ path: out, fullPage: false });
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
    await harness.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
