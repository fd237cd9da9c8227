import { describe, expect, it } from 'vitest';
import { readRedirect } from './redirect-query';

const STATE = 'expected-state-value';
const read = (query: string, acceptMissing = false) =>
  readRedirect(new URLSearchParams(query), STATE, acceptMissing);

describe('readRedirect', () => {
  it('yields the code when the state matches', () => {
    expect(read(`code=abc&state=${STATE}`)).toEqual({
      kind: 'code',
      code: 'abc',
      stateMissing: false,
    });
  });

  it('uses the last value of a repeated parameter, as Podio does', () => {
    expect(read(`code=first&state=wrong&code=second&state=${STATE}`)).toEqual({
      kind: 'code',
      code: 'second',
      stateMissing: false,
    });
  });

  it('fails with state_mismatch for another state, even when an error is present', () => {
    expect(read('code=abc&state=other')).toMatchObject({ reason: 'state_mismatch' });
    expect(read('error=access_denied&state=other')).toMatchObject({ reason: 'state_mismatch' });
  });

  it('fails with state_missing when no state came back and that is not accepted', () => {
    expect(read('code=abc')).toMatchObject({ kind: 'failure', reason: 'state_missing' });
  });

  it('yields the code with stateMissing when a missing state is accepted', () => {
    expect(read('code=abc', true)).toEqual({ kind: 'code', code: 'abc', stateMissing: true });
  });

  it('reports Podio’s denial (which carries no state) as access_denied', () => {
    const reading = read(
      'error=access_denied&error_reason=user_denied' +
        '&error_description=The+user+denied+your+request.',
    );
    expect(reading).toEqual({
      kind: 'failure',
      reason: 'access_denied',
      message: 'The provider reported access denied: The user denied your request.',
    });
  });

  it('reports any other error as provider_error with its description', () => {
    expect(read(`error=invalid_scope&error_description=Bad+scope&state=${STATE}`)).toEqual({
      kind: 'failure',
      reason: 'provider_error',
      message: 'The provider returned error "invalid_scope": Bad scope',
    });
  });

  it('fails when the redirect has neither code nor error', () => {
    expect(read(`state=${STATE}`)).toMatchObject({ reason: 'provider_error' });
    expect(read(`code=&state=${STATE}`)).toMatchObject({ reason: 'provider_error' });
  });
});
