import type { Sandbox } from './server';

/** Helpers for the sandbox's own tests (and anyone's test that drives the sandbox by hand). */

export interface WireAnswer {
  status: number;
  headers: Headers;
  text: string;
}

async function answer(response: Response): Promise<WireAnswer> {
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The body as an object; fails the test loudly when it is not JSON. */
export function jsonOf(reply: WireAnswer): Record<string, unknown> {
  return JSON.parse(reply.text) as Record<string, unknown>;
}

export async function postForm(url: string, fields: Record<string, string>): Promise<WireAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return answer(response);
}

export async function postJson(url: string, body: unknown): Promise<WireAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return answer(response);
}

/** Posts token fields in either wire style, with the demo client's credentials added. */
export function exchange(
  sandbox: Sandbox,
  style: 'form' | 'json',
  fields: Record<string, string>,
): Promise<WireAnswer> {
  const body = {
    client_id: sandbox.demo.clientId,
    client_secret: sandbox.demo.clientSecret,
    ...fields,
  };
  return style === 'form'
    ? postForm(sandbox.tokenUrl, body)
    : postJson(`${sandbox.tokenUrl}/v2`, body);
}

export async function getWithToken(url: string, token: string, scheme = 'OAuth2') {
  return answer(await fetch(url, { headers: { Authorization: `${scheme} ${token}` } }));
}

/** Opens the authorize page and returns it with the decision id its forms carry. */
export async function openAuthorizePage(sandbox: Sandbox, params: Record<string, string>) {
  const url = `${sandbox.authorizeUrl}?${new URLSearchParams(params).toString()}`;
  const page = await answer(await fetch(url, { redirect: 'manual' }));
  const decisionId = /name="decision_id" value="([0-9a-f]+)"/.exec(page.text)?.[1] ?? null;
  return { page, decisionId };
}

/** Posts Allow or Deny for a shown page and returns the redirect it answers. */
export async function decide(sandbox: Sandbox, decisionId: string, decision: 'allow' | 'deny') {
  const response = await fetch(`${sandbox.url}/oauth/authorize/decision`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ decision_id: decisionId, decision }).toString(),
    redirect: 'manual',
  });
  return answer(response);
}

export const REDIRECT_URI = 'http://localhost:8765/callback';

/** Walks the authorize page with Allow and returns the code from the redirect. */
export async function authorizeCode(
  sandbox: Sandbox,
  params: Record<string, string> = {},
): Promise<string> {
  const { decisionId } = await openAuthorizePage(sandbox, {
    client_id: sandbox.demo.clientId,
    redirect_uri: REDIRECT_URI,
    state: 'st-1',
    ...params,
  });
  if (!decisionId) throw new Error('authorize page carried no decision id');
  const redirect = await decide(sandbox, decisionId, 'allow');
  const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code');
  if (!code) throw new Error(`no code in redirect (status ${redirect.status})`);
  return code;
}

/**
 * Plays the system browser on a sandbox authorize URL: opens the page, presses Allow or Deny,
 * follows the redirect to wherever it points (a loopback listener) and returns that page's text.
 */
export async function actAsBrowser(
  authorizeUrl: string,
  decision: 'allow' | 'deny',
): Promise<string> {
  const page = await (await fetch(authorizeUrl)).text();
  const decisionId = /name="decision_id" value="([0-9a-f]+)"/.exec(page)?.[1];
  if (!decisionId) throw new Error('authorize page carried no decision id');
  const redirect = await fetch(`${new URL(authorizeUrl).origin}/oauth/authorize/decision`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ decision_id: decisionId, decision }).toString(),
    redirect: 'manual',
  });
  const location = redirect.headers.get('location');
  if (!location) throw new Error(`no redirect after ${decision} (status ${redirect.status})`);
  return (await fetch(location)).text();
}
