import { describe, expect, it } from 'vitest';
import { newState, statesMatch } from './state';

describe('newState', () => {
  it('is 43 URL-safe base64 characters (32 random bytes)', () => {
    const state = newState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(state, 'base64url')).toHaveLength(32);
  });

  it('differs on every call', () => {
    const states = new Set(Array.from({ length: 50 }, () => newState()));
    expect(states.size).toBe(50);
  });
});

describe('statesMatch', () => {
  it('accepts the same state', () => {
    const state = newState();
    expect(statesMatch(state, `${state}`)).toBe(true);
  });

  it('refuses a state that differs in one character', () => {
    const state = 'abcdefgh';
    expect(statesMatch(state, 'abcdefgX')).toBe(false);
  });

  it('refuses a state of another length without throwing', () => {
    expect(statesMatch('abcdefgh', 'abc')).toBe(false);
    expect(statesMatch('abc', 'abcdefgh')).toBe(false);
  });

  it('refuses when the expected state is empty, even against an empty one', () => {
    expect(statesMatch('', '')).toBe(false);
  });

  it('compares multi-byte text by bytes, not characters', () => {
    expect(statesMatch('é', 'e\u0301')).toBe(false);
    expect(statesMatch('é', 'é')).toBe(true);
  });
});
