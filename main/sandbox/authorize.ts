import type { IncomingMessage } from 'node:http';
import { consentPage, errorPage, pageHeaders } from './authorize-page';
import { declaredTooLarge, mediaType, parseFormFields, readBody } from './body';
import type { SandboxContext } from './context';
import { DEMO_USER_ID } from './demo';
import { checkRedirectUri, redirectWith } from './redirect-uri';
import { htmlReply, redirectReply } from './reply';
import type { Reply } from './reply';
import { randomHex, rememberBounded, safeEqual } from './tokens';
import type { CodeChallenge } from './tokens';

/** One shown consent page, waiting for Allow or Deny. Its id is all the page's forms carry. */
interface PendingDecision {
  clientId: string;
  redirectUri: string;
  url: URL;
  state: string | null;
  scope: string;
  challenge: CodeChallenge | null;
  expiresAt: number;
}

const DECISION_TTL_MS = 10 * 60 * 1000;
const MAX_DECISIONS = 1_000;
const MAX_STATE_LENGTH = 2048;

export interface AuthorizeRoutes {
  page(query: ReadonlyMap<string, string>): Reply;
  decide(req: IncomingMessage): Promise<Reply>;
}

/** GET /oauth/authorize and POST /oauth/authorize/decision for one sandbox. */
export function createAuthorizeRoutes(ctx: SandboxContext): AuthorizeRoutes {
  const pending = new Map<string, PendingDecision>();

  function page(query: ReadonlyMap<string, string>): Reply {
    const clientId = query.get('client_id') ?? '';
    if (!clientId || !safeEqual(clientId, ctx.directory.demo.clientId)) {
      return fail('Unknown client', 'The client_id is missing or not known to the sandbox.');
    }
    const redirectUri = query.get('redirect_uri');
    const checked = checkRedirectUri(redirectUri, ctx.redirectHosts);
    if (!checked.ok || redirectUri === undefined) {
      return fail('Invalid redirect_uri', checked.ok ? '' : checked.message);
    }
    const state = query.get('state') ?? null;
    if (state !== null && state.length > MAX_STATE_LENGTH) {
      return fail('Invalid state', 'The state parameter is longer than 2048 characters.');
    }

    // From here the redirect_uri is trusted, so errors go back to the client as OAuth says.
    const responseType = query.get('response_type');
    if (responseType !== undefined && responseType !== 'code') {
      return redirectReply(backTo(checked.url, { error: 'unsupported_response_type' }, state));
    }
    const challenge = readChallenge(query);
    if (challenge === 'invalid') {
      const error = { error: 'invalid_request', error_description: 'Bad code_challenge' };
      return redirectReply(backTo(checked.url, error, state));
    }

    const scope = query.get('scope')?.trim() || 'global:all';
    const decisionId = randomHex(16);
    const decision: PendingDecision = {
      clientId,
      redirectUri,
      url: checked.url,
      state,
      scope,
      challenge,
      expiresAt: ctx.now() + DECISION_TTL_MS,
    };
    rememberBounded(pending, decisionId, decision, MAX_DECISIONS);
    const html = consentPage({
      clientId,
      username: ctx.directory.demo.username,
      redirectUri,
      scope,
      state,
      decisionId,
    });
    return htmlReply(200, html, pageHeaders(checked.url.origin));
  }

  async function decide(req: IncomingMessage): Promise<Reply> {
    if (declaredTooLarge(req)) return fail('Request too large', 'The form was too large.', 413);
    if (mediaType(req.headers['content-type']) !== 'application/x-www-form-urlencoded') {
      return fail('Bad request', 'The decision must be posted from the sandbox authorize page.');
    }
    const read = await readBody(req);
    if (!read.ok) return fail('Request too large', 'The form was too large.', 413);

    const fields = parseFormFields(read.text);
    const decisionId = fields.get('decision_id') ?? '';
    const decision = pending.get(decisionId);
    // One use: a second click, a reload or a replayed form finds nothing.
    pending.delete(decisionId);
    if (!decision || ctx.now() >= decision.expiresAt) {
      return fail('Request expired', 'This authorize request was already answered or expired.');
    }

    const choice = fields.get('decision');
    if (choice === 'deny') {
      const denied = {
        error: 'access_denied',
        error_reason: 'user_denied',
        error_description: 'The user denied your request.',
      };
      return redirectReply(backTo(decision.url, denied, decision.state));
    }
    if (choice !== 'allow') return fail('Bad request', 'The decision must be allow or deny.');

    const code = ctx.tokens.createCode(
      {
        clientId: decision.clientId,
        redirectUri: decision.redirectUri,
        // Limitation: there is no sign-in step; whoever clicks Allow approves as the demo user.
        owner: { type: 'user', id: DEMO_USER_ID },
        scope: decision.scope,
        challenge: decision.challenge,
      },
      ctx.codeTtlSeconds,
    );
    return redirectReply(backTo(decision.url, { code }, decision.state));
  }

  function backTo(url: URL, params: Record<string, string>, state: string | null): string {
    const withState = state !== null && !ctx.faults().omitState ? { ...params, state } : params;
    return redirectWith(url, withState);
  }

  return { page, decide };
}

function fail(heading: string, message: string, status = 400): Reply {
  // On 413 the connection closes, which lets the rest of the upload be dropped unread.
  const close: Record<string, string> = status === 413 ? { Connection: 'close' } : {};
  return htmlReply(status, errorPage(heading, message), { ...pageHeaders(null), ...close });
}

function readChallenge(query: ReadonlyMap<string, string>): CodeChallenge | null | 'invalid' {
  const value = query.get('code_challenge');
  if (value === undefined) return null;
  const method = query.get('code_challenge_method') ?? 'plain';
  // RFC 7636 §4.2: 43 to 128 characters of the unreserved set.
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(value)) return 'invalid';
  if (method !== 'S256' && method !== 'plain') return 'invalid';
  return { method, value };
}
