import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/e2e/app-page';
import { ensureChromium } from '../test/e2e/chromium';

/** `npm run icon`: renders build/icon.svg to build/icon.png (1024×1024) for electron-builder. */
async function main(): Promise<void> {
  const svg = await readFile('build/icon.svg', 'utf8');
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
    await page.setContent(
      '<html><body style="margin:0;background:transparent">' +
        svg.replace('<svg ', '<svg width="1024" height="1024" ') +
        '</body></html>',
    );
    await page.screenshot({ path: 'build/icon.png', omitBackground: true });
    console.log('wrote build/icon.png');
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
