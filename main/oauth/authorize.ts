/** Podio's authorize page; the browser goes here, never the token URL. */
export const PODIO_AUTHORIZE_URL = 'https://podio.com/oauth/authorize';

export interface AuthorizeUrlOptions {
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scope?: string;
  pkceChallenge?: string;
}

/**
 * The authorize URL for an authorization-code request. Parameters already on `authorizeUrl`
 * are kept; ours replace any of the same name, so the provider never sees two redirect_uris.
 * Throws TypeError when `authorizeUrl` does not parse.
 */
export function buildAuthorizeUrl(opts: AuthorizeUrlOptions): string {
  const url = new URL(opts.authorizeUrl);
  const params = url.searchParams;
  params.set('client_id', opts.clientId);
  params.set('redirect_uri', opts.redirectUri);
  params.set('state', opts.state);
  params.set('response_type', 'code');
  const scope = opts.scope?.trim();
  if (scope) params.set('scope', scope);
  if (opts.pkceChallenge) {
    params.set('code_challenge', opts.pkceChallenge);
    params.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

// Only http(s) URLs are ever handed to the system browser.
export { isHttpUrl } from '../urls';

export interface RedirectTarget {
  host: 'localhost' | '127.0.0.1';
  port: number;
  path: string;
}

/** The loopback redirect URI (RFC 8252 §7.3), e.g. http://localhost:53121/callback. */
export function redirectUriFor(target: RedirectTarget): string {
  if (!target.path.startsWith('/')) throw new TypeError('A redirect path must start with "/"');
  if (!Number.isInteger(target.port) || target.port < 1 || target.port > 65535) {
    throw new RangeError(`A redirect port must be 1-65535, not ${target.port}`);
  }
  return `http://${target.host}:${target.port}${target.path}`;
}
