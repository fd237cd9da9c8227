import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listPackage } from '@electron/asar';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's shipped fuse defaults, in @electron/fuses' V1 order: RunAsNode, CookieEncryption,
// NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, FileProtocol.
const SHIPPED_WIRE = '10110001';

let work: string;
let unpacked: string;

/**
 * Packs the app with electron-builder against a stand-in Electron dist (the real binary cannot be
 * downloaded here): a file carrying the fuse sentinel and Electron's default fuse wire, so the
 * fuse step runs for real and the test can read what it flipped.
 */
beforeAll(() => {
  if (!existsSync(join(root, 'out/main/index.js'))) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('electron-vite build failed');
  }
  work = mkdtempSync(join(tmpdir(), 'workbench-pack-'));
  const dist = join(work, 'electron-dist');
  mkdirSync(dist);
  const binary = Buffer.concat([
    Buffer.from('stand-in electron binary\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, SHIPPED_WIRE.length]),
    Buffer.from(SHIPPED_WIRE),
  ]);
  writeFileSync(join(dist, 'electron'), binary);
  chmodSync(join(dist, 'electron'), 0o755);
  const version: string = (require('electron/package.json') as { version: string }).version;
  writeFileSync(join(dist, 'version'), version);
  execFileSync(
    join(root, 'node_modules/.bin/electron-builder'),
    ['--linux', '--dir', `-c.electronDist=${dist}`, `-c.directories.output=${join(work, 'out')}`],
    { cwd: root, stdio: 'pipe', timeout: 120_000 },
  );
  unpacked = join(work, 'out/linux-unpacked');
}, 150_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packaging with electron-builder', () => {
  it('has a config that electron-builder’s own JSON schema accepts', () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('ships only the built bundles, package.json and production dependencies', () => {
    const files = listPackage(join(unpacked, 'resources/app.asar'), { isPack: false });
    const outside = files.filter(
      (file) => !/^\/(out|node_modules)(\/|$)/.test(file) && file !== '/package.json',
    );
    expect(outside).toEqual([]);
    expect(files).toContain('/out/main/index.js');
    expect(files).toContain('/out/preload/index.cjs');
    expect(files).toContain('/out/renderer/index.html');
    const modules = new Set(files.map((file) => /^\/node_modules\/([^/]+)/.exec(file)?.[1]));
    for (const dev of ['vitest', 'playwright-core', 'electron-builder', 'typescript', 'react']) {
      expect(modules.has(dev), `${dev} must not ship`).toBe(false);
    }
    expect(modules.has('zod')).toBe(true);
    expect(modules.has('electron-log')).toBe(true);
  });

  it('flips the fuses that would let the binary run as a plain Node runtime', () => {
    const binary = readFileSync(join(unpacked, 'token-workbench'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length + 2;
    const wire = binary.subarray(at, at + SHIPPED_WIRE.length).toString();
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, ASAR integrity on,
    // only-load-from-ASAR on; V8 snapshot and file-protocol privileges left as shipped.
    expect(wire).toBe('01001101');
  });
});
