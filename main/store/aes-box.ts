import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from './secret-box';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// A leading format byte lets a later layout be told apart from this one.
const FORMAT = 1;

/**
 * AES-256-GCM secret box for tests and the browser harness: a random IV per value and an auth
 * tag, so a changed key or a flipped byte fails to decrypt instead of returning garbage.
 */
export function createAesBox(key: Buffer = randomBytes(KEY_BYTES)): SecretBox {
  if (key.length !== KEY_BYTES) throw new RangeError(`AES-256 needs a ${KEY_BYTES}-byte key`);

  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(FORMAT), iv, cipher.getAuthTag(), body]).toString('base64');
    },

    decrypt(text) {
      const bytes = Buffer.from(text, 'base64');
      if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT) {
        throw new Error('Not a secret sealed by this box.');
      }
      const iv = bytes.subarray(1, 1 + IV_BYTES);
      const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      const body = bytes.subarray(1 + IV_BYTES + TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },

    isPlainText: () => false,
  };
}
