import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExchangeError } from '../../preload/contract';
import {
  bodyExcerpt,
  maskSecrets,
  maskTokenFields,
  parseTokenResponse,
  RAW_BODY_LIMIT,
} from './parse';
import type { ParsedResult, ResponseInput } from './parse';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/podio/${name}`, import.meta.url), 'utf8');

const RECEIVED_AT = 1_700_000_000_000;

function parse(status: number, bodyText: string, extra: Partial<ResponseInput> = {}): ParsedResult {
  return parseTokenResponse({
    status,
    headers: { 'Content-Type': 'application/json' },
    bodyText,
    receivedAt: RECEIVED_AT,
    url: 'https://api.podio.com/oauth/token',
    latencyMs: 42,
    ...extra,
  });
}

function tokenOf(result: ParsedResult) {
  if (result.status !== 'token') throw new Error(`expected a token, got ${JSON.stringify(result)}`);
  return result.token;
}

function errorOf<K extends ExchangeError['kind']>(result: ParsedResult, kind: K) {
  if (result.status !== 'error' || result.error.kind !== kind)
    throw new Error(`expected a ${kind} error, got ${JSON.stringify(result)}`);
  return result.error as Extract<ExchangeError, { kind: K }>;
}

describe('parseTokenResponse: success', () => {
  it('reads a Podio user token with expiry computed from the receive time', () => {
    const token = tokenOf(parse(200, fixture('token-user.json')));
    expect(token.accessToken).toMatch(/^0fb7d32c/);
    expect(token.accessToken).toHaveLength(128);
    expect(token.tokenType).toBe('bearer');
    expect(token.expiresIn).toBe(28800);
    expect(token.expiresAt).toBe(RECEIVED_AT + 28_800_000);
    expect(token.refreshToken).toBe('9ee49d067beeaeab4a0698958919c34b');
    expect(token.scope).toBe('global:all');
    expect(token.ref).toEqual({ type: 'user', id: 1234567 });
    expect(token.extra).toEqual({});
    expect(token.warnings).toEqual([]);
  });

  it('reads an app token with ref type app and the app id', () => {
    const token = tokenOf(parse(200, fixture('token-app.json')));
    expect(token.ref).toEqual({ type: 'app', id: 4242 });
    expect(token.scope).toBe('app:4242:all');
  });

  it('decodes every field in the order received, secrets flagged and explained', () => {
    const token = tokenOf(parse(200, fixture('token-user.json')));
    expect(token.fields.map((field) => [field.name, field.secret])).toEqual([
      ['access_token', true],
      ['token_type', false],
      ['expires_in', false],
      ['refresh_token', true],
      ['scope', false],
      ['ref', false],
    ]);
    expect(token.fields[2]).toMatchObject({ value: '28800', explanation: /8 hours/ });
    expect(token.fields[1]?.value).toBe('"bearer"');
    expect(token.fields[5]?.value).toBe('{"type":"user","id":1234567}');
  });

  it('keeps fields beyond the known ones as they came', () => {
    const body = { access_token: 'tok', expires_in: 60, transfer_token: 'tt', custom: { a: [1] } };
    const token = tokenOf(parse(200, JSON.stringify(body)));
    expect(token.extra).toEqual({ transfer_token: 'tt', custom: { a: [1] } });
    expect(token.fields.find((f) => f.name === 'transfer_token')?.secret).toBe(true);
    expect(token.fields.find((f) => f.name === 'custom')?.explanation).toMatch(
      /beyond the OAuth 2/,
    );
  });

  it('reads expires_in sent as a string as a number, with a warning', () => {
    const token = tokenOf(
      parse(200, '{"access_token":"tok","token_type":"bearer","expires_in":"28800"}'),
    );
    expect(token.expiresIn).toBe(28800);
    expect(token.expiresAt).toBe(RECEIVED_AT + 28_800_000);
    expect(token.warnings).toEqual([expect.stringMatching(/expires_in came as a string/)]);
  });

  it('leaves the expiry unknown when expires_in is missing, with a warning', () => {
    const token = tokenOf(parse(200, '{"access_token":"tok","token_type":"bearer"}'));
    expect(token.expiresIn).toBeNull();
    expect(token.expiresAt).toBeNull();
    expect(token.warnings).toEqual([expect.stringMatching(/no expires_in/)]);
  });

  it('leaves the expiry unknown when expires_in is not a number', () => {
    const token = tokenOf(
      parse(200, '{"access_token":"tok","token_type":"bearer","expires_in":"soon"}'),
    );
    expect(token.expiresIn).toBeNull();
    expect(token.warnings).toEqual([expect.stringMatching(/not a number of seconds/)]);
  });

  it('assumes bearer when token_type is missing, with a warning', () => {
    const token = tokenOf(parse(201, '{"access_token":"tok","expires_in":1}'));
    expect(token.tokenType).toBe('bearer');
    expect(token.warnings).toContain('The server sent no token_type; assuming bearer.');
  });

  it('keeps response headers with lower-cased names and the latency', () => {
    const result = parse(200, fixture('token-user.json'), {
      headers: { 'X-Rate-Limit-Limit': '250', 'X-Rate-Limit-Remaining': '249' },
    });
    if (result.status !== 'token') throw new Error('expected a token');
    expect(result.meta.headers).toEqual({
      'x-rate-limit-limit': '250',
      'x-rate-limit-remaining': '249',
    });
    expect(result.meta).toMatchObject({ status: 200, latencyMs: 42, receivedAt: RECEIVED_AT });
  });
});

describe('parseTokenResponse: two-factor', () => {
  it('reports two-factor sign-in with the nonce instead of a token', () => {
    const result = parse(200, fixture('two-factor.json'));
    if (result.status !== 'two_factor') throw new Error('expected two_factor');
    expect(result.serverNonce).toBe('c0153a05a4e0bcedca893f4a');
    expect(result.message).toMatch(/Two-factor sign-in is on for this login/);
    expect(result.message).toMatch(/not part of Podio's public API/);
  });
});

describe('parseTokenResponse: malformed 2xx', () => {
  it('names an empty 200 body', () => {
    const error = errorOf(parse(200, ''), 'malformed');
    expect(error.message).toBe('The server answered 200 with an empty body.');
  });

  it('names a 200 without an access_token and shows the body', () => {
    const error = errorOf(parse(200, '{"token_type":"bearer"}'), 'malformed');
    expect(error.message).toBe('The server answered 200 without an access_token.');
    expect(error.bodyExcerpt).toBe('{"token_type":"bearer"}');
  });

  it('names a 200 whose JSON is an array', () => {
    const error = errorOf(parse(200, '[{"access_token":"tok"}]'), 'malformed');
    expect(error.message).toBe('The server answered 200 with JSON that is not an object.');
  });

  it('names a 200 whose body is not JSON', () => {
    const error = errorOf(parse(200, '<html>hello</html>'), 'malformed');
    expect(error.message).toBe('The server answered 200 but its body is not JSON.');
    expect(error.bodyExcerpt).toBe('hello');
  });

  it('refuses an empty access_token', () => {
    const error = errorOf(parse(200, '{"access_token":""}'), 'malformed');
    expect(error.message).toMatch(/access_token that is empty or not text/);
  });
});

describe('parseTokenResponse: errors', () => {
  it('reads Podio invalid_grant as an oauth error with its extras', () => {
    const error = errorOf(parse(400, fixture('error-invalid-grant.json')), 'oauth');
    expect(error).toMatchObject({
      message: 'invalid_grant: Invalid user credentials',
      error: 'invalid_grant',
      errorDescription: 'Invalid user credentials',
      errorDetail: null,
      errorParameters: {},
      errorPropagate: false,
    });
    expect(error.meta.status).toBe(400);
  });

  it("says a 420 is Podio's rate limit and keeps the wait time", () => {
    const error = errorOf(parse(420, fixture('error-rate-limit.json')), 'oauth');
    expect(error.message).toMatch(/^Podio's rate limit was hit/);
    expect(error.message).toContain('Please wait 300 seconds');
  });

  it('reads a proxy HTML 400 page as an http error with its text', () => {
    const error = errorOf(
      parse(400, fixture('proxy-400.html'), { headers: { 'Content-Type': 'text/html' } }),
      'http',
    );
    expect(error.message).toBe('HTTP 400 Bad Request from api.podio.com.');
    expect(error.bodyExcerpt).toBe('400 Bad Request 400 Bad Request nginx');
    expect(error.contentType).toBe('text/html');
  });

  it('reads a JSON error body without an error field as an http error', () => {
    const error = errorOf(parse(500, '{"message":"boom"}'), 'http');
    expect(error.message).toBe('HTTP 500 Internal Server Error from api.podio.com.');
    expect(error.bodyExcerpt).toBe('{"message":"boom"}');
  });

  it('says when an error body is empty', () => {
    const error = errorOf(parse(503, ''), 'http');
    expect(error.message).toBe(
      'HTTP 503 Service Unavailable from api.podio.com with an empty body.',
    );
  });

  it('cuts a long error body to a short excerpt', () => {
    const error = errorOf(parse(502, 'x'.repeat(10_000)), 'http');
    expect(error.bodyExcerpt).toBe(`${'x'.repeat(500)}…`);
  });
});

describe('parseTokenResponse: bounds and masking', () => {
  it('cuts the raw body to 64 KiB', () => {
    const result = parse(200, `{"access_token":"tok","pad":"${'p'.repeat(100_000)}"}`);
    if (result.status !== 'token') throw new Error('expected a token');
    expect(result.meta.rawBody).toHaveLength(RAW_BODY_LIMIT);
  });

  it('masks the request secrets a server echoes in excerpts, raw body and descriptions', () => {
    const secrets = ['pa ss&word', 'client-secret-1'];
    const echo = `bad login pa ss&word / pa+ss%26word / client-secret-1`;
    const http = errorOf(parse(502, echo, { secrets }), 'http');
    expect(http.bodyExcerpt).toBe('bad login [redacted] / [redacted] / [redacted]');
    expect(http.meta.rawBody).not.toContain('ss&word');

    const body = JSON.stringify({ error: 'invalid_grant', error_description: `no: pa ss&word` });
    const oauth = errorOf(parse(400, body, { secrets }), 'oauth');
    expect(oauth.message).toBe('invalid_grant: no: [redacted]');
    expect(oauth.meta.rawBody).toBe(
      '{"error":"invalid_grant","error_description":"no: [redacted]"}',
    );
  });

  it('masks a secret that contains another secret as a whole', () => {
    expect(maskSecrets('abcdef', ['abc', 'abcdef'])).toBe('[redacted]');
  });

  it.each([
    ['null body', 200, 'null'],
    ['number body', 200, '42'],
    ['broken JSON', 400, '{"error":'],
    ['error not a string', 400, '{"error":{"x":1}}'],
    ['odd status', 0, ''],
    ['deep nesting', 400, `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ])('never throws on %s', (_name, status, body) => {
    expect(() => parse(status, body)).not.toThrow();
    expect(parse(status, body).status).toBe('error');
  });
});

describe('what an error shows of a cut-off success body', () => {
  it('hides token values, also when the text was cut inside one', () => {
    const cutBody =
      '{"access_token":"0fb7d32ccc69f136d7fda63a","token_type":"bearer","refresh_token":"9ee4';
    expect(maskTokenFields(cutBody)).toBe(
      '{"access_token":"[hidden]","token_type":"bearer","refresh_token":"[hidden]"',
    );
    expect(bodyExcerpt(cutBody, 'application/json')).not.toContain('0fb7d3');
  });
});

describe('an expires_in no real token has', () => {
  it.each([1e308, '1'.repeat(400), 10 * 365 * 24 * 3600 + 1])(
    'reads %s as an unknown expiry with a warning',
    (expiresIn) => {
      const result = parseTokenResponse({
        status: 200,
        headers: { 'content-type': 'application/json' },
        bodyText: JSON.stringify({ access_token: 'a'.repeat(128), expires_in: expiresIn }),
        receivedAt: 1000,
        url: 'http://127.0.0.1:1/oauth/token',
        latencyMs: 1,
      });
      if (result.status !== 'token') throw new Error(result.status);
      expect(result.token.expiresAt).toBeNull();
      expect(result.token.warnings.join(' ')).toContain('beyond any real expiry');
    },
  );
});
