/**
 * One-line explanations of token response fields, worded for someone reading a Podio answer.
 */

const EXPLANATIONS: Record<string, string> = {
  access_token:
    'The token itself: send it as "Authorization: OAuth2 <token>" on Podio API calls. ' +
    'Keep it secret.',
  token_type:
    'How to present the token. Podio says "bearer" but expects the word OAuth2 in the header.',
  expires_in:
    'Seconds until the access token expires (Podio: 8 hours). ' +
    'The expiry is computed from when the response arrived.',
  refresh_token:
    'Trades for a new access token without the password (Podio: lasts 28 days). ' +
    'Each refresh returns a new one; keep the newest.',
  scope: 'What the token may reach, e.g. "global:all" for a user or "app:<id>:all" for an app.',
  ref: 'Who the token acts as: a Podio user or app, with its id.',
  transfer_token:
    'A short-lived token Podio can issue to hand this sign-in over to a browser session. ' +
    'Treat it as a secret.',
  server_nonce:
    'Sent instead of a token when the login has two-factor sign-in; ' +
    'the second step is not in the public API.',
  id_token: 'An OpenID Connect identity token (a signed JWT about the user). Treat it as a secret.',
  error: 'The machine-readable error code, e.g. invalid_grant for wrong credentials.',
  error_description: "The server's own words on what went wrong.",
  error_detail: "Podio's sub-code that narrows the error down; often empty.",
  error_parameters: 'Extra data Podio attaches to the error; often empty.',
  error_propagate: 'True when Podio means the description to be shown to end users as it is.',
  request: "Podio's echo of the request it answered: URL, query string and method.",
};

/** A one-line explanation for a response field; a generic sentence for fields we do not know. */
export function explainField(name: string): string {
  return Object.hasOwn(EXPLANATIONS, name)
    ? (EXPLANATIONS[name] ?? '')
    : 'A field this server adds beyond the OAuth 2 standard; kept and shown as it came.';
}
