import { describe, expect, it } from 'vitest';
import { MASK, isSecretKey, redact, redactText, registerSecret } from './redact';

describe('redact', () => {
  it('masks secret fields in objects at any depth, in every naming style', () => {
    const out = redact({
      client_id: 'acme-sync',
      client_secret: 's3cret',
      nested: { password: 'pw', appToken: 'tok', list: [{ Authorization: 'OAuth2 abc' }] },
      access_token: 'a'.repeat(128),
      refreshToken: 'r1',
      code: 'c0de',
    });
    expect(out).toEqual({
      client_id: 'acme-sync',
      client_secret: MASK,
      nested: { password: MASK, appToken: MASK, list: [{ Authorization: MASK }] },
      access_token: MASK,
      refreshToken: MASK,
      code: MASK,
    });
  });

  it('masks form bodies, query strings, JSON text and Authorization headers', () => {
    expect(redactText('grant_type=password&username=u&password=p%20w&client_secret=x')).toBe(
      `grant_type=password&username=u&password=${MASK}&client_secret=${MASK}`,
    );
    expect(redactText('/callback?code=abc123&state=xyz')).toBe(`/callback?code=${MASK}&state=xyz`);
    expect(redactText('{"access_token":"abc\\"def","token_type":"bearer"}')).toBe(
      `{"access_token":"${MASK}","token_type":"bearer"}`,
    );
    expect(redactText('Authorization: OAuth2 0fb7d3+/=x')).toBe(`Authorization: OAuth2 ${MASK}`);
    expect(redactText('Bearer abc.def.ghi')).toBe(`Bearer ${MASK}`);
  });

  it('masks a registered secret value wherever it appears in free text', () => {
    registerSecret('hunter2-unique');
    expect(redactText('server said: bad password hunter2-unique!')).toBe(
      `server said: bad password ${MASK}!`,
    );
  });

  it('does not register values too short to mask safely', () => {
    registerSecret('ab');
    expect(redactText('about abba')).toBe('about abba');
  });

  it('keeps errors as errors with masked messages and survives cycles', () => {
    const error = redact(new Error('failed with client_secret=zzz')) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(`failed with client_secret=${MASK}`);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ a: 1, self: '[…]' });
  });

  it('recognises secret keys in header, snake and camel case only', () => {
    expect(['client_secret', 'clientSecret', 'authorization', 'app-token'].every(isSecretKey)).toBe(
      true,
    );
    expect(['client_id', 'username', 'token_type', 'scope'].some(isSecretKey)).toBe(false);
  });
});
