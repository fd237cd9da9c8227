import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newPkcePair, pkceChallenge } from './pkce';

// RFC 7636 Appendix B: the 32 octets, the verifier they encode to, and its S256 challenge.
const RFC_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105,
  214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
];
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('pkceChallenge', () => {
  it('turns the RFC 7636 Appendix B verifier into its published challenge', () => {
    expect(Buffer.from(RFC_OCTETS).toString('base64url')).toBe(RFC_VERIFIER);
    expect(pkceChallenge(RFC_VERIFIER)).toBe(RFC_CHALLENGE);
  });
});

describe('newPkcePair', () => {
  it('has a verifier of 43-128 unreserved characters', () => {
    const { verifier } = newPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
  });

  it('pairs the verifier with its S256 challenge', () => {
    const pair = newPkcePair();
    const expected = createHash('sha256').update(pair.verifier).digest('base64url');
    expect(pair).toEqual({ verifier: pair.verifier, challenge: expected, method: 'S256' });
  });

  it('makes a fresh verifier each time', () => {
    expect(newPkcePair().verifier).not.toBe(newPkcePair().verifier);
  });
});
