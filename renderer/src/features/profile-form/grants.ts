import type { GrantType, ProfileDraft } from '../../../../preload/contract';

/** The draft fields a person types, in the form's order. */
export type DraftField = Exclude<keyof ProfileDraft, 'environmentId'>;

// Limitation: client_credentials (generic providers) is not offered yet; the screen is Podio's.
/** Grants the picker offers, with the label a person reads. */
export const GRANT_OPTIONS: ReadonlyArray<{ value: GrantType; label: string }> = [
  { value: 'password', label: 'Password' },
  { value: 'app', label: 'App' },
  { value: 'authorization_code', label: 'Authorization code' },
  { value: 'refresh_token', label: 'Refresh token' },
];

/** "Authorization code", "Client credentials": a grant as the screen names it. */
export function grantLabel(grant: GrantType): string {
  if (grant === 'client_credentials') return 'Client credentials';
  return GRANT_OPTIONS.find((o) => o.value === grant)?.label ?? grant;
}

const USED: Record<GrantType, ReadonlyArray<DraftField>> = {
  password: ['clientId', 'clientSecret', 'username', 'password'],
  app: ['clientId', 'clientSecret', 'appId', 'appToken'],
  authorization_code: ['clientId', 'clientSecret', 'code', 'redirectUri'],
  // A refresh reuses the client stored with the token it refreshes, so the form is not read.
  refresh_token: [],
  client_credentials: ['clientId', 'clientSecret'],
};

/** Whether the chosen grant sends this field; unused ones are dimmed, not hidden. */
export function usesField(grant: GrantType, field: DraftField): boolean {
  return USED[grant].includes(field);
}

/** The visible label of each form field, also used to name fields in validation messages. */
export const FIELD_LABELS: Record<keyof ProfileDraft, string> = {
  environmentId: 'Environment',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  username: 'Username',
  password: 'Password',
  appId: 'App ID',
  appToken: 'App token',
  code: 'Code',
  redirectUri: 'Redirect URI',
};

// Issue fields main may name that are not inputs of their own.
const OTHER_LABELS: Record<string, string> = {
  tokenUrl: 'Token URL',
  refreshToken: 'Refresh token',
  // The browser sign-in's settings, as main's payload check names them.
  redirectHost: 'Redirect host',
  port: 'Port',
  path: 'Redirect path',
  scope: 'Scope',
};

/** The label for a validation issue's field, or the field name when nothing better is known. */
export function fieldLabel(field: string): string {
  if (field in FIELD_LABELS) return FIELD_LABELS[field as keyof ProfileDraft];
  return OTHER_LABELS[field] ?? field;
}

/** The input a validation issue marks: the token URL comes from the chosen environment. */
export function inputForIssue(field: string): string {
  return field === 'tokenUrl' ? 'environmentId' : field;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An issue as one sentence that names its field once. Main's messages usually name the field
 * already ("App ID is required", "Authorization code is required" for the Code input); a bare
 * predicate ("is too long …") gets the label in front; anything else is prefixed "Label: ".
 */
export function issueText(field: string, message: string): string {
  const label = fieldLabel(field);
  const text = message.trim();
  if (/^(is|are|must|should|cannot|has|needs) /.test(text)) return `${label} ${text}`;
  const namesField = new RegExp(`(^|\\W)${escapeRegExp(label)}(\\W|$)`, 'i').test(text);
  return namesField ? text : `${label}: ${text}`;
}
