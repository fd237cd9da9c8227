import { describe, expect, it } from 'vitest';
import { checkRedirectUri, DEFAULT_REDIRECT_HOSTS, redirectWith } from './redirect-uri';

const hosts = new Set(DEFAULT_REDIRECT_HOSTS);

describe('checkRedirectUri', () => {
  it.each([
    'http://localhost:8765/callback',
    'http://127.0.0.1/cb',
    'http://[::1]:9000/cb?x=1',
    'https://LOCALHOST/cb',
  ])('accepts %s', (uri) => {
    expect(checkRedirectUri(uri, hosts).ok).toBe(true);
  });

  it.each([
    ['ftp://localhost/cb', 'http or https'],
    ['http://localhost/cb\tx', 'control characters'],
    ['http://localhost.evil.test/cb', 'not registered'],
    [`http://localhost/${'a'.repeat(3000)}`, 'too long'],
  ])('refuses %s', (uri, reason) => {
    const checked = checkRedirectUri(uri, hosts);

    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.message).toContain(reason);
  });

  it('honours a custom host list', () => {
    expect(checkRedirectUri('https://app.example.com/cb', new Set(['app.example.com'])).ok).toBe(
      true,
    );
  });
});

describe('redirectWith', () => {
  it('adds parameters after the existing query, leaving its encoding alone', () => {
    const url = new URL('http://localhost/cb?a=b%20c&d=e+f');

    expect(redirectWith(url, { code: 'x y', state: 'a&b' })).toBe(
      'http://localhost/cb?a=b%20c&d=e+f&code=x+y&state=a%26b',
    );
  });

  it('starts a query when there was none', () => {
    expect(redirectWith(new URL('http://localhost/cb'), { code: '1' })).toBe(
      'http://localhost/cb?code=1',
    );
  });
});
