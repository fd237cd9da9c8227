import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../preload/contract';

const root = resolve(import.meta.dirname, '../..');
const mainBundle = resolve(root, 'out/main/index.js');

interface Report {
  sandboxEnabled: boolean;
  singleInstanceLock: boolean;
  windowCount: number;
  webPreferences: Record<string, unknown> & { preload: string };
  loadedUrl: string;
  ipcChannels: string[];
  windowOpen: { action: string } | null;
  navigationAwayPrevented: boolean;
  navigationToSelfPrevented: boolean;
  permissionGranted: boolean;
  environmentsFromOwnWindow: { ok: boolean; value?: { id: string; tokenUrl: string }[] };
  environmentsFromOtherPage: { ok: boolean; error?: { kind: string } };
  environmentsFromSubframe: { ok: boolean; error?: { kind: string } };
  badPayload: { ok: boolean; error?: { kind: string; message: string } };
}

let report: Report;
let userData: string;

beforeAll(() => {
  userData = mkdtempSync(join(tmpdir(), 'workbench-smoke-'));
  if (!existsSync(mainBundle)) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('electron-vite build failed');
  }
  const out = execFileSync(
    process.execPath,
    [resolve(root, 'test/launch/run-main.mjs'), mainBundle],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, WORKBENCH_LOG_LEVEL: 'warn', FAKE_ELECTRON_USER_DATA: userData },
    },
  );
  const line = out
    .trim()
    .split('\n')
    .find((candidate) => candidate.startsWith('{"sandboxEnabled"'));
  if (!line) throw new Error(`run-main printed no report:\n${out}`);
  report = JSON.parse(line) as Report;
}, 120_000);

afterAll(() => {
  rmSync(userData, { recursive: true, force: true });
});

describe('the built main bundle, launched against a stand-in electron module', () => {
  it('creates exactly one window', () => {
    expect(report.windowCount).toBe(1);
    expect(report.singleInstanceLock).toBe(true);
    expect(report.sandboxEnabled).toBe(true);
  });

  it('gives the window the secure webPreferences', () => {
    expect(report.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('points the preload at a file the preload build produced', () => {
    expect(report.webPreferences.preload).toBe(resolve(root, 'out/preload/index.cjs'));
    expect(existsSync(report.webPreferences.preload)).toBe(true);
  });

  it('loads out/renderer/index.html', () => {
    expect(fileURLToPath(report.loadedUrl)).toBe(resolve(root, 'out/renderer/index.html'));
    expect(existsSync(fileURLToPath(report.loadedUrl))).toBe(true);
  });

  it('registers a handler for every contract channel and no other', () => {
    expect(report.ipcChannels).toEqual([...CHANNELS].sort());
  });

  it('denies new windows, navigation away and every permission', () => {
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.navigationAwayPrevented).toBe(true);
    expect(report.navigationToSelfPrevented).toBe(false);
    expect(report.permissionGranted).toBe(false);
  });

  it('answers its own window with the sandbox environment on a loopback port', () => {
    expect(report.environmentsFromOwnWindow.ok).toBe(true);
    const [sandbox] = report.environmentsFromOwnWindow.value ?? [];
    expect(sandbox?.id).toBe('sandbox');
    expect(sandbox?.tokenUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/token$/);
  });

  it('refuses calls from another page and from a subframe', () => {
    expect(report.environmentsFromOtherPage).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(report.environmentsFromSubframe).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('rejects a wrong-typed payload before the handler runs', () => {
    expect(report.badPayload.ok).toBe(false);
    expect(report.badPayload.error?.kind).toBe('validation');
    expect(report.badPayload.error?.message).toContain('tokenId');
  });

  it('ships a renderer page with a strict content security policy', () => {
    const html = readFileSync(resolve(root, 'out/renderer/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
