import { z } from 'zod';
import { hasCredentials, isHttpUrl } from '../urls';
import { sealedSecretSchema } from './secret-box';

/** The file layout this code writes. Older files are migrated up to it (see migrations.ts). */
export const CURRENT_VERSION = 2;

/** Kept per profile in the token history; older ones are dropped as new ones arrive. */
export const TOKENS_PER_PROFILE = 20;

const idSchema = z.string().min(1, 'id is required').max(200);
const tooLong = (max: number) => `is longer than ${max.toLocaleString('en')} characters`;
const nameSchema = z.string().trim().min(1, 'name is required').max(200, tooLong(200));
// Browsers and servers commonly refuse URLs past about 2,000 characters.
const urlSchema = z
  .string()
  .trim()
  .max(2048, tooLong(2048))
  .refine(isHttpUrl, 'must be an http(s) URL')
  .refine((url) => !hasCredentials(url), 'must not contain a user name or password');
const refSchema = z.string().min(1, 'reference is required');

export const grantSchema = z.enum([
  'password',
  'authorization_code',
  'refresh_token',
  'app',
  'client_credentials',
]);

/** Field rules shared by the file, the forms and imports. Secrets are added per use. */
export const environmentFields = {
  name: nameSchema,
  tokenUrl: urlSchema,
  authorizeUrl: urlSchema,
  apiBaseUrl: urlSchema,
  // An API path such as /user/status; empty means the environment has no verify call.
  verifyPath: z.string().regex(/^(\/\S*)?$/, 'must be empty or a path starting with /'),
  // For servers that do not echo `state` on the redirect; off unless the user turns it on.
  acceptMissingState: z.boolean().optional(),
  wireStyle: z.enum(['form', 'json']),
};

export const clientFields = {
  name: nameSchema,
  clientId: z.string().trim().min(1, 'client_id is required').max(500, tooLong(500)),
  redirectUri: urlSchema.optional(),
  fixedPort: z
    .int('must be a whole number')
    .min(1, 'must be from 1 to 65535')
    .max(65535, 'must be from 1 to 65535')
    .optional(),
};

export const appFields = {
  name: nameSchema,
  appId: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a number')
    .max(20, 'must be a number of at most 20 digits'),
  clientRef: refSchema,
};

export const loginFields = {
  name: z.string().trim().max(200, tooLong(200)).optional(),
  username: z.string().trim().min(1, 'username is required').max(500, tooLong(500)),
};

export const profileFields = {
  name: nameSchema,
  environmentRef: refSchema,
  clientRef: refSchema,
  appRef: refSchema.optional(),
  loginRef: refSchema.optional(),
};

// An app profile or a login profile, or neither (authorization code, client credentials).
const notBoth = (profile: { appRef?: string | undefined; loginRef?: string | undefined }) =>
  !(profile.appRef && profile.loginRef);
const notBothIssue = { message: 'a profile uses an app or a login, not both', path: ['appRef'] };

export const environmentSchema = z.object({ id: idSchema, ...environmentFields });
export const clientSchema = z.object({
  id: idSchema,
  ...clientFields,
  clientSecret: sealedSecretSchema.optional(),
});
export const appSchema = z.object({
  id: idSchema,
  ...appFields,
  appToken: sealedSecretSchema.optional(),
});
export const loginSchema = z.object({
  id: idSchema,
  ...loginFields,
  password: sealedSecretSchema.optional(),
});
export const profileSchema = z
  .object({ id: idSchema, ...profileFields })
  .refine(notBoth, notBothIssue);

export const tokenRefSchema = z.object({ type: z.string(), id: z.union([z.number(), z.string()]) });

export const tokenSchema = z.object({
  id: idSchema,
  profileRef: refSchema,
  grant: grantSchema,
  receivedAt: z.number(),
  expiresAt: z.number().nullable(),
  tokenType: z.string(),
  scope: z.string().nullable(),
  ref: tokenRefSchema.nullable(),
  accessToken: sealedSecretSchema,
  refreshToken: sealedSecretSchema.nullable(),
  extra: z.record(z.string(), z.unknown()),
  // Extra response fields that look like credentials (e.g. Podio's transfer_token), sealed one
  // by one as JSON text so the file never holds them in the clear.
  secretExtra: z.record(z.string(), sealedSecretSchema).optional(),
  // Where the token came from: a refresh goes to that server with that client, never to
  // whatever the profile points at later. Absent on tokens kept before it was recorded.
  issuedBy: z.object({ tokenUrl: z.string(), clientId: z.string() }).optional(),
  // Set once a refresh succeeded from this token: its refresh token is spent (Podio rotates).
  refreshed: z.boolean().optional(),
});

export const settingsSchema = z.object({
  lastProfileRef: z.string().optional(),
  allowPlainTextSecrets: z.boolean(),
});

export type StoredEnvironment = z.infer<typeof environmentSchema>;
export type StoredClient = z.infer<typeof clientSchema>;
export type StoredApp = z.infer<typeof appSchema>;
export type StoredLogin = z.infer<typeof loginSchema>;
export type StoredProfile = z.infer<typeof profileSchema>;
export type StoredToken = z.infer<typeof tokenSchema>;
export type Settings = z.infer<typeof settingsSchema>;

/** The whole file, as held in memory. Built-in environments are never written. */
export interface StoreData {
  version: typeof CURRENT_VERSION;
  environments: StoredEnvironment[];
  clients: StoredClient[];
  apps: StoredApp[];
  logins: StoredLogin[];
  profiles: StoredProfile[];
  tokens: StoredToken[];
  settings: Settings;
}

/** The entity lists of a file, with the schema each item must pass. */
export const COLLECTIONS = {
  environments: environmentSchema,
  clients: clientSchema,
  apps: appSchema,
  logins: loginSchema,
  profiles: profileSchema,
  tokens: tokenSchema,
} as const;
export type CollectionKey = keyof typeof COLLECTIONS;

export const DEFAULT_SETTINGS: Settings = { allowPlainTextSecrets: false };

/** A store with nothing in it. */
export function emptyData(): StoreData {
  return {
    version: CURRENT_VERSION,
    environments: [],
    clients: [],
    apps: [],
    logins: [],
    profiles: [],
    tokens: [],
    settings: { ...DEFAULT_SETTINGS },
  };
}
