import { describe, expect, it } from 'vitest';
import { findErrorCode, networkError, timeoutError } from './errors';

const URL_ = 'https://api.example.test:8443/oauth/token';

function wrapped(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code }) });
}

describe('findErrorCode', () => {
  it('digs the code out of undici cause chains and aggregate errors', () => {
    expect(findErrorCode(wrapped('ECONNREFUSED'))).toBe('ECONNREFUSED');
    const aggregate = new AggregateError([Object.assign(new Error('a'), { code: 'ETIMEDOUT' })]);
    expect(findErrorCode(new TypeError('fetch failed', { cause: aggregate }))).toBe('ETIMEDOUT');
  });

  it("reads Chromium's net::ERR_ names from Electron's messages", () => {
    expect(findErrorCode(new Error('net::ERR_NAME_NOT_RESOLVED'))).toBe('ERR_NAME_NOT_RESOLVED');
  });

  it('gives null for a plain error or a non-error', () => {
    expect(findErrorCode(new Error('boom'))).toBeNull();
    expect(findErrorCode('boom')).toBeNull();
  });
});

describe('networkError', () => {
  it.each([
    ['ENOTFOUND', 'Could not resolve host api.example.test'],
    ['ERR_NAME_NOT_RESOLVED', 'Could not resolve host api.example.test'],
    ['ECONNRESET', 'The connection to api.example.test:8443 was reset'],
    [
      'CERT_HAS_EXPIRED',
      'The secure connection to api.example.test:8443 failed (CERT_HAS_EXPIRED)',
    ],
    ['EWHATEVER', 'Could not reach api.example.test:8443 (EWHATEVER).'],
  ])('explains %s', (code, start) => {
    expect(networkError(wrapped(code), URL_)).toEqual({
      kind: 'network',
      code,
      message: expect.stringContaining(start) as string,
    });
  });

  it("never repeats the thrown error's own text, which may hold the URL", () => {
    const error = new TypeError('Request cannot be constructed from https://u:hunter22@x/');
    expect(networkError(error, URL_).message).not.toContain('hunter22');
  });
});

describe('timeoutError', () => {
  it('names the host and the wait in seconds', () => {
    expect(timeoutError(URL_, 30_000).message).toBe(
      'No answer from api.example.test:8443 within 30 s.',
    );
    expect(timeoutError(URL_, 300).message).toBe(
      'No answer from api.example.test:8443 within 0.3 s.',
    );
  });
});
