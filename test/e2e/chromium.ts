import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** A Chromium already on this machine: $CHROMIUM_PATH, Debian's, or Playwright's own. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return SYSTEM_PATHS.find((path) => existsSync(path)) ?? playwrightChromium();
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function tryApt(log: (line: string) => void): void {
  if (process.getuid?.() !== 0 || !hasCommand('apt-get')) return;
  log('Installing Debian chromium with apt-get (root, one time)...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  } catch {
    log('apt-get could not install chromium.');
  }
}

function tryPlaywrightDownload(log: (line: string) => void): void {
  log("Trying Playwright's own Chromium download...");
  const cli = createRequire(import.meta.url).resolve('playwright-core/cli');
  const result = spawnSync(process.execPath, [cli, 'install', 'chromium'], {
    stdio: 'inherit',
    timeout: 300_000,
  });
  if (result.status !== 0) log("Playwright's download failed (no network to its host?).");
}

/**
 * The browser tests' Chromium: found, or installed with apt (as root) or Playwright's download.
 * Throws a message saying exactly what to do when neither works.
 */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  tryApt(log);
  const afterApt = findChromium();
  if (afterApt) return afterApt;
  tryPlaywrightDownload(log);
  const afterDownload = findChromium();
  if (afterDownload) return afterDownload;
  throw new Error(
    'The browser tests need Chromium and none could be found or installed.\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium\n' +
      '  Elsewhere:     npx playwright-core install chromium\n' +
      '  Or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}
