import { describe, expect, it } from 'vitest';
import { PODIO_AUTHORIZE_URL, buildAuthorizeUrl, isHttpUrl, redirectUriFor } from './authorize';

const base = {
  authorizeUrl: PODIO_AUTHORIZE_URL,
  clientId: 'acme-sync',
  redirectUri: 'http://localhost:53121/callback/abc',
  state: 'st4te',
};

describe('buildAuthorizeUrl', () => {
  it('adds client_id, redirect_uri, state and response_type=code to Podio’s URL', () => {
    const url = new URL(buildAuthorizeUrl(base));
    expect(`${url.origin}${url.pathname}`).toBe('https://podio.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'acme-sync',
      redirect_uri: 'http://localhost:53121/callback/abc',
      state: 'st4te',
      response_type: 'code',
    });
  });

  it('adds scope only when it is not blank', () => {
    expect(new URL(buildAuthorizeUrl({ ...base, scope: '  ' })).searchParams.has('scope')).toBe(
      false,
    );
    const url = new URL(buildAuthorizeUrl({ ...base, scope: 'global:read user:all' }));
    expect(url.searchParams.get('scope')).toBe('global:read user:all');
  });

  it('adds code_challenge with method S256 when a challenge is given', () => {
    const url = new URL(buildAuthorizeUrl({ ...base, pkceChallenge: 'chal' }));
    expect(url.searchParams.get('code_challenge')).toBe('chal');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(new URL(buildAuthorizeUrl(base)).searchParams.has('code_challenge')).toBe(false);
  });

  it('keeps the query the authorize URL already has and replaces ours without duplicates', () => {
    const url = new URL(
      buildAuthorizeUrl({
        ...base,
        authorizeUrl: 'https://id.example.test/authorize?audience=api&state=old',
      }),
    );
    expect(url.searchParams.get('audience')).toBe('api');
    expect(url.searchParams.getAll('state')).toEqual(['st4te']);
  });

  it('encodes the redirect URI so it survives as one parameter', () => {
    const url = buildAuthorizeUrl({ ...base, redirectUri: 'http://127.0.0.1:1/cb?x=1&y=2' });
    expect(new URL(url).searchParams.get('redirect_uri')).toBe('http://127.0.0.1:1/cb?x=1&y=2');
    expect(new URL(url).searchParams.has('y')).toBe(false);
  });
});

describe('isHttpUrl', () => {
  it('accepts http and https and refuses other schemes and non-URLs', () => {
    expect(isHttpUrl('https://podio.com/oauth/authorize')).toBe(true);
    expect(isHttpUrl('http://127.0.0.1:8080/authorize')).toBe(true);
    expect(isHttpUrl('file:///etc/passwd')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('podio.com/oauth/authorize')).toBe(false);
  });
});

describe('redirectUriFor', () => {
  it('builds a loopback URI with the given host, port and path', () => {
    expect(redirectUriFor({ host: 'localhost', port: 53121, path: '/callback' })).toBe(
      'http://localhost:53121/callback',
    );
    expect(redirectUriFor({ host: '127.0.0.1', port: 8123, path: '/cb/x' })).toBe(
      'http://127.0.0.1:8123/cb/x',
    );
  });

  it('refuses a path without a leading slash and a port out of range', () => {
    expect(() => redirectUriFor({ host: 'localhost', port: 1, path: 'cb' })).toThrow(TypeError);
    expect(() => redirectUriFor({ host: 'localhost', port: 0, path: '/cb' })).toThrow(RangeError);
  });
});
