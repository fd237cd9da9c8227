import type { SafeStorage } from 'electron';
import type { SecretBox } from '../store/secret-box';

/**
 * The app's secret box: Electron safeStorage (Keychain, DPAPI, or the Linux keyring). On Linux
 * without a keyring Electron falls back to a hard-coded key ("basic_text"): that is as good as
 * plain text, so the store asks the user before saving secrets with it.
 */
export function createSafeStorageBox(safeStorage: SafeStorage): SecretBox {
  return {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher, 'base64')),
    isPlainText: () =>
      !safeStorage.isEncryptionAvailable() ||
      (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
  };
}
