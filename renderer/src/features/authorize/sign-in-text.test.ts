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
  it('asks for the domain when main says a bare host is registered (Podio)', () => {
    expect(registerHint({ registerAs: 'localhost' })).toBe(
      'Register the domain localhost with your API key — Podio matches the domain only.',
    );
  });

  it('asks for the exact URI when main says the whole URI is registered', () => {
    expect(registerHint({ registerAs: 'http://127.0.0.1:8765/callback' })).toBe(
      'Register this exact redirect URI with the provider.',
    );
  });
});
