import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { formatPath } from './errors';
import type { PathIssue } from './errors';
import { PODIO_ENVIRONMENT_ID, PODIO_TOKEN_URL } from './environments';
import { clientFields, CURRENT_VERSION, environmentFields } from './schema';
import type { StoredClient, StoredEnvironment, StoredLogin, StoredProfile } from './schema';
import { sealedSecretSchema } from './secret-box';

/**
 * Version 1 kept one flat list of profiles, each with its own token URL and credentials, and
 * remembered the last profile by name. Secrets were already sealed by the secret box, so the
 * migration moves ciphertext across without ever decrypting it.
 */
const v1ProfileSchema = z.object({
  name: z.string().trim().min(1, 'name is required'),
  tokenUrl: environmentFields.tokenUrl,
  clientId: clientFields.clientId,
  clientSecret: sealedSecretSchema.optional(),
  username: z.string().trim().optional(),
  password: sealedSecretSchema.optional(),
});
type V1Profile = z.infer<typeof v1ProfileSchema>;

type Doc = Record<string, unknown>;
export interface MigrationResult {
  doc: Doc;
  /** Items a migration could not carry over, by their path in the old file. */
  dropped: PathIssue[];
}

function issuesOf(error: z.ZodError, prefix: string): PathIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path, prefix),
    message: `${issue.message} (entry left out)`,
  }));
}

function environmentFor(url: URL): Omit<StoredEnvironment, 'id'> {
  // The JSON wire style posts to <token URL>/v2; v1 stored whichever URL the user typed.
  const json = url.pathname.endsWith('/v2');
  const tokenUrl = json ? url.href.replace(/\/v2$/, '') : url.href;
  return {
    name: json ? `${url.host} (JSON)` : url.host,
    tokenUrl,
    // Limitation: v1 never stored an authorize URL or API base; they are guessed from the token
    // URL's origin and the user may need to correct them.
    authorizeUrl: `${url.origin}/oauth/authorize`,
    apiBaseUrl: url.origin,
    verifyPath: '',
    wireStyle: json ? 'json' : 'form',
  };
}

function migrateV1(doc: Doc): MigrationResult {
  const dropped: PathIssue[] = [];
  const rawProfiles = Array.isArray(doc.profiles) ? doc.profiles : [];
  if (!Array.isArray(doc.profiles) && doc.profiles !== undefined) {
    dropped.push({ path: 'profiles', message: 'must be a list' });
  }

  const environments = new Map<string, StoredEnvironment>();
  const clients = new Map<string, StoredClient>();
  const logins = new Map<string, StoredLogin>();
  const profiles: StoredProfile[] = [];
  const idByName = new Map<string, string>();

  const environmentRef = (profile: V1Profile): string => {
    const url = new URL(profile.tokenUrl);
    if (url.href === PODIO_TOKEN_URL) return PODIO_ENVIRONMENT_ID;
    const existing = environments.get(url.href);
    if (existing) return existing.id;
    const created = { id: randomUUID(), ...environmentFor(url) };
    environments.set(url.href, created);
    return created.id;
  };

  // Several v1 profiles often shared one client or login; they become one entity each.
  // Limitation: sharing is recognised by identical ciphertext; the same secret sealed twice
  // (typed in twice) yields two clients, since the migration never decrypts.
  const clientRef = (profile: V1Profile): string => {
    const key = JSON.stringify([profile.clientId, profile.clientSecret?.enc ?? null]);
    const existing = clients.get(key);
    if (existing) return existing.id;
    const created: StoredClient = {
      id: randomUUID(),
      name: profile.clientId,
      clientId: profile.clientId,
      ...(profile.clientSecret ? { clientSecret: profile.clientSecret } : {}),
    };
    clients.set(key, created);
    return created.id;
  };

  const loginRef = (profile: V1Profile): string | undefined => {
    if (!profile.username) return undefined;
    const key = JSON.stringify([profile.username, profile.password?.enc ?? null]);
    const existing = logins.get(key);
    if (existing) return existing.id;
    const created: StoredLogin = {
      id: randomUUID(),
      username: profile.username,
      ...(profile.password ? { password: profile.password } : {}),
    };
    logins.set(key, created);
    return created.id;
  };

  rawProfiles.forEach((raw: unknown, index) => {
    const parsed = v1ProfileSchema.safeParse(raw);
    if (!parsed.success) {
      dropped.push(...issuesOf(parsed.error, `profiles[${index}]`));
      return;
    }
    const profile = parsed.data;
    const login = loginRef(profile);
    const id = randomUUID();
    profiles.push({
      id,
      name: profile.name,
      environmentRef: environmentRef(profile),
      clientRef: clientRef(profile),
      ...(login ? { loginRef: login } : {}),
    });
    if (!idByName.has(profile.name)) idByName.set(profile.name, id);
  });

  const lastProfileRef =
    typeof doc.lastProfile === 'string' ? idByName.get(doc.lastProfile) : undefined;
  return {
    doc: {
      version: 2,
      environments: [...environments.values()],
      clients: [...clients.values()],
      apps: [],
      logins: [...logins.values()],
      profiles,
      tokens: [],
      settings: { allowPlainTextSecrets: false, ...(lastProfileRef ? { lastProfileRef } : {}) },
    },
    dropped,
  };
}

/** Each entry lifts a document from its key's version to the next one. */
const MIGRATIONS: Record<number, (doc: Doc) => MigrationResult> = {
  1: migrateV1,
};

/** Runs every migration from `from` up to the current version, collecting what was dropped. */
export function migrate(doc: Doc, from: number): MigrationResult {
  let current: MigrationResult = { doc, dropped: [] };
  for (let version = from; version < CURRENT_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`No migration from version ${version}`);
    const next = step(current.doc);
    current = { doc: next.doc, dropped: [...current.dropped, ...next.dropped] };
  }
  return current;
}

/** The versions a file may carry and still be migrated. */
export const OLDEST_MIGRATABLE = 1;
