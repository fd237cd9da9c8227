import type { ExchangeError } from '../../../../preload/contract';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  420: 'Rate Limit',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** "200 OK", "502 Bad Gateway"; the bare number when the reason phrase is not a common one. */
export function statusText(status: number): string {
  const phrase = STATUS_TEXT[status];
  return phrase ? `${status} ${phrase}` : String(status);
}

/** The status line under a result: "200 OK · 12 ms". */
export function statusLine(status: number, latencyMs: number): string {
  return `${statusText(status)} · ${Math.round(latencyMs)} ms`;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** The longest headline shown; a longer server text is cut there and shown whole below it. */
export const HEADLINE_MAX = 200;

/** A server's text cut to a headline's length. */
export function headlineOf(text: string): string {
  return text.length > HEADLINE_MAX ? `${text.slice(0, HEADLINE_MAX).trimEnd()}…` : text;
}

const RATE_LIMITED = 'The token endpoint is rate limited; wait before trying again.';

const isRateLimit = (status: number): boolean => status === 420 || status === 429;
const isServerFault = (status: number): boolean => status >= 500 && status <= 599;

type OAuthError = Extract<ExchangeError, { kind: 'oauth' }>;
type HttpError = Extract<ExchangeError, { kind: 'http' }>;

// OAuth 2's own error codes (RFC 6749 §5.2); Podio adds rate_limit.
const OAUTH_HINTS: Record<string, string> = {
  invalid_grant:
    'Check the login, app token, code or refresh token: the server did not accept them.',
  invalid_client: 'Check the client ID and secret: the server did not accept them.',
  unauthorized_client: 'This client may not use this grant; check its settings with the provider.',
  unsupported_grant_type: 'The server does not offer this grant; pick another one.',
  invalid_scope: 'The server refused the requested scope; change or remove it.',
  invalid_request: 'The server found the request incomplete or malformed.',
};

function oauthHint(error: OAuthError): string {
  const { status } = error.meta;
  if (error.error === 'rate_limit' || isRateLimit(status)) return RATE_LIMITED;
  if (
    isServerFault(status) ||
    error.error === 'server_error' ||
    error.error === 'temporarily_unavailable'
  ) {
    return (
      `The server failed while handling the request (HTTP ${status}); ` +
      'your input is likely fine. Try again later.'
    );
  }
  return OAUTH_HINTS[error.error] ?? 'The server understood the request and refused it.';
}

function httpHint(error: HttpError): string {
  const { status } = error.meta;
  const json = /\bjson\b/i.test(error.contentType);
  if (status >= 300 && status <= 399) {
    return (
      'The token URL redirects elsewhere and token requests are not sent on; ' +
      "put the final address in the environment's token URL."
    );
  }
  if (isRateLimit(status)) return RATE_LIMITED;
  if (isServerFault(status)) {
    return json
      ? `The server failed (HTTP ${status}) and its JSON body is not an OAuth error; ` +
          'try again later.'
      : `The server, or a proxy in front of it, failed (HTTP ${status}); try again later.`;
  }
  if (error.bodyExcerpt === '') {
    return (
      `The server answered HTTP ${status} with an empty body; ` +
      "check the environment's token URL."
    );
  }
  if (json) {
    return (
      `The server answered HTTP ${status} with a JSON body that is not an OAuth error ` +
      '(it has no "error" text); see the raw response.'
    );
  }
  if (status === 404 || status === 405) {
    return "Nothing takes token requests at this address; check the environment's token URL.";
  }
  return (
    `The server, or a proxy in front of it, answered HTTP ${status} with a page instead of JSON; ` +
    "check the environment's token URL."
  );
}

/** A headline and a hint for each kind of failed exchange. */
export function describeError(error: ExchangeError): { headline: string; hint: string } {
  switch (error.kind) {
    case 'oauth':
      return {
        headline: headlineOf(error.errorDescription ?? error.message),
        hint: oauthHint(error),
      };
    case 'http':
      return { headline: `HTTP ${statusText(error.meta.status)}`, hint: httpHint(error) };
    case 'network':
      return {
        headline: 'Could not reach the server',
        hint: "Check the environment's token URL and the network connection.",
      };
    case 'timeout':
      return {
        headline: `No answer within ${formatDuration(error.timeoutMs)}`,
        hint: 'The server may be slow or unreachable; try again.',
      };
    case 'malformed':
      return {
        headline: 'The answer is not a token response',
        hint: 'See the raw response for what the server sent.',
      };
    case 'validation':
      return {
        headline: 'Some fields need attention',
        hint: 'Fix what is listed above and try again.',
      };
  }
}
