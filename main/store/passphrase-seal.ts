import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { StoreError } from './errors';

/** Secrets in an export file: scrypt turns the passphrase into an AES-256-GCM key. */
export const passphraseSealedSchema = z.strictObject({
  kdf: z.literal('scrypt'),
  // Bounded so a hostile file cannot make the import spend minutes or gigabytes.
  N: z
    .int()
    .min(2 ** 14)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, 'must be a power of 2'),
  r: z.int().min(1).max(32),
  p: z.int().min(1).max(16),
  salt: z.base64().min(1),
  iv: z.base64().min(1),
  tag: z.base64().min(1),
  ciphertext: z.base64(),
});
export type PassphraseSealed = z.infer<typeof passphraseSealedSchema>;

export const MIN_PASSPHRASE_LENGTH = 8;
const DEFAULT_PARAMS = { N: 2 ** 15, r: 8, p: 1 };

function deriveKey(passphrase: string, salt: Buffer, params: typeof DEFAULT_PARAMS) {
  // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is exactly 2^15 * 8 * 128.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

// The KDF parameters are authenticated with the ciphertext, so editing them fails to open.
const header = (sealed: Pick<PassphraseSealed, 'kdf' | 'N' | 'r' | 'p' | 'salt'>) =>
  Buffer.from(JSON.stringify([sealed.kdf, sealed.N, sealed.r, sealed.p, sealed.salt]));

/** Encrypts text under a passphrase with a fresh salt and IV. */
export async function sealWithPassphrase(
  plain: string,
  passphrase: string,
): Promise<PassphraseSealed> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new StoreError(
      'passphrase',
      `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    );
  }
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(passphrase, salt, DEFAULT_PARAMS);
  const head = { kdf: 'scrypt' as const, ...DEFAULT_PARAMS, salt: salt.toString('base64') };
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header(head));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    ...head,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: body.toString('base64'),
  };
}

/** Decrypts; a wrong passphrase (or an edited file) is a 'passphrase' StoreError. */
export async function openWithPassphrase(
  sealed: PassphraseSealed,
  passphrase: string,
): Promise<string> {
  const key = await deriveKey(passphrase, Buffer.from(sealed.salt, 'base64'), sealed);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'), {
      authTagLength: 16,
    });
    decipher.setAAD(header(sealed));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const body = Buffer.from(sealed.ciphertext, 'base64');
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new StoreError(
      'passphrase',
      'The passphrase is wrong, or the file was changed after export. Nothing was imported.',
    );
  }
}
