import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAesBox } from './aes-box';
import { PlainTextSecretsError } from './errors';
import { makeTempDir, openTestStore, plainTextBox, SECRETS, seed } from './test-support';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('AES box', () => {
  it('round trips text and seals the same value differently each time', () => {
    const box = createAesBox();
    const a = box.encrypt(SECRETS.clientSecret);
    expect(a).not.toBe(box.encrypt(SECRETS.clientSecret));
    expect(box.decrypt(a)).toBe(SECRETS.clientSecret);
    expect(box.isPlainText()).toBe(false);
  });

  it('refuses ciphertext from another key or with a flipped byte', () => {
    const box = createAesBox();
    const sealed = Buffer.from(box.encrypt('value'), 'base64');
    expect(() => createAesBox().decrypt(sealed.toString('base64'))).toThrow();
    sealed[sealed.length - 1] = (sealed.at(-1) ?? 0) ^ 1;
    expect(() => box.decrypt(sealed.toString('base64'))).toThrow();
  });
});

describe('secrets at rest', () => {
  it('reads a secret sealed under another key as missing, with a warning', () => {
    const made = seed(openTestStore(temp.dir, createAesBox()));
    const store = openTestStore(temp.dir, createAesBox());
    const resolved = store.resolveProfile(made.userProfile.id);
    expect(resolved.client.clientSecret).toBeNull();
    expect(resolved.login?.password).toBeNull();
    expect(resolved.warnings).toEqual([
      'The saved client secret could not be decrypted (the key may have changed); enter it again.',
      'The saved password could not be decrypted (the key may have changed); enter it again.',
    ]);
    expect(store.clients.get(made.client.id).hasSecret).toBe(false);
    expect(store.revealSecret('app', made.app.id, 'appToken')).toEqual({
      value: null,
      warning:
        'The saved app token could not be decrypted (the key may have changed); enter it again.',
    });
  });

  it('refuses to save a secret on a plain-text backend until the user allows it', () => {
    const store = openTestStore(temp.dir, plainTextBox());
    expect(store.getSettings().plainTextBackend).toBe(true);
    const attempt = () =>
      store.clients.create({ name: 'Acme', clientId: 'acme', clientSecret: SECRETS.clientSecret });
    expect(attempt).toThrow(PlainTextSecretsError);
    expect(store.clients.list()).toEqual([]);

    const bare = store.clients.create({ name: 'Acme', clientId: 'acme' });
    expect(bare.hasSecret).toBe(false);

    store.setSettings({ allowPlainTextSecrets: true });
    expect(attempt().hasSecret).toBe(true);
  });
});
