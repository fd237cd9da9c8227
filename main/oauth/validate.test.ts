import { describe, expect, it } from 'vitest';
import type { ExchangeRequest, GrantInput } from '../../preload/contract';
import { validateExchange } from './validate';

function request(grant: GrantInput, over: Partial<ExchangeRequest> = {}): ExchangeRequest {
  return {
    environment: { tokenUrl: 'https://api.podio.com/oauth/token', wireStyle: 'form' },
    client: { clientId: 'acme-sync', clientSecret: 's3cret' },
    grant,
    ...over,
  };
}

const fieldsOf = (req: ExchangeRequest): string[] =>
  validateExchange(req).map((issue) => issue.field);

describe('validateExchange', () => {
  it.each<GrantInput>([
    { type: 'password', username: 'ann@example.com', password: 'pw' },
    { type: 'authorization_code', code: 'c', redirectUri: 'http://localhost:8123/callback' },
    { type: 'refresh_token', refreshToken: 'r' },
    { type: 'app', appId: '4242', appToken: 't' },
    { type: 'client_credentials' },
  ])('accepts a complete $type exchange', (grant) => {
    expect(validateExchange(request(grant))).toEqual([]);
  });

  it('requires the client for every grant, client_credentials included', () => {
    const req = request(
      { type: 'client_credentials' },
      { client: { clientId: '', clientSecret: ' ' } },
    );
    expect(validateExchange(req)).toEqual([
      { field: 'clientId', message: 'Client ID is required' },
      { field: 'clientSecret', message: 'Client secret is required' },
    ]);
  });

  it('requires username and password for the password grant; whitespace counts as missing', () => {
    expect(fieldsOf(request({ type: 'password', username: '  ', password: '\t' }))).toEqual([
      'username',
      'password',
    ]);
  });

  it('requires a code and an absolute http(s) redirect URI for authorization_code', () => {
    const grant: GrantInput = { type: 'authorization_code', code: '', redirectUri: '/callback' };
    expect(validateExchange(request(grant))).toEqual([
      { field: 'code', message: 'Authorization code is required' },
      { field: 'redirectUri', message: 'Redirect URI must be a full http:// or https:// address' },
    ]);
  });

  it('refuses a non-http redirect URI', () => {
    const grant: GrantInput = { type: 'authorization_code', code: 'c', redirectUri: 'ftp://x/cb' };
    expect(fieldsOf(request(grant))).toEqual(['redirectUri']);
  });

  it('requires a refresh token for the refresh_token grant', () => {
    expect(fieldsOf(request({ type: 'refresh_token', refreshToken: '' }))).toEqual([
      'refreshToken',
    ]);
  });

  it('requires a numeric app ID and an app token for the app grant', () => {
    expect(validateExchange(request({ type: 'app', appId: 'my-app', appToken: '' }))).toEqual([
      { field: 'appId', message: 'App ID must be a number' },
      { field: 'appToken', message: 'App token is required' },
    ]);
    expect(validateExchange(request({ type: 'app', appId: ' ', appToken: 't' }))).toEqual([
      { field: 'appId', message: 'App ID is required' },
    ]);
  });

  it.each(['', 'api.podio.com/oauth/token', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'refuses the token URL %j',
    (tokenUrl) => {
      const req = request(
        { type: 'client_credentials' },
        {
          environment: { tokenUrl, wireStyle: 'form' },
        },
      );
      expect(fieldsOf(req)).toEqual(['tokenUrl']);
    },
  );

  it('refuses a token URL carrying a user name and password', () => {
    const req = request(
      { type: 'client_credentials' },
      {
        environment: { tokenUrl: 'https://u:p@api.podio.com/oauth/token', wireStyle: 'json' },
      },
    );
    expect(validateExchange(req)).toEqual([
      { field: 'tokenUrl', message: 'Token URL must not contain a user name or password' },
    ]);
  });
});
