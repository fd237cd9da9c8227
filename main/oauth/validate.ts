import type { ExchangeRequest, ValidationIssue } from '../../preload/contract';
import { hasCredentials, isHttpUrl } from '../urls';

const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

export { isHttpUrl };

function checkUrl(issues: ValidationIssue[], field: string, label: string, value: string): void {
  if (isBlank(value)) {
    issues.push({ field, message: `${label} is required` });
    return;
  }
  if (!isHttpUrl(value)) {
    issues.push({ field, message: `${label} must be a full http:// or https:// address` });
    return;
  }
  if (hasCredentials(value))
    issues.push({ field, message: `${label} must not contain a user name or password` });
}

function requireValue(
  issues: ValidationIssue[],
  field: string,
  label: string,
  value: string | undefined,
): void {
  if (isBlank(value)) issues.push({ field, message: `${label} is required` });
}

/** Every missing or malformed input of an exchange, found before anything is sent. */
export function validateExchange(req: ExchangeRequest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkUrl(issues, 'tokenUrl', 'Token URL', req.environment.tokenUrl);
  requireValue(issues, 'clientId', 'Client ID', req.client.clientId);
  requireValue(issues, 'clientSecret', 'Client secret', req.client.clientSecret);

  const grant = req.grant;
  switch (grant.type) {
    case 'password':
      requireValue(issues, 'username', 'Username', grant.username);
      requireValue(issues, 'password', 'Password', grant.password);
      break;
    case 'authorization_code':
      requireValue(issues, 'code', 'Authorization code', grant.code);
      checkUrl(issues, 'redirectUri', 'Redirect URI', grant.redirectUri);
      break;
    case 'refresh_token':
      requireValue(issues, 'refreshToken', 'Refresh token', grant.refreshToken);
      break;
    case 'app':
      if (isBlank(grant.appId)) issues.push({ field: 'appId', message: 'App ID is required' });
      else if (!/^\d+$/.test(grant.appId.trim()))
        issues.push({ field: 'appId', message: 'App ID must be a number' });
      requireValue(issues, 'appToken', 'App token', grant.appToken);
      break;
    case 'client_credentials':
      break;
  }
  return issues;
}
