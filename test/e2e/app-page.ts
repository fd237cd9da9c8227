import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { startHarness, type Harness, type HarnessOptions } from '../harness/server';

export interface AppSession {
  harness: Harness;
  browser: Browser;
  page: Page;
  /** Every console error and page error the renderer produced. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Flags for a quiet, offline headless Chromium that makes no background connections. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
}

/** Harness + Chromium + the app's page, opened the way a person would open the printed URL. */
export async function openApp(options: HarnessOptions = {}): Promise<AppSession> {
  const harness = await startHarness(options);
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        pageErrors.push(`${message.text()} (${message.location().url})`);
      }
    });
    await page.goto(harness.url);
    const opened = browser;
    return {
      harness,
      browser: opened,
      page,
      pageErrors,
      async close() {
        await opened.close().catch(() => undefined);
        await harness.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await harness.close();
    throw error;
  }
}
