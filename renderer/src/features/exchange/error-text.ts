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

/** A headline and a hint for each kind of failed exchange. */
export function describeError(error: ExchangeError): { headline: string; hint: string } {
  switch (error.kind) {
    case 'oauth':
      return {
        headline: error.errorDescription ?? error.message,
        hint:
          error.error === 'rate_limit'
            ? 'The token endpoint is rate limited; wait before trying again.'
            : error.error === 'invalid_grant'
              ? 'Check the login, app or code: the server did not accept them.'
              : 'The server understood the request and refused it.',
      };
    case 'http':
      return {
        headline: `HTTP ${statusText(error.meta.status)}`,
        hint: 'The server, or a proxy in front of it, answered with an error instead of JSON.',
      };
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
        hint: 'Fix the marked fields and try again.',
      };
  }
}
