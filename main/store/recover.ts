import type { z } from 'zod';
import { formatPath } from './errors';
import type { PathIssue } from './errors';
import { BUILT_IN_ENVIRONMENT_IDS } from './environments';
import { migrate, OLDEST_MIGRATABLE } from './migrations';
import {
  COLLECTIONS,
  CURRENT_VERSION,
  DEFAULT_SETTINGS,
  emptyData,
  settingsSchema,
} from './schema';
import type { CollectionKey, StoreData } from './schema';

/** What was wrong with a file as a whole, when anything was. */
export type LoadProblem = 'corrupt' | 'newer_version' | 'invalid_entries';

export interface Decoded {
  data: StoreData;
  problem: LoadProblem | null;
  /** Entries left out or fields cleared, by their path in the file that was read. */
  dropped: PathIssue[];
  /** The file's version when it was older than the current one. */
  migratedFrom: number | null;
  /** The file's version when it was not one this code can migrate. */
  foreignVersion: number | null;
}

type Doc = Record<string, unknown>;
const isDoc = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function zodIssues(error: z.ZodError, prefix: string): PathIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path, prefix),
    message: issue.message,
  }));
}

/**
 * Parses one entry. When only some fields are bad and the entry is valid without them (an
 * optional URL, a secret that is not valid ciphertext), it keeps the entry and reports the
 * fields it cleared, so one bad optional field does not cost a client and every profile using it.
 */
function salvageItem<T>(schema: z.ZodType<T>, raw: unknown, path: string, dropped: PathIssue[]) {
  const first = schema.safeParse(raw);
  if (first.success) return first.data;
  const coerced = coercePrimitives(raw, first.error);
  if (coerced !== null) {
    const retried = schema.safeParse(coerced.value);
    if (retried.success) {
      dropped.push(
        ...coerced.paths.map((at) => ({
          path: formatPath(at, path),
          message: 'had the wrong type; its value was kept, converted (entry kept)',
        })),
      );
      return retried.data;
    }
  }
  const issues = zodIssues(first.error, path);
  if (isDoc(raw)) {
    const heads = new Set(first.error.issues.map((issue) => issue.path[0]));
    const trimmed: Doc = { ...raw };
    for (const head of heads) if (typeof head === 'string') delete trimmed[head];
    const second = schema.safeParse(trimmed);
    if (second.success && heads.size > 0 && !heads.has('id')) {
      dropped.push(...issues.map((i) => ({ ...i, message: `${i.message} (field left out)` })));
      return second.data;
    }
  }
  dropped.push(...issues.map((i) => ({ ...i, message: `${i.message} (entry left out)` })));
  return undefined;
}

type Segment = string | number;

function valueAt(root: unknown, at: readonly Segment[]): unknown {
  let node = root;
  for (const key of at) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<Segment, unknown>)[key];
  }
  return node;
}

function setAt(root: unknown, at: readonly Segment[], value: unknown): void {
  const parent = valueAt(root, at.slice(0, -1));
  const last = at.at(-1);
  if (typeof parent === 'object' && parent !== null && last !== undefined) {
    (parent as Record<Segment, unknown>)[last] = value;
  }
}

/**
 * A copy of an entry with wrong-typed scalars converted where nothing is lost (a client_id
 * written as the number 123 reads as "123", a port written as "8080" as 8080), so a hand-edited
 * file keeps the entry and everything that refers to it. Null when nothing could be converted.
 */
function coercePrimitives(
  raw: unknown,
  error: z.ZodError,
): { value: unknown; paths: Segment[][] } | null {
  if (!isDoc(raw)) return null;
  const copy: unknown = structuredClone(raw);
  const paths: Segment[][] = [];
  for (const issue of error.issues) {
    if (issue.code !== 'invalid_type') continue;
    const at = issue.path.filter((key): key is Segment => typeof key !== 'symbol');
    const value = valueAt(copy, at);
    if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
      setAt(copy, at, String(value));
      paths.push(at);
    } else if (
      (issue.expected === 'number' || issue.expected === 'int') &&
      typeof value === 'string' &&
      /^-?\d+(\.\d+)?$/.test(value.trim())
    ) {
      setAt(copy, at, Number(value));
      paths.push(at);
    }
  }
  return paths.length > 0 ? { value: copy, paths } : null;
}

function salvageList(doc: Doc, key: CollectionKey, dropped: PathIssue[]): unknown[] {
  const raw = doc[key];
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    dropped.push({ path: key, message: 'must be a list (whole list left out)' });
    return [];
  }
  const seen = new Set<string>();
  const out: unknown[] = [];
  raw.forEach((item: unknown, index) => {
    const path = `${key}[${index}]`;
    const parsed = salvageItem(COLLECTIONS[key] as z.ZodType<{ id: string }>, item, path, dropped);
    if (!parsed) return;
    if (seen.has(parsed.id)) {
      dropped.push({ path: `${path}.id`, message: 'repeats an earlier id (entry left out)' });
      return;
    }
    seen.add(parsed.id);
    out.push(parsed);
  });
  return out;
}

/** Drops entries whose references point nowhere, reporting each by its original index. */
function keepLinked<T extends { id: string }>(
  key: CollectionKey,
  doc: Doc,
  items: T[],
  checks: Array<[field: keyof T & string, what: string, ids: ReadonlySet<string>]>,
  dropped: PathIssue[],
): T[] {
  const original = Array.isArray(doc[key]) ? (doc[key] as unknown[]) : [];
  return items.filter((item) => {
    for (const [field, what, ids] of checks) {
      const ref = item[field];
      if (typeof ref === 'string' && !ids.has(ref)) {
        const index = original.findIndex((raw) => isDoc(raw) && raw.id === item.id);
        dropped.push({
          path: `${key}[${index}].${field}`,
          message: `refers to a ${what} that is not in the file (entry left out)`,
        });
        return false;
      }
    }
    return true;
  });
}

const idsOf = (items: ReadonlyArray<{ id: string }>, extra: Iterable<string> = []) =>
  new Set([...items.map((item) => item.id), ...extra]);

/** Validates a document of the current version entry by entry, keeping every valid entry. */
export function salvage(doc: Doc, dropped: PathIssue[]): StoreData {
  const data = emptyData();
  const list = <K extends CollectionKey>(key: K) => salvageList(doc, key, dropped) as StoreData[K];

  data.environments = list('environments').filter((environment, index) => {
    if (!BUILT_IN_ENVIRONMENT_IDS.has(environment.id)) return true;
    dropped.push({ path: `environments[${index}].id`, message: 'is reserved for a built-in' });
    return false;
  });
  data.clients = list('clients');
  data.logins = list('logins');
  data.apps = keepLinked(
    'apps',
    doc,
    list('apps'),
    [['clientRef', 'client', idsOf(data.clients)]],
    dropped,
  );
  data.profiles = keepLinked(
    'profiles',
    doc,
    list('profiles'),
    [
      ['environmentRef', 'environment', idsOf(data.environments, BUILT_IN_ENVIRONMENT_IDS)],
      ['clientRef', 'client', idsOf(data.clients)],
      ['appRef', 'app', idsOf(data.apps)],
      ['loginRef', 'login', idsOf(data.logins)],
    ],
    dropped,
  );
  data.tokens = keepLinked(
    'tokens',
    doc,
    list('tokens'),
    [['profileRef', 'profile', idsOf(data.profiles)]],
    dropped,
  );

  const settings = settingsSchema.safeParse(doc.settings ?? DEFAULT_SETTINGS);
  if (settings.success) data.settings = settings.data;
  else
    dropped.push(
      ...zodIssues(settings.error, 'settings').map((i) => ({
        ...i,
        message: `${i.message} (reset)`,
      })),
    );
  const last = data.settings.lastProfileRef;
  if (last !== undefined && !data.profiles.some((profile) => profile.id === last)) {
    delete data.settings.lastProfileRef;
  }
  return data;
}

/** Turns file bytes into store data: parse, migrate, validate, keeping all it can. */
export function decodeStore(bytes: Buffer): Decoded {
  const result: Decoded = {
    data: emptyData(),
    problem: null,
    dropped: [],
    migratedFrom: null,
    foreignVersion: null,
  };
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    // Limitation: JSON that does not parse (truncated, random bytes) is not salvaged in part;
    // atomic writes mean only outside damage gets here, and the original is kept for a person.
    return { ...result, problem: 'corrupt' };
  }
  if (!isDoc(doc)) return { ...result, problem: 'corrupt' };

  // A version hand-edited into a string ("2") still says which layout the file has.
  const version =
    typeof doc.version === 'string' && /^\d+$/.test(doc.version)
      ? Number(doc.version)
      : doc.version;
  let current: Doc = doc;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_MIGRATABLE) {
    result.problem = 'corrupt';
  } else if (version > CURRENT_VERSION) {
    // A newer app wrote this; load what this version understands, and keep the file aside.
    result.problem = 'newer_version';
    result.foreignVersion = version;
  } else if (version < CURRENT_VERSION) {
    const migrated = migrate(doc, version);
    result.migratedFrom = version;
    result.dropped.push(...migrated.dropped);
    current = migrated.doc;
  }

  result.data = salvage(current, result.dropped);
  if (result.problem === null && result.dropped.length > 0) result.problem = 'invalid_entries';
  return result;
}
