import type { GrantType, ProfileView } from '../../../../preload/contract';

export interface GrantOption {
  value: GrantType;
  label: string;
}

/**
 * The grants a saved profile can run: its app or its login, a browser sign-in with its client
 * (authorization code), and a refresh of a kept token.
 */
export function grantOptionsFor(profile: Pick<ProfileView, 'appRef' | 'loginRef'>): GrantOption[] {
  const options: GrantOption[] = [];
  if (profile.appRef) options.push({ value: 'app', label: 'App' });
  if (profile.loginRef) options.push({ value: 'password', label: 'Password' });
  options.push({ value: 'authorization_code', label: 'Authorization code' });
  options.push({ value: 'refresh_token', label: 'Refresh token' });
  return options;
}

/** The chosen grant when the profile still offers it, else its first one. */
export function effectiveGrant(options: GrantOption[], chosen: GrantType | null): GrantType {
  if (chosen !== null && options.some((o) => o.value === chosen)) return chosen;
  return options[0]?.value ?? 'refresh_token';
}
