import { z } from 'zod';
import type { Channel } from '../preload/contract';

/**
 * A schema for every channel's payload. The renderer is untrusted input: nothing reaches a
 * handler until its payload parses here. Bounds keep a hostile renderer from sending megabytes.
 */
const text = (max = 4096) => z.string().max(max);

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
} satisfies Record<Channel, z.ZodType>;
