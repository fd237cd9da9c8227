import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ValidationIssue } from '../../preload/contract';
import { formatPath, StoreError } from './errors';
import { BUILT_IN_ENVIRONMENT_IDS } from './environments';
import { openWithPassphrase, passphraseSealedSchema, sealWithPassphrase } from './passphrase-seal';
import type { ProfileStore } from './profile-store';
import { appSchema, clientSchema, environmentSchema, loginSchema, profileSchema } from './schema';
import type { StoreData } from './schema';
import type { SealedSecret } from './secret-box';

export const EXPORT_FORMAT = 'token-workbench-export';
export const EXPORT_VERSION = 1;

// Exported entities are the stored ones without their sealed secrets (those are box-specific).
const exportData = z.object({
  environments: z.array(environmentSchema),
  clients: z.array(clientSchema.omit({ clientSecret: true })),
  apps: z.array(appSchema.omit({ appToken: true })),
  logins: z.array(loginSchema.omit({ password: true })),
  profiles: z.array(profileSchema),
});
type ExportData = z.infer<typeof exportData>;

const exportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  data: exportData,
  secrets: passphraseSealedSchema.optional(),
});

const secretMap = z.record(z.string(), z.string().min(1));
/** The plaintext inside `secrets`, keyed by entity id. */
const exportSecrets = z.strictObject({ clients: secretMap, apps: secretMap, logins: secretMap });
type ExportSecrets = z.infer<typeof exportSecrets>;

export interface ExportOptions {
  /** When given, secrets are included, encrypted under this passphrase. */
  passphrase?: string;
  now?: () => Date;
}

export interface ExportResult {
  json: string;
  /** Secrets that could not be decrypted and were left out. */
  warnings: string[];
}

/**
 * Custom environments, clients, apps, logins and profiles as an export file.
 * Limitation: token history and settings are not exported.
 */
export async function exportStore(
  store: ProfileStore,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const { data } = store;
  const strip = <T extends object, K extends keyof T>(item: T, key: K): Omit<T, K> => {
    const copy = { ...item };
    delete copy[key];
    return copy;
  };
  const out: ExportData = {
    environments: data.environments,
    clients: data.clients.map((client) => strip(client, 'clientSecret')),
    apps: data.apps.map((app) => strip(app, 'appToken')),
    logins: data.logins.map((login) => strip(login, 'password')),
    profiles: data.profiles,
  };

  const warnings: string[] = [];
  let secrets: z.infer<typeof passphraseSealedSchema> | undefined;
  if (options.passphrase !== undefined) {
    const plain: ExportSecrets = { clients: {}, apps: {}, logins: {} };
    const put = (map: Record<string, string>, id: string, value: string | null) => {
      if (value !== null) map[id] = value;
    };
    for (const c of data.clients)
      put(
        plain.clients,
        c.id,
        store.open(c.clientSecret, `secret of client "${c.name}"`, warnings),
      );
    for (const a of data.apps)
      put(plain.apps, a.id, store.open(a.appToken, `token of app "${a.name}"`, warnings));
    for (const l of data.logins)
      put(
        plain.logins,
        l.id,
        store.open(l.password, `password of login "${l.username}"`, warnings),
      );
    secrets = await sealWithPassphrase(JSON.stringify(plain), options.passphrase);
  }

  const file = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    data: out,
    ...(secrets ? { secrets } : {}),
  };
  return { json: `${JSON.stringify(file, null, 2)}\n`, warnings };
}

export interface ImportSummary {
  added: Record<keyof ExportData, number>;
  /** Entries already in the store exactly as in the file, not added again. */
  unchanged: number;
  /** Entities that got a new id because theirs was taken. */
  renamedIds: number;
  secrets: number;
}

const KEYS = ['environments', 'clients', 'apps', 'logins', 'profiles'] as const;

// Every reference must point inside the file (or at a built-in environment).
function linkIssues(data: ExportData): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key of KEYS) {
    const seen = new Set<string>();
    data[key].forEach((item, i) => {
      if (seen.has(item.id))
        issues.push({ field: `data.${key}[${i}].id`, message: 'repeats an earlier id' });
      seen.add(item.id);
    });
  }
  data.environments.forEach((e, i) => {
    if (BUILT_IN_ENVIRONMENT_IDS.has(e.id))
      issues.push({ field: `data.environments[${i}].id`, message: 'is reserved for a built-in' });
  });
  const ids = (key: (typeof KEYS)[number]) => new Set(data[key].map((item) => item.id));
  const envs = new Set([...ids('environments'), ...BUILT_IN_ENVIRONMENT_IDS]);
  const [clients, apps, logins] = [ids('clients'), ids('apps'), ids('logins')];
  const check = (ok: boolean, field: string, what: string) => {
    const article = /^[aeiou]/.test(what) ? 'an' : 'a';
    if (!ok)
      issues.push({ field, message: `refers to ${article} ${what} that is not in the file` });
  };
  const appClient = new Map(data.apps.map((a) => [a.id, a.clientRef]));
  data.apps.forEach((a, i) =>
    check(clients.has(a.clientRef), `data.apps[${i}].clientRef`, 'client'),
  );
  data.profiles.forEach((p, i) => {
    const at = `data.profiles[${i}]`;
    check(envs.has(p.environmentRef), `${at}.environmentRef`, 'environment');
    check(clients.has(p.clientRef), `${at}.clientRef`, 'client');
    if (p.appRef !== undefined) check(apps.has(p.appRef), `${at}.appRef`, 'app');
    const owner = p.appRef === undefined ? undefined : appClient.get(p.appRef);
    if (owner !== undefined && clients.has(owner) && owner !== p.clientRef) {
      issues.push({
        field: `${at}.appRef`,
        message: 'is an app of another client than the profile’s',
      });
    }
    if (p.loginRef !== undefined) check(logins.has(p.loginRef), `${at}.loginRef`, 'login');
  });
  return issues;
}

/** Same fields and values, whatever the key order. */
function sameFields(a: object, b: object): boolean {
  const sorted = (value: object) =>
    JSON.stringify(
      Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y))),
    );
  return sorted(a) === sorted(b);
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * The ids and references of a file that failed its shape check, read as far as they are
 * strings, so linkIssues can still run. Entries without a usable id get a unique stand-in.
 */
function looseData(raw: unknown): ExportData {
  const data = asRecord(asRecord(raw).data);
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : undefined;
  const list = (key: (typeof KEYS)[number]) =>
    (Array.isArray(data[key]) ? (data[key] as unknown[]) : []).map((item, i) => {
      const entry = asRecord(item);
      return {
        id: text(entry.id) ?? `\u0000no-id-${i}`,
        clientRef: text(entry.clientRef) ?? '',
        environmentRef: text(entry.environmentRef) ?? '',
        appRef: text(entry.appRef),
        loginRef: text(entry.loginRef),
      };
    });
  const shaped = Object.fromEntries(KEYS.map((key) => [key, list(key)]));
  // Only ids and references are read by linkIssues; the other fields are never looked at.
  return shaped as unknown as ExportData;
}

function rejected(issues: ValidationIssue[]): StoreError {
  const n = issues.length;
  return new StoreError(
    'validation',
    `The import file has ${n} problem${n === 1 ? '' : 's'}; nothing was imported.`,
    issues,
  );
}

/**
 * Adds an export file's entities to the store, all or nothing: the whole file is checked first,
 * and the store is written once. Ids already in use get new ones, with references remapped.
 */
export async function importIntoStore(
  store: ProfileStore,
  json: string,
  options: { passphrase?: string } = {},
): Promise<ImportSummary> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw rejected([{ field: '', message: 'is not JSON' }]);
  }
  const header = asRecord(raw);
  if (header.format !== EXPORT_FORMAT) {
    throw rejected([
      {
        field: 'format',
        message: `is not "${EXPORT_FORMAT}": this is not a Token Workbench export`,
      },
    ]);
  }
  if (typeof header.version === 'number' && header.version > EXPORT_VERSION) {
    throw rejected([
      {
        field: 'version',
        message:
          `is ${header.version}: a newer Token Workbench made this file; ` +
          'update the app to import it',
      },
    ]);
  }
  const parsed = exportFile.safeParse(raw);
  if (!parsed.success) {
    const shapeProblems = parsed.error.issues.map((i) => ({
      field: formatPath(i.path),
      message: i.message,
    }));
    // Report broken links too, so one pass over the file shows every problem it has.
    const named = new Set(shapeProblems.map((issue) => issue.field));
    const links = linkIssues(looseData(raw)).filter((issue) => !named.has(issue.field));
    throw rejected([...shapeProblems, ...links]);
  }
  const { data } = parsed.data;
  const linkProblems = linkIssues(data);
  if (linkProblems.length > 0) throw rejected(linkProblems);

  let secrets: ExportSecrets = { clients: {}, apps: {}, logins: {} };
  if (parsed.data.secrets) {
    if (!options.passphrase) {
      throw new StoreError(
        'passphrase',
        'This file holds encrypted secrets; enter its passphrase.',
      );
    }
    const text = await openWithPassphrase(parsed.data.secrets, options.passphrase);
    let innerRaw: unknown;
    try {
      innerRaw = JSON.parse(text);
    } catch {
      throw rejected([{ field: 'secrets', message: 'does not hold JSON' }]);
    }
    const inner = exportSecrets.safeParse(innerRaw);
    if (!inner.success) {
      throw rejected(
        inner.error.issues.map((i) => ({
          field: formatPath(i.path, 'secrets'),
          message: i.message,
        })),
      );
    }
    secrets = inner.data;
  }

  const before = store.data;
  let renamedIds = 0;
  // Entries already in the store exactly as in the file (a file imported twice) are not added
  // again; an id taken by something different gets a new id instead.
  const unchanged = new Set<object>();
  const remap = <T extends { id: string }>(
    key: (typeof KEYS)[number],
    taken: Iterable<string>,
    same: (item: T) => boolean = () => false,
  ) => {
    const used = new Set(taken);
    const map = new Map<string, string>();
    for (const item of data[key] as unknown as T[]) {
      if (used.has(item.id) && same(item)) {
        unchanged.add(item);
        map.set(item.id, item.id);
        continue;
      }
      const id = used.has(item.id) ? randomUUID() : item.id;
      if (id !== item.id) renamedIds += 1;
      map.set(item.id, id);
    }
    return (id: string) => map.get(id) ?? id;
  };
  const storedAs = (list: ReadonlyArray<{ id: string }>, item: object, secretField?: string) => {
    const found = list.find((entry) => entry.id === (item as { id: string }).id);
    if (!found) return false;
    const plain: Record<string, unknown> = { ...found };
    if (secretField) delete plain[secretField];
    return sameFields(plain, item);
  };
  const envId = remap(
    'environments',
    [...before.environments.map((e) => e.id), ...BUILT_IN_ENVIRONMENT_IDS],
    (e) => storedAs(before.environments, e),
  );
  const clientId = remap(
    'clients',
    before.clients.map((c) => c.id),
    (c) => storedAs(before.clients, c, 'clientSecret'),
  );
  const appId = remap<ExportData['apps'][number]>(
    'apps',
    before.apps.map((a) => a.id),
    (a) => storedAs(before.apps, { ...a, clientRef: clientId(a.clientRef) }, 'appToken'),
  );
  const loginId = remap(
    'logins',
    before.logins.map((l) => l.id),
    (l) => storedAs(before.logins, l, 'password'),
  );
  const profileId = remap<ExportData['profiles'][number]>(
    'profiles',
    before.profiles.map((p) => p.id),
    (p) =>
      storedAs(before.profiles, {
        ...p,
        environmentRef: envId(p.environmentRef),
        clientRef: clientId(p.clientRef),
        ...(p.appRef === undefined ? {} : { appRef: appId(p.appRef) }),
        ...(p.loginRef === undefined ? {} : { loginRef: loginId(p.loginRef) }),
      }),
  );
  const fresh = <T extends object>(list: T[]): T[] => list.filter((item) => !unchanged.has(item));

  // Sealing may refuse (plain-text backend): that throws before anything is committed.
  let secretCount = 0;
  const withSecret = <K extends string>(key: K, value: string | undefined) => {
    if (value === undefined) return {};
    secretCount += 1;
    return { [key]: store.seal(value) } as Record<K, SealedSecret>;
  };

  const next: StoreData = {
    ...before,
    environments: [
      ...before.environments,
      ...fresh(data.environments).map((e) => ({ ...e, id: envId(e.id) })),
    ],
    clients: [
      ...before.clients,
      ...fresh(data.clients).map((c) => ({
        ...c,
        id: clientId(c.id),
        ...withSecret('clientSecret', secrets.clients[c.id]),
      })),
    ],
    apps: [
      ...before.apps,
      ...fresh(data.apps).map((a) => ({
        ...a,
        id: appId(a.id),
        clientRef: clientId(a.clientRef),
        ...withSecret('appToken', secrets.apps[a.id]),
      })),
    ],
    logins: [
      ...before.logins,
      ...fresh(data.logins).map((l) => ({
        ...l,
        id: loginId(l.id),
        ...withSecret('password', secrets.logins[l.id]),
      })),
    ],
    profiles: [
      ...before.profiles,
      ...fresh(data.profiles).map((p) => ({
        ...p,
        id: profileId(p.id),
        environmentRef: envId(p.environmentRef),
        clientRef: clientId(p.clientRef),
        ...(p.appRef === undefined ? {} : { appRef: appId(p.appRef) }),
        ...(p.loginRef === undefined ? {} : { loginRef: loginId(p.loginRef) }),
      })),
    ],
  };
  store.commit(next);
  return {
    added: Object.fromEntries(
      KEYS.map((k) => [k, fresh<object>(data[k]).length]),
    ) as ImportSummary['added'],
    unchanged: unchanged.size,
    renamedIds,
    secrets: secretCount,
  };
}
