import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxContext } from './context';
import { appRefId } from './demo';
import { jsonReply, podioError } from './reply';
import type { Reply, RequestInfo } from './reply';
import type { IssuedToken } from './tokens';

/** The token an API call carries: `OAuth2 <token>` as Podio documents, or `Bearer <token>`. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const match = /^(?:OAuth2|Bearer)\s+([^\s]+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

type Authenticated = { ok: true; token: IssuedToken } | { ok: false; reply: Reply };

/** The live token behind the request, or Podio's 401 for a missing, unknown or expired one. */
export function authenticate(
  ctx: SandboxContext,
  headers: IncomingHttpHeaders,
  request: RequestInfo,
): Authenticated {
  const value = bearerToken(headers);
  const token = value === null ? undefined : ctx.tokens.findAccess(value);
  if (token && !ctx.tokens.isExpired(token)) return { ok: true, token };

  const reason = token ? 'expired_token' : 'invalid_token';
  const reply = podioError(401, 'unauthorized', reason, request, {
    headers: { 'WWW-Authenticate': `Bearer realm="podio", error="${reason}"` },
  });
  return { ok: false, reply };
}

/** GET /user/status: who a user token belongs to. App and client tokens have no user. */
export function userStatus(ctx: SandboxContext, token: IssuedToken, request: RequestInfo): Reply {
  const owner = token.owner;
  const login =
    owner.type === 'user'
      ? ctx.directory.logins.find((candidate) => candidate.userId === owner.id)
      : undefined;
  if (!login) {
    return podioError(403, 'forbidden', 'This method is only available to users', request);
  }
  return jsonReply(200, {
    user: { user_id: login.userId, mail: login.username, status: 'active', locale: 'en_GB' },
    profile: { user_id: login.userId, name: login.name },
    ref: { type: 'user', id: login.userId },
  });
}

/** GET /oauth/scope: the token's scopes as Podio lists them. */
export function scopeList(token: IssuedToken): Reply {
  const entries = token.scope
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const pieces = part.split(':');
      const [type = '', second = '', third] = pieces;
      const refId = third === undefined ? null : appRefId(second);
      const permissions = (third ?? second).split(',').filter(Boolean);
      return { ref_type: type, ref_id: refId, permissions, ref_data: null };
    });
  return jsonReply(200, entries);
}

/** GET /app/<id>: users reach every sandbox app, an app token only its own app. */
export function appInfo(
  ctx: SandboxContext,
  token: IssuedToken,
  appId: string,
  request: RequestInfo,
): Reply {
  const app = ctx.directory.apps.find((candidate) => candidate.appId === appId);
  if (!app) return podioError(404, 'not_found', 'Object not found', request);

  const owner = token.owner;
  const allowed = owner.type === 'user' || (owner.type === 'app' && String(owner.id) === appId);
  if (!allowed) {
    return podioError(403, 'forbidden', 'The token has no access to this app', request);
  }
  return jsonReply(200, {
    app_id: appRefId(app.appId),
    status: 'active',
    config: { name: app.name, item_name: 'Item' },
  });
}
