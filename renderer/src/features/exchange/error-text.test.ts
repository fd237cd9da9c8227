import { describe, expect, it } from 'vitest';
import { meta } from '../../test-support/fake-workbench';
import { describeError, statusLine } from './error-text';

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
