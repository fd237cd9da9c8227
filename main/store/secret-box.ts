import { z } from 'zod';

/**
 * Encrypts secrets at rest. The app wraps Electron's safeStorage; tests and the browser harness
 * use the AES-GCM box in aes-box.ts. Ciphertext is base64 text so it fits in JSON.
 */
export interface SecretBox {
  encrypt(plain: string): string;
  /** Throws when the ciphertext cannot be opened (another key, tampered bytes). */
  decrypt(cipher: string): string;
  /** True when the OS backend keeps secrets readable by anyone who can read the file. */
  isPlainText(): boolean;
}

/** How a secret sits in the file: never the value itself, only the box's ciphertext. */
export const sealedSecretSchema = z.strictObject({
  enc: z.base64().min(1, 'must be non-empty base64 ciphertext'),
});
export type SealedSecret = z.infer<typeof sealedSecretSchema>;
