import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkbenchBridge } from '../../preload/contract';

const root = resolve(import.meta.dirname, '../..');
const bundle = resolve(root, 'out/preload/index.cjs');

let exposed: Map<string, unknown>;
let ipcInvoke: ReturnType<typeof vi.fn>;

/** Runs the built preload as a sandboxed preload would: CommonJS, only `electron` to require. */
beforeAll(() => {
  if (!existsSync(bundle)) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('electron-vite build failed');
  }
  exposed = new Map();
  ipcInvoke = vi.fn(() => Promise.resolve({ ok: true, value: 'from main' }));
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: { invoke: ipcInvoke, on: vi.fn(), removeListener: vi.fn() },
  };
  const module = { exports: {} };
  const sandboxedRequire = (id: string) => {
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${id}"`);
  };
  runInNewContext(readFileSync(bundle, 'utf8'), {
    require: sandboxedRequire,
    module,
    exports: module.exports,
    Promise,
  });
});

describe('the built preload bundle', () => {
  it('is CommonJS that needs nothing but electron, and exposes only the bridge', () => {
    expect([...exposed.keys()]).toEqual(['workbenchBridge']);
  });

  it('forwards contract channels to ipcRenderer.invoke', async () => {
    const bridge = exposed.get('workbenchBridge') as WorkbenchBridge;
    await expect(bridge.invoke('app:info', undefined)).resolves.toEqual({
      ok: true,
      value: 'from main',
    });
    expect(ipcInvoke).toHaveBeenCalledWith('app:info', undefined);
  });

  it('refuses a channel outside the contract without reaching main', async () => {
    ipcInvoke.mockClear();
    const bridge = exposed.get('workbenchBridge') as {
      invoke(channel: string, payload: unknown): Promise<unknown>;
    };
    await expect(bridge.invoke('fs:read', '/etc/passwd')).resolves.toMatchObject({ ok: false });
    expect(ipcInvoke).not.toHaveBeenCalled();
  });
});
