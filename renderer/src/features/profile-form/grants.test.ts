import { describe, expect, it } from 'vitest';
import { issueText } from './grants';

describe('issueText', () => {
  it("keeps main's sentence when it names the field in other words than the label", () => {
    expect(issueText('code', 'Authorization code is required')).toBe(
      'Authorization code is required',
    );
  });

  it('keeps a sentence that starts with the label', () => {
    expect(issueText('appId', 'App ID must be a number')).toBe('App ID must be a number');
    expect(issueText('tokenUrl', 'Token URL is required')).toBe('Token URL is required');
  });

  it('puts the label in front of a bare predicate', () => {
    expect(issueText('clientSecret', 'is too long (at most 65,536 characters)')).toBe(
      'Client secret is too long (at most 65,536 characters)',
    );
  });

  it('names the field once for every field main checks', () => {
    const sentences = [
      issueText('clientId', 'Client ID is required'),
      issueText('clientSecret', 'Client secret is required'),
      issueText('username', 'Username is required'),
      issueText('password', 'Password is required'),
      issueText('code', 'Authorization code is required'),
      issueText('redirectUri', 'Redirect URI must be a full http:// or https:// address'),
      issueText('refreshToken', 'Refresh token is required'),
      issueText('appToken', 'App token is required'),
    ];

    for (const sentence of sentences) expect(sentence).not.toMatch(/:\s/);
  });

  it('prefixes the label when the message does not name the field', () => {
    expect(issueText('refreshToken', 'Get a token first, then press Refresh')).toBe(
      'Refresh token: Get a token first, then press Refresh',
    );
  });
});
