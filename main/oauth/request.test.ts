import { describe, expect, it } from 'vitest';
import type { ExchangeRequest, GrantInput, WireStyle } from '../../preload/contract';
import { buildTokenRequest, jsonTokenUrl, secretValuesOf } from './request';

function request(grant: GrantInput, wireStyle: WireStyle = 'form'): ExchangeRequest {
  return {
    environment: { tokenUrl: 'https://api.podio.com/oauth/token', wireStyle },
    client: { clientId: 'acme-sync', clientSecret: 's3cret' },
    grant,
  };
}

describe('buildTokenRequest', () => {
  it('posts a form body to the token URL with JSON accepted and no Authorization header', () => {
    const built = buildTokenRequest(request({ type: 'refresh_token', refreshToken: 'r1' }));
    expect(built).toEqual({
      url: 'https://api.podio.com/oauth/token',
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=refresh_token&client_id=acme-sync&client_secret=s3cret&refresh_token=r1',
    });
  });

  it('posts a JSON body to the token URL plus /v2', () => {
    const built = buildTokenRequest(request({ type: 'app', appId: '4242', appToken: 't' }, 'json'));
    expect(built.url).toBe('https://api.podio.com/oauth/token/v2');
    expect(built.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(built.body)).toEqual({
      grant_type: 'app',
      client_id: 'acme-sync',
      client_secret: 's3cret',
      app_id: '4242',
      app_token: 't',
    });
  });

  it('sends code_verifier only when given', () => {
    const grant = { type: 'authorization_code', code: 'c', redirectUri: 'http://l/cb' } as const;
    expect(buildTokenRequest(request(grant)).body).not.toContain('code_verifier');
    const withVerifier = buildTokenRequest(request({ ...grant, codeVerifier: 'v' }));
    expect(new URLSearchParams(withVerifier.body).get('code_verifier')).toBe('v');
  });

  it('sends scope for client_credentials only when given', () => {
    expect(buildTokenRequest(request({ type: 'client_credentials' })).body).not.toContain('scope');
    const built = buildTokenRequest(request({ type: 'client_credentials', scope: 'read write' }));
    expect(new URLSearchParams(built.body).get('scope')).toBe('read write');
  });

  it('sends a password exactly as typed but trims pasted ids, secrets and usernames', () => {
    const built = buildTokenRequest(
      request({ type: 'password', username: ' ann ', password: '  two spaces ' }),
    );
    expect(new URLSearchParams(built.body).get('password')).toBe('  two spaces ');
    expect(new URLSearchParams(built.body).get('username')).toBe('ann');
    const app = new URLSearchParams(
      buildTokenRequest(request({ type: 'app', appId: ' 4242 ', appToken: '\tabc123 \n' })).body,
    );
    expect([app.get('app_id'), app.get('app_token')]).toEqual(['4242', 'abc123']);
  });
});

describe('jsonTokenUrl', () => {
  it.each([
    ['https://api.podio.com/oauth/token', 'https://api.podio.com/oauth/token/v2'],
    ['https://api.podio.com/oauth/token/', 'https://api.podio.com/oauth/token/v2'],
    ['http://127.0.0.1:9/oauth/token?x=1', 'http://127.0.0.1:9/oauth/token/v2?x=1'],
  ])('turns %s into %s', (from, to) => {
    expect(jsonTokenUrl(from)).toBe(to);
  });
});

describe('secretValuesOf', () => {
  it('lists the client secret and the grant secret, never the username or client id', () => {
    const req = request({ type: 'password', username: 'ann', password: 'pw' });
    expect(secretValuesOf(req)).toEqual(['s3cret', 'pw']);
  });
});
