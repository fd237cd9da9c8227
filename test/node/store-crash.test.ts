import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAesBox } from '../../main/store/aes-box';
import { openProfileStore } from '../../main/store/profile-store';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CHILD = path.join(import.meta.dirname, 'store-crash-child.ts');
const ROUNDS = 4;

let child: ChildProcess | null = null;
const dirs: string[] = [];

// tsx runs the script in a node process of its own, so the whole process group is killed.
function killGroup(proc: ChildProcess): void {
  if (proc.pid !== undefined && proc.exitCode === null && proc.signalCode === null) {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

afterEach(() => {
  if (child) killGroup(child);
  child = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs the writer, waits for its first save, kills it ~300 ms later; resolves on its exit. */
function writeThenKill(dir: string, key: Buffer): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const proc = spawn(TSX, [CHILD, dir], {
      cwd: ROOT,
      detached: true,
      env: { ...process.env, STORE_KEY: key.toString('hex') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) setTimeout(() => killGroup(proc), 300);
    });
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === null) reject(new Error(`writer exited by itself (${code}): ${stderr}`));
      else resolve(signal);
    });
  });
}

describe('a store write killed mid-way', () => {
  it(
    'leaves a file that loads cleanly, every time',
    async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const dir = mkdtempSync(path.join(tmpdir(), 'workbench-crash-'));
        dirs.push(dir);
        const key = randomBytes(32);
        expect(await writeThenKill(dir, key)).toBe('SIGKILL');

        const store = openProfileStore({ dir, secretBox: createAesBox(key) });
        const clients = store.clients.list();
        console.log(`round ${round + 1}: ${clients.length} clients saved before the kill`);
        expect(store.recovery).toBeNull();
        expect(clients.length).toBeGreaterThan(1);
        for (const client of clients) {
          expect(store.revealSecret('client', client.id, 'clientSecret').value).not.toBeNull();
        }
        expect(readdirSync(dir)).toEqual(['profiles.json']);
      }
    },
    ROUNDS * 10_000,
  );
});
