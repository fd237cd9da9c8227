import { describe, expect, it } from 'vitest';
import { phaseText, registerHint } from './sign-in-text';

describe('phaseText', () => {
  it('puts the failure message after "Failed:"', () => {
    expect(phaseText('failed', 'The provider reported access denied.')).toBe(
      'Failed: The provider reported access denied.',
    );
  });

  it('says waiting while the browser has the sign-in', () => {
    expect(phaseText('waiting_for_browser', null)).toBe('Waiting for the browser…');
  });
});

describe('registerHint', () => {
  const random = { exactPath: false };
  const exact = { exactPath: true };

  it('asks Podio users for the domain only', () => {
    expect(registerHint({ registerAs: 'localhost' }, { environmentId: 'podio', ...random })).toBe(
      'Register the domain localhost with your API key — Podio matches the domain only.',
    );
  });

  it('names the domain for Podio also when main answers the exact URI', () => {
    expect(
      registerHint(
        { registerAs: 'http://127.0.0.1:8765/callback' },
        { environmentId: 'podio', ...exact },
      ),
    ).toBe('Register the domain 127.0.0.1 with your API key — Podio matches the domain only.');
  });

  it('tells sandbox users that any loopback redirect works, in either path mode', () => {
    for (const mode of [random, exact]) {
      expect(registerHint({ registerAs: 'localhost' }, { environmentId: 'sandbox', ...mode })).toBe(
        'The sandbox accepts any loopback redirect (localhost, 127.0.0.1 or [::1]): ' +
          'nothing to register.',
      );
    }
  });

  it('asks a custom provider for the exact URI when the path is exact', () => {
    expect(
      registerHint(
        { registerAs: 'http://127.0.0.1:8765/callback' },
        { environmentId: 'env-okta', ...exact },
      ),
    ).toBe('Register this exact redirect URI with the provider.');
  });

  it('warns a custom provider that the URI changes while a random segment is added', () => {
    const hint = registerHint(
      { registerAs: 'localhost' },
      { environmentId: 'env-okta', ...random },
    );

    expect(hint).toContain('A random segment is added to the path on each sign-in');
    expect(hint).toContain('turn on “Use exact path”');
    expect(hint).not.toContain('Podio');
  });
});
