import { z } from 'zod';
import type { Channel } from '../preload/contract';

/**
 * A schema for every channel's payload. The renderer is untrusted input: nothing reaches a
 * handler until its payload parses here. Bounds keep a hostile renderer from sending megabytes.
 */
// 64 KiB fits any real secret (signed JWT assertions included) and keeps hostile payloads small.
const text = (max = 65_536) =>
  z.string().max(max, `is longer than ${max.toLocaleString('en')} characters`);

const grantType = z.enum([
  'password',
  'authorization_code',
  'refresh_token',
  'app',
  'client_credentials',
]);

const profileDraft = z.strictObject({
  environmentId: text(200),
  clientId: text(),
  clientSecret: text(),
  username: text(),
  password: text(),
  appId: text(100),
  appToken: text(),
  code: text(),
  redirectUri: text(),
});

const authorizeOptions = z.strictObject({
  redirectHost: z.enum(['localhost', '127.0.0.1']),
  // Ports below 1024 need privileges the app does not have; 0 is "any", which null says.
  port: z.number().int().min(1024).max(65535).nullable(),
  path: text(200).regex(/^\/[\x21-\x7e]*$/, 'must start with / and hold visible ASCII only'),
  exactPath: z.boolean(),
  usePkce: z.boolean(),
  acceptMissingState: z.boolean(),
  scope: text(1000),
  timeoutMs: z.number().int().min(1000).max(3_600_000).optional(),
});

// Structure and bounds only: the store checks each field's rules and answers field-level issues.
const secret = text().nullable().optional();
const optionalText = text().optional();
const entityKind = z.enum(['environment', 'client', 'app', 'login', 'profile']);
const id = text(200);

const entitySave = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('environment'),
    id: id.nullable(),
    input: z.strictObject({
      name: text(),
      tokenUrl: text(),
      authorizeUrl: text(),
      apiBaseUrl: text(),
      verifyPath: text(),
      wireStyle: z.enum(['form', 'json']),
      acceptMissingState: z.boolean().optional(),
    }),
  }),
  z.strictObject({
    kind: z.literal('client'),
    id: id.nullable(),
    input: z.strictObject({
      name: text(),
      clientId: text(),
      clientSecret: secret,
      redirectUri: optionalText,
      fixedPort: z.number().int().optional(),
    }),
  }),
  z.strictObject({
    kind: z.literal('app'),
    id: id.nullable(),
    input: z.strictObject({ name: text(), appId: text(100), appToken: secret, clientRef: id }),
  }),
  z.strictObject({
    kind: z.literal('login'),
    id: id.nullable(),
    input: z.strictObject({ name: optionalText, username: text(), password: secret }),
  }),
  z.strictObject({
    kind: z.literal('profile'),
    id: id.nullable(),
    input: z.strictObject({
      name: text(),
      environmentRef: id,
      clientRef: id,
      appRef: id.optional(),
      loginRef: id.optional(),
    }),
  }),
]);

const secretRef = z.discriminatedUnion('entity', [
  z.strictObject({ entity: z.literal('client'), id, field: z.literal('clientSecret') }),
  z.strictObject({ entity: z.literal('app'), id, field: z.literal('appToken') }),
  z.strictObject({ entity: z.literal('login'), id, field: z.literal('password') }),
  z.strictObject({
    entity: z.literal('token'),
    id,
    field: z.enum(['accessToken', 'refreshToken']),
  }),
]);

// An export file of 1,000 profiles is well under a megabyte; 5 MB leaves room and no more.
const IMPORT_MAX_CHARS = 5_000_000;

const none = z
  .undefined()
  .or(z.null())
  .transform(() => undefined);

export const requestSchemas = {
  'app:info': none,
  'sandbox:info': none,
  'environments:list': none,
  'exchange:run': z.strictObject({ draft: profileDraft, grant: grantType }),
  'exchange:refresh': z.strictObject({ tokenId: text(100) }),
  'authorize:start': z.strictObject({ draft: profileDraft, options: authorizeOptions }),
  'authorize:cancel': z.strictObject({ flowId: text(100) }),
  'store:snapshot': none,
  'entity:save': entitySave,
  'entity:delete': z.strictObject({ kind: entityKind, id }),
  'profile:duplicate': z.strictObject({ id }),
  'secret:reveal': secretRef,
  'settings:update': z.strictObject({
    allowPlainTextSecrets: z.boolean().optional(),
    lastProfileRef: id.optional(),
  }),
  'tokens:list': z.strictObject({ profileId: id }),
  'tokens:delete': z.strictObject({ id }),
  'profile:exchange': z.strictObject({ profileId: id, grant: grantType }),
  'profile:authorize': z.strictObject({ profileId: id, options: authorizeOptions }),
  'transfer:export': z.strictObject({ passphrase: text(1000).nullable() }),
  'transfer:import': z.strictObject({
    json: z.string().max(IMPORT_MAX_CHARS, 'the file is larger than 5 MB'),
    passphrase: text(1000).nullable(),
  }),
} satisfies Record<Channel, z.ZodType>;
