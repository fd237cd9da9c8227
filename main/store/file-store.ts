import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { scoped } from '../log';
import { StoreError } from './errors';
import type { PathIssue } from './errors';
import { decodeStore } from './recover';
import type { LoadProblem } from './recover';
import { emptyData } from './schema';
import type { StoreData } from './schema';

/*
 * Why not conf / electron-store for the file: conf reads and validates the file inside its
 * constructor and throws on bad JSON, or, with clearInvalidConfig, returns {} and lets the next
 * write replace the damaged file — the data is gone and nobody is told. Its ajv schema check
 * is all or nothing, so one bad entry would cost the whole file. Its atomic write (the
 * `atomically` package) also falls back to a plain overwrite under Snap and on EXDEV. The
 * store needs to keep the bad copy, salvage entry by entry, and say what happened, so it does
 * its own small read/write here: temp file in the same folder, fsync, rename, fsync the folder.
 */

const log = scoped('store');

/** Shown to the user once after start when the file needed repair. */
export interface RecoveryNotice {
  problem: LoadProblem | 'unreadable';
  /** A sentence for the user, naming where the original was kept. */
  message: string;
  /** The kept copy of the original file, byte for byte. */
  keptAt: string;
  dropped: PathIssue[];
}

export interface StoreFile {
  readonly path: string;
  readonly data: StoreData;
  readonly recovery: RecoveryNotice | null;
  /** Replaces the file atomically: a reader sees the old or the new content, never a mix. */
  save: (data: StoreData) => void;
}

export interface StoreFileOptions {
  dir: string;
  /** File name without extension; the store lives in `<dir>/<name>.json`. */
  name?: string;
  now?: () => Date;
}

const tempPrefix = (file: string) => `${path.basename(file)}.tmp-`;

/** Writes to a temp file beside the target, flushes it to disk, then renames it over the target. */
export function writeFileAtomic(file: string, contents: string | Buffer): void {
  const temp = `${file}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  // Owner-only: the file holds ciphertext of secrets,
  // and names and URLs that are nobody's business.
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, contents);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(path.dirname(file));
}

// The rename is only durable once the folder entry is flushed; Windows cannot open folders.
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort: the data itself is already on disk.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

// Temp files are only left behind by a crash mid-write; the target was never touched then.
function removeStaleTemps(file: string): void {
  const prefix = tempPrefix(file);
  for (const entry of fs.readdirSync(path.dirname(file))) {
    if (entry.startsWith(prefix)) fs.rmSync(path.join(path.dirname(file), entry), { force: true });
  }
}

/**
 * `<name>.corrupt-<ISO time>.json` (or `.newer-` for a file from a newer app), colons swapped
 * for dashes so Windows accepts the name.
 */
function asidePath(file: string, name: string, now: Date, label = 'corrupt'): string {
  const stamp = now.toISOString().replace(/:/g, '-');
  let candidate = path.join(path.dirname(file), `${name}.${label}-${stamp}.json`);
  for (let n = 1; fs.existsSync(candidate); n += 1) {
    candidate = path.join(path.dirname(file), `${name}.${label}-${stamp}-${n}.json`);
  }
  return candidate;
}

function describe(
  problem: RecoveryNotice['problem'],
  keptAt: string,
  dropped: number,
  loadedAny: boolean,
): string {
  const kept = `The original file was kept at ${keptAt}.`;
  switch (problem) {
    case 'unreadable':
      return `The saved profiles could not be opened, so the app started empty. ${kept}`;
    case 'corrupt':
      return loadedAny
        ? `The saved profiles file was damaged; what could be read was loaded. ${kept}`
        : `The saved profiles file was damaged and nothing could be read from it. ${kept}`;
    case 'newer_version':
      return (
        'The saved profiles were written by a newer version of the app; entries this version ' +
        'understands were loaded. The file is rewritten in this version’s format only when you ' +
        `change something. ${kept}`
      );
    case 'invalid_entries':
      return (
        `${dropped} problem${dropped === 1 ? ' was' : 's were'} found in the saved profiles; ` +
        `the entries affected were left out and everything else was loaded. ${kept}`
      );
  }
}

function hasEntries(data: StoreData): boolean {
  return [data.environments, data.clients, data.apps, data.logins, data.profiles].some(
    (list) => list.length > 0,
  );
}

/** Opens (or creates) the store file, repairing and reporting a damaged one. */
export function openStoreFile(options: StoreFileOptions): StoreFile {
  const name = options.name ?? 'profiles';
  const now = options.now ?? (() => new Date());
  const file = path.join(options.dir, `${name}.json`);
  fs.mkdirSync(options.dir, { recursive: true });
  removeStaleTemps(file);

  // Limitation: every change rewrites and fsyncs the whole file synchronously (a few ms, tens
  // of ms for thousands of tokens); simple and crash-safe, but not built for very large stores.
  // Limitation: one writer is assumed; a second app instance would overwrite this one's saves
  // (the app takes Electron's single-instance lock).
  const save = (data: StoreData) => writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
  const result = (data: StoreData, recovery: RecoveryNotice | null): StoreFile => ({
    path: file,
    data,
    recovery,
    save,
  });

  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    if (code === 'ENOENT') return result(emptyData(), null);
    const keptAt = asidePath(file, name, now());
    try {
      fs.renameSync(file, keptAt);
    } catch {
      // Writing over a file we could neither read nor move would destroy it: refuse to start.
      // Limitation: the app then has no store this run; it must show this error and stop.
      throw new StoreError(
        'io',
        `The saved profiles at ${file} cannot be read or moved (${code}).`,
      );
    }
    log.warn('store file unreadable, moved aside', { errno: code, keptAt });
    const notice = { problem: 'unreadable' as const, keptAt, dropped: [] };
    return result(emptyData(), { ...notice, message: describe('unreadable', keptAt, 0, false) });
  }

  const decoded = decodeStore(bytes);
  if (decoded.problem === null) {
    if (decoded.migratedFrom !== null) {
      save(decoded.data);
      log.info('store migrated', { from: decoded.migratedFrom });
    }
    return result(decoded.data, null);
  }

  // Keep the original byte for byte before the repaired data replaces it.
  const newer = decoded.problem === 'newer_version';
  const keptAt = asidePath(file, name, now(), newer ? 'newer' : 'corrupt');
  writeFileAtomic(keptAt, bytes);
  // A newer app's file stays as it is until the person changes something here.
  if (!newer) save(decoded.data);
  log.warn('store file repaired', {
    problem: decoded.problem,
    keptAt,
    dropped: decoded.dropped.map((issue) => issue.path),
  });
  return result(decoded.data, {
    problem: decoded.problem,
    message: describe(decoded.problem, keptAt, decoded.dropped.length, hasEntries(decoded.data)),
    keptAt,
    dropped: decoded.dropped,
  });
}
