import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './server';
import type { Sandbox } from './server';
import { decide, openAuthorizePage, REDIRECT_URI } from './test-kit';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

const baseParams = () => ({
  client_id: sandbox.demo.clientId,
  redirect_uri: REDIRECT_URI,
  state: 'st-42',
  response_type: 'code',
});

async function decided(params: Record<string, string>, choice: 'allow' | 'deny') {
  const { decisionId } = await openAuthorizePage(sandbox, params);
  expect(decisionId).not.toBeNull();
  return decide(sandbox, decisionId!, choice);
}

describe('authorize page', () => {
  it('shows Allow and Deny buttons under a strict CSP', async () => {
    const { page } = await openAuthorizePage(sandbox, baseParams());

    expect(page.status).toBe(200);
    expect(page.text).toContain('<button type="submit" class="allow">Allow</button>');
    expect(page.text).toContain('<button type="submit">Deny</button>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self' http://localhost:8765");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.text).not.toMatch(/<script|src=|href=/);
  });

  it('escapes a script in state and redirect_uri', async () => {
    const { page } = await openAuthorizePage(sandbox, {
      ...baseParams(),
      redirect_uri: 'http://localhost:8765/cb?next="><script>alert(1)</script>',
      state: '<script>alert("s")</script>',
    });

    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script');
    expect(page.text).toContain('&lt;script&gt;alert(&quot;s&quot;)&lt;/script&gt;');
    expect(page.text).toContain('next=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('the forms carry only a decision id, never the redirect_uri', async () => {
    const { page } = await openAuthorizePage(sandbox, baseParams());

    const hidden = [...page.text.matchAll(/<input type="hidden" name="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(hidden)).toEqual(new Set(['decision_id', 'decision']));
  });

  it('an unknown client gets a 400 error page, no redirect', async () => {
    const { page } = await openAuthorizePage(sandbox, { ...baseParams(), client_id: 'nobody' });

    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Unknown client');
  });

  it.each([
    ['missing', null],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,hi'],
    ['CR LF injection', 'http://localhost:8765/cb\r\nSet-Cookie: a=b'],
    ['a fragment', 'http://localhost:8765/cb#frag'],
    ['a foreign host', 'https://example.org/cb'],
    ['credentials', 'http://user:pw@localhost:8765/cb'],
    ['not a URL', 'not a url'],
  ])('a redirect_uri that is %s gets a 400 page and no redirect', async (_name, value) => {
    const params: Record<string, string> = baseParams();
    if (value === null) delete params.redirect_uri;
    else params.redirect_uri = value;

    const { page, decisionId } = await openAuthorizePage(sandbox, params);

    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
    expect(decisionId).toBeNull();
  });

  it('a response_type other than code redirects back with unsupported_response_type', async () => {
    const { page } = await openAuthorizePage(sandbox, { ...baseParams(), response_type: 'token' });

    expect(page.status).toBe(302);
    const location = new URL(page.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('unsupported_response_type');
    expect(location.searchParams.get('state')).toBe('st-42');
  });
});

describe('authorize decision', () => {
  it('Allow redirects with a code and the state', async () => {
    const reply = await decided(baseParams(), 'allow');

    expect(reply.status).toBe(302);
    const location = new URL(reply.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
    expect(location.searchParams.get('state')).toBe('st-42');
  });

  it('Allow keeps the query the redirect_uri already had', async () => {
    const reply = await decided(
      { ...baseParams(), redirect_uri: `${REDIRECT_URI}?profile=a%20b&x=1` },
      'allow',
    );

    const location = reply.headers.get('location') ?? '';
    expect(location.startsWith(`${REDIRECT_URI}?profile=a%20b&x=1&code=`)).toBe(true);
  });

  it('Allow without a state sends no state', async () => {
    const params: Record<string, string> = baseParams();
    delete params.state;

    const reply = await decided(params, 'allow');

    expect(new URL(reply.headers.get('location') ?? '').searchParams.has('state')).toBe(false);
  });

  it("Deny redirects with Podio's access_denied parameters", async () => {
    const reply = await decided(baseParams(), 'deny');

    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe(
      `${REDIRECT_URI}?error=access_denied&error_reason=user_denied` +
        '&error_description=The+user+denied+your+request.&state=st-42',
    );
  });

  it('omitState drops state from the redirect', async () => {
    sandbox.setFaults({ omitState: true });

    const allowed = await decided(baseParams(), 'allow');
    const denied = await decided(baseParams(), 'deny');

    expect(new URL(allowed.headers.get('location') ?? '').searchParams.has('state')).toBe(false);
    expect(new URL(allowed.headers.get('location') ?? '').searchParams.has('code')).toBe(true);
    expect(new URL(denied.headers.get('location') ?? '').searchParams.has('state')).toBe(false);
  });

  it('a decision id works once', async () => {
    const { decisionId } = await openAuthorizePage(sandbox, baseParams());

    const first = await decide(sandbox, decisionId!, 'allow');
    const second = await decide(sandbox, decisionId!, 'allow');

    expect(first.status).toBe(302);
    expect(second.status).toBe(400);
    expect(second.headers.get('location')).toBeNull();
  });

  it('a made-up decision id gets a 400 page', async () => {
    const reply = await decide(sandbox, 'deadbeef'.repeat(4), 'allow');

    expect(reply.status).toBe(400);
    expect(reply.text).toContain('already answered or expired');
  });
});
