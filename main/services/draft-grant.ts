import type { GrantInput, GrantType, ProfileDraft } from '../../preload/contract';

/**
 * The grant half of an exchange, taken from the form's draft. refresh_token is not built from
 * the draft: it always uses a kept token's refresh token (exchange:refresh).
 */
export function grantFromDraft(
  draft: ProfileDraft,
  grant: Exclude<GrantType, 'refresh_token'>,
): GrantInput {
  switch (grant) {
    case 'password':
      return { type: 'password', username: draft.username, password: draft.password };
    case 'app':
      return { type: 'app', appId: draft.appId, appToken: draft.appToken };
    case 'authorization_code':
      return { type: 'authorization_code', code: draft.code, redirectUri: draft.redirectUri };
    case 'client_credentials':
      return { type: 'client_credentials' };
  }
}
