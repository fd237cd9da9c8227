import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh OAuth `state`: 32 random bytes (256 bits) as URL-safe base64 without padding. */
export function newState(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compares the state we sent with the one that came back in constant time, so the comparison
 * leaks nothing about how much of a guess was right. An empty expected state never matches.
 */
export function statesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  if (a.length === 0 || a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
