import { describe, expect, it } from 'vitest';
import { explainField } from './explain';

describe('explainField', () => {
  it('explains Podio fields and falls back for unknown ones', () => {
    expect(explainField('ref')).toBe('Who the token acts as: a Podio user or app, with its id.');
    expect(explainField('expires_in')).toMatch(/^Seconds until the access token expires/);
    expect(explainField('toString')).toMatch(/beyond the OAuth 2 standard/);
  });
});
