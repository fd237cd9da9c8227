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

/** Calls main through the page's own bridge, as the renderer would; answers the envelope. */
export function callMain(page: Page, channel: string, payload?: unknown): Promise<unknown> {
  return page.evaluate(
    ([name, body]) => {
      const bridge = (
        globalThis as unknown as {
          workbenchBridge: { invoke(channel: string, payload: unknown): Promise<unknown> };
        }
      ).workbenchBridge;
      return bridge.invoke(name, body);
    },
    [channel, payload] as const,
  );
}

/** callMain for a call that must succeed: its value, or a thrown error with main's message. */
export async function mainValue<T>(page: Page, channel: string, payload?: unknown): Promise<T> {
  const reply = (await callMain(page, channel, payload)) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.message}`);
  return reply.value;
}
