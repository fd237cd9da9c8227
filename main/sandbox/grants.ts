import { createHash } from 'node:crypto';
import { appRefId } from './demo';
import type { SandboxContext } from './context';
import { jsonReply, NO_STORE, podioError } from './reply';
import type { Reply, RequestInfo } from './reply';
import { randomHex, safeEqual } from './tokens';
import type { IssuedToken, IssueInput, TokenOwner } from './tokens';

type Fields = ReadonlyMap<string, string>;

interface GrantCall {
  ctx: SandboxContext;
  fields: Fields;
  request: RequestInfo;
  clientId: string;
  /** X-Rate-Limit-* for this client, sent on every answer to it. */
  headers: Record<string, string>;
}

const SUPPORTED = ['password', 'app', 'authorization_code', 'refresh_token', 'client_credentials'];

/** Answers one token request whose fields are already parsed. */
export function runGrant(ctx: SandboxContext, fields: Fields, request: RequestInfo): Reply {
  const grantType = fields.get('grant_type');
  if (!grantType) return missing(request, 'grant_type', {});

  // RFC 6749 §5.2 allows 400 for a failed client authentication when the client sent its
  // credentials in the body (no Authorization header to challenge), and Podio answers 400.
  const { demo } = ctx.directory;
  const clientId = fields.get('client_id') ?? '';
  const clientSecret = fields.get('client_secret') ?? '';
  if (!safeEqual(clientId, demo.clientId) || !safeEqual(clientSecret, demo.clientSecret)) {
    return podioError(400, 'invalid_client', 'Invalid client_id or client_secret', request);
  }

  const call: GrantCall = { ctx, fields, request, clientId, headers: ctx.rates.hit(clientId) };
  switch (grantType) {
    case 'password':
      return passwordGrant(call);
    case 'app':
      return appGrant(call);
    case 'authorization_code':
      return codeGrant(call);
    case 'refresh_token':
      return refreshGrant(call);
    case 'client_credentials':
      return tokenReply(
        call,
        { type: 'client', id: clientId },
        fields.get('scope') || 'global:all',
        {
          // RFC 6749 §4.4.3: no refresh token for client_credentials; the client just asks again.
          withRefresh: false,
        },
      );
    default:
      return podioError(
        400,
        'unsupported_grant_type',
        `Unsupported grant type; supported: ${SUPPORTED.join(', ')}`,
        request,
        { headers: call.headers },
      );
  }
}

function passwordGrant(call: GrantCall): Reply {
  const username = call.fields.get('username');
  const password = call.fields.get('password');
  if (!username) return missing(call.request, 'username', call.headers);
  if (!password) return missing(call.request, 'password', call.headers);

  const login = call.ctx.directory.logins.find(
    (candidate) => candidate.username.toLowerCase() === username.trim().toLowerCase(),
  );
  if (!login || !safeEqual(password, login.password)) {
    return invalidGrant(call, 'Invalid user credentials');
  }
  if (login.twoFactor) {
    return jsonReply(
      200,
      { server_nonce: randomHex(12) },
      {
        ...NO_STORE,
        ...call.headers,
      },
    );
  }
  return tokenReply(call, { type: 'user', id: login.userId }, 'global:all');
}

function appGrant(call: GrantCall): Reply {
  const appId = call.fields.get('app_id');
  const appToken = call.fields.get('app_token');
  if (!appId) return missing(call.request, 'app_id', call.headers);
  if (!appToken) return missing(call.request, 'app_token', call.headers);

  const app = call.ctx.directory.apps.find((candidate) => candidate.appId === appId.trim());
  if (!app || !safeEqual(appToken, app.appToken)) {
    return invalidGrant(call, 'Invalid app credentials');
  }
  return tokenReply(call, { type: 'app', id: appRefId(app.appId) }, `app:${app.appId}:all`);
}

function codeGrant(call: GrantCall): Reply {
  const code = call.fields.get('code');
  const redirectUri = call.fields.get('redirect_uri');
  if (!code) return missing(call.request, 'code', call.headers);
  if (!redirectUri) return missing(call.request, 'redirect_uri', call.headers);

  const taken = call.ctx.tokens.takeCode(code);
  if (!taken.ok) {
    const why = {
      unknown: 'Invalid authorization code',
      used: 'The authorization code has already been used',
      expired: 'The authorization code has expired',
    }[taken.reason];
    return invalidGrant(call, why);
  }
  const record = taken.value;
  if (record.clientId !== call.clientId) {
    return invalidGrant(call, 'The authorization code was issued to another client');
  }
  if (record.redirectUri !== redirectUri) {
    return invalidGrant(call, 'redirect_uri does not match the one used to authorize');
  }
  if (record.challenge && !verifierMatches(record.challenge, call.fields.get('code_verifier'))) {
    return invalidGrant(call, 'Invalid code_verifier');
  }
  return tokenReply(call, record.owner, record.scope);
}

function refreshGrant(call: GrantCall): Reply {
  const refreshToken = call.fields.get('refresh_token');
  if (!refreshToken) return missing(call.request, 'refresh_token', call.headers);

  const taken = call.ctx.tokens.takeRefresh(refreshToken, call.clientId);
  if (!taken.ok) return invalidGrant(call, 'Invalid refresh token');
  return tokenReply(call, taken.value.owner, taken.value.scope);
}

function tokenReply(
  call: GrantCall,
  owner: TokenOwner,
  scope: string,
  options: Partial<Pick<IssueInput, 'withRefresh'>> = {},
): Reply {
  const faults = call.ctx.faults();
  const ttlSeconds = faults.shortLivedSeconds ?? call.ctx.accessTokenTtlSeconds;
  const token = call.ctx.tokens.issue({
    clientId: call.clientId,
    owner,
    scope,
    ttlSeconds,
    withRefresh: options.withRefresh ?? true,
  });
  return jsonReply(200, successBody(token, faults.expiresInAsString), {
    ...NO_STORE,
    ...call.headers,
  });
}

/** Podio's success body, keys in Podio's order. */
export function successBody(
  token: IssuedToken,
  expiresInAsString = false,
): Record<string, unknown> {
  return {
    access_token: token.accessToken,
    token_type: 'bearer',
    expires_in: expiresInAsString ? String(token.ttlSeconds) : token.ttlSeconds,
    ...(token.refreshToken ? { refresh_token: token.refreshToken } : {}),
    scope: token.scope,
    ref: { type: token.owner.type, id: token.owner.id },
  };
}

function verifierMatches(
  challenge: { method: 'S256' | 'plain'; value: string },
  verifier: string | undefined,
) {
  if (!verifier) return false;
  const computed =
    challenge.method === 'plain'
      ? verifier
      : createHash('sha256').update(verifier).digest('base64url');
  return safeEqual(computed, challenge.value);
}

function invalidGrant(call: GrantCall, description: string): Reply {
  return podioError(400, 'invalid_grant', description, call.request, { headers: call.headers });
}

function missing(request: RequestInfo, field: string, headers: Record<string, string>): Reply {
  return podioError(400, 'invalid_request', `Missing parameter: ${field}`, request, {
    parameters: { field },
    headers,
  });
}
