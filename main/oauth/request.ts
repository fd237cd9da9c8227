import type { ExchangeRequest, GrantInput } from '../../preload/contract';

/** One token request, ready for fetch. */
export interface TokenRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

// Ordered pairs, so both wire styles send the fields in the same, readable order.
function grantFields(grant: GrantInput): [string, string][] {
  switch (grant.type) {
    case 'password':
      return [
        ['username', grant.username],
        ['password', grant.password],
      ];
    case 'authorization_code': {
      const fields: [string, string][] = [
        ['code', grant.code],
        ['redirect_uri', grant.redirectUri],
      ];
      if (grant.codeVerifier) fields.push(['code_verifier', grant.codeVerifier]);
      return fields;
    }
    case 'refresh_token':
      return [['refresh_token', grant.refreshToken]];
    case 'app':
      return [
        ['app_id', grant.appId],
        ['app_token', grant.appToken],
      ];
    case 'client_credentials':
      return grant.scope !== undefined && grant.scope.trim() !== '' ? [['scope', grant.scope]] : [];
  }
}

// Ids, generated secrets and codes never hold edge spaces: those come from pasting, so they
// are trimmed. A password is a person's choice and goes exactly as typed.
const KEPT_AS_TYPED = new Set(['password']);

/** The wire fields of an exchange, in order; every value but the password trimmed at the edges. */
export function tokenFields(req: ExchangeRequest): [string, string][] {
  const fields: [string, string][] = [
    ['grant_type', req.grant.type],
    ['client_id', req.client.clientId],
    ['client_secret', req.client.clientSecret],
    ...grantFields(req.grant),
  ];
  return fields.map(([name, value]) => [name, KEPT_AS_TYPED.has(name) ? value : value.trim()]);
}

/** Podio's JSON endpoint is the form endpoint plus /v2; a query string is kept where it was. */
export function jsonTokenUrl(tokenUrl: string): string {
  try {
    const url = new URL(tokenUrl.trim());
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/v2`;
    return url.href;
  } catch {
    return `${tokenUrl.trim().replace(/\/+$/, '')}/v2`;
  }
}

/**
 * The POST for one exchange. Client credentials travel in the body (Podio refuses HTTP Basic),
 * so no Authorization header is sent. Call validateExchange first.
 */
export function buildTokenRequest(req: ExchangeRequest): TokenRequest {
  const fields = tokenFields(req);
  const accept = { Accept: 'application/json' };

  if (req.environment.wireStyle === 'json') {
    // Limitation: every value goes as a JSON string (app_id too), as typed in the form; Podio's
    // v2 docs show the same field names but we have not seen whether it also wants app_id a number.
    return {
      url: jsonTokenUrl(req.environment.tokenUrl),
      method: 'POST',
      headers: { ...accept, 'Content-Type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(fields)),
    };
  }

  return {
    url: req.environment.tokenUrl.trim(),
    method: 'POST',
    headers: { ...accept, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  };
}

/** The request's secret values, for masking wherever a server might echo them back. */
export function secretValuesOf(req: ExchangeRequest): string[] {
  const grant = req.grant;
  const values = [req.client.clientSecret];
  if (grant.type === 'password') values.push(grant.password);
  if (grant.type === 'authorization_code') values.push(grant.code, grant.codeVerifier ?? '');
  if (grant.type === 'refresh_token') values.push(grant.refreshToken);
  if (grant.type === 'app') values.push(grant.appToken);
  return values.filter((value) => value !== '');
}
