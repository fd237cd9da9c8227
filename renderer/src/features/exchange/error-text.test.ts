import { describe, expect, it } from 'vitest';
import { meta } from '../../test-support/fake-workbench';
import { describeError, HEADLINE_MAX, statusLine } from './error-text';

describe('statusLine', () => {
  it('reads "200 OK · 12 ms"', () => {
    expect(statusLine(200, 12.4)).toBe('200 OK · 12 ms');
  });

  it('shows an unusual status as its bare number', () => {
    expect(statusLine(299, 3)).toBe('299 · 3 ms');
  });
});

describe('describeError', () => {
  it('heads an HTTP error with its status', () => {
    const headline = describeError({
      kind: 'http',
      message: 'The server answered 502 with an HTML page',
      bodyExcerpt: '<html>Bad Gateway</html>',
      contentType: 'text/html',
      meta: meta(502, '<html>Bad Gateway</html>'),
    }).headline;

    expect(headline).toBe('HTTP 502 Bad Gateway');
  });

  it("heads an oauth error with the server's description", () => {
    const { headline, hint } = describeError({
      kind: 'oauth',
      message: 'Rate limited',
      error: 'rate_limit',
      errorDescription: 'You have hit the rate limit. Please wait 300 seconds before trying again',
      errorDetail: null,
      errorParameters: {},
      errorPropagate: false,
      meta: meta(420, '{}'),
    });

    expect(headline).toBe(
      'You have hit the rate limit. Please wait 300 seconds before trying again',
    );
    expect(hint).toContain('rate limited');
  });

  it('falls back to the message when an oauth error has no description', () => {
    const { headline } = describeError({
      kind: 'oauth',
      message: 'The server refused the request (invalid_client)',
      error: 'invalid_client',
      errorDescription: null,
      errorDetail: null,
      errorParameters: null,
      errorPropagate: null,
      meta: meta(400, '{"error":"invalid_client"}'),
    });

    expect(headline).toBe('The server refused the request (invalid_client)');
  });

  it('states the timeout in seconds', () => {
    expect(
      describeError({ kind: 'timeout', message: 'No answer', timeoutMs: 15_000 }).headline,
    ).toBe('No answer within 15 s');
  });
});

describe('describeError hints', () => {
  const oauth = (status: number, error: string, description: string | null = null) =>
    ({
      kind: 'oauth',
      message: `${error} (HTTP ${status})`,
      error,
      errorDescription: description,
      errorDetail: null,
      errorParameters: null,
      errorPropagate: null,
      meta: meta(status, JSON.stringify({ error })),
    }) as const;
  const http = (status: number, contentType: string, bodyExcerpt = 'body') =>
    ({
      kind: 'http',
      message: `HTTP ${status} from 127.0.0.1.`,
      bodyExcerpt,
      contentType,
      meta: meta(status, bodyExcerpt),
    }) as const;

  it('says a 5xx OAuth error is the server failing, to retry later, never a refusal', () => {
    for (const status of [500, 502, 503, 504]) {
      const { hint } = describeError(oauth(status, 'invalid_request'));

      expect(hint).toContain(`The server failed while handling the request (HTTP ${status})`);
      expect(hint).toContain('Try again later');
      expect(hint).not.toContain('refused');
    }
  });

  it('reads server_error and temporarily_unavailable as server faults at any status', () => {
    for (const error of ['server_error', 'temporarily_unavailable']) {
      expect(describeError(oauth(400, error)).hint).toContain('Try again later');
    }
  });

  it('says a 4xx JSON body without an OAuth error is JSON, not "instead of JSON"', () => {
    for (const status of [400, 401, 403, 404, 409, 422]) {
      const { hint } = describeError(http(status, 'application/json; charset=utf-8', '{"x":1}'));

      expect(hint).toBe(
        `The server answered HTTP ${status} with a JSON body that is not an OAuth error ` +
          '(it has no "error" text); see the raw response.',
      );
    }
  });

  it('says a 5xx JSON body is a server failure to retry later', () => {
    const { hint } = describeError(http(503, 'application/problem+json', '{"title":"down"}'));

    expect(hint).toBe(
      'The server failed (HTTP 503) and its JSON body is not an OAuth error; try again later.',
    );
  });

  it('never says "instead of JSON" or "refused" for any JSON body', () => {
    for (const status of [301, 400, 404, 420, 429, 500, 503]) {
      const { hint } = describeError(http(status, 'application/json', '{"error":{"code":1}}'));

      expect(hint).not.toMatch(/instead of JSON|refused/);
    }
  });

  it('tells a failing proxy page from a client-side one', () => {
    expect(describeError(http(502, 'text/html')).hint).toBe(
      'The server, or a proxy in front of it, failed (HTTP 502); try again later.',
    );
    expect(describeError(http(403, 'text/html')).hint).toBe(
      'The server, or a proxy in front of it, answered HTTP 403 with a page instead of JSON; ' +
        "check the environment's token URL.",
    );
    expect(describeError(http(404, 'text/html')).hint).toContain(
      "check the environment's token URL",
    );
  });

  it('says a redirect is not followed', () => {
    expect(describeError(http(302, 'text/html', '')).hint).toContain('redirects elsewhere');
  });

  it('says an empty body is empty', () => {
    expect(describeError(http(400, '', '')).hint).toBe(
      "The server answered HTTP 400 with an empty body; check the environment's token URL.",
    );
  });

  it('asks to wait on a rate limit, as JSON, page or OAuth error', () => {
    const waits = 'The token endpoint is rate limited; wait before trying again.';
    expect(describeError(http(429, 'text/html')).hint).toBe(waits);
    expect(describeError(http(420, 'application/json', '{}')).hint).toBe(waits);
    expect(describeError(oauth(420, 'rate_limit')).hint).toBe(waits);
  });

  it('points an OAuth refusal at what the server did not accept', () => {
    expect(describeError(oauth(401, 'invalid_client')).hint).toBe(
      'Check the client ID and secret: the server did not accept them.',
    );
    expect(describeError(oauth(400, 'invalid_grant')).hint).toContain('refresh token');
    expect(describeError(oauth(400, 'some_custom_error')).hint).toBe(
      'The server understood the request and refused it.',
    );
  });

  it('does not promise marked fields for issues the form may not have', () => {
    const { hint } = describeError({ kind: 'validation', message: 'x', issues: [] });

    expect(hint).toBe('Fix what is listed above and try again.');
  });
});

describe('describeError headline', () => {
  it('cuts a long error_description to HEADLINE_MAX characters and an ellipsis', () => {
    const description = 'x'.repeat(20_000);
    const { headline } = describeError({
      kind: 'oauth',
      message: `invalid_request: ${description}`,
      error: 'invalid_request',
      errorDescription: description,
      errorDetail: null,
      errorParameters: null,
      errorPropagate: null,
      meta: meta(400, '{}'),
    });

    expect(headline).toBe(`${'x'.repeat(HEADLINE_MAX)}…`);
  });
});
