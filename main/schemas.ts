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
} satisfies Record<Channel, z.ZodType>;
