import type { ExchangeError } from '../../preload/contract';

type NetworkError = Extract<ExchangeError, { kind: 'network' }>;
type TimeoutError = Extract<ExchangeError, { kind: 'timeout' }>;

const TLS_CODES = new Set([
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const isTls = (code: string): boolean =>
  TLS_CODES.has(code) || /^(ERR_TLS_|ERR_SSL_|ERR_CERT_|CERT_)/.test(code);

function ownCode(error: object): string | null {
  if ('code' in error && typeof error.code === 'string' && error.code !== '') return error.code;
  // Electron's net.fetch reports Chromium's net::ERR_* names in the message instead of a code.
  // Limitation: this mapping is read from Chromium's error list, not yet run against net.fetch.
  if ('message' in error && typeof error.message === 'string') {
    const match = /net::(ERR_[A-Z_]+)/.exec(error.message);
    if (match?.[1]) return match[1];
  }
  return null;
}

/**
 * The system error code behind a failed fetch. undici wraps it: TypeError('fetch failed') with
 * the socket error as `cause`, sometimes an AggregateError holding one error per address tried.
 */
export function findErrorCode(error: unknown, depth = 0): string | null {
  if (depth > 5 || typeof error !== 'object' || error === null) return null;
  const cause = 'cause' in error ? findErrorCode(error.cause, depth + 1) : null;
  if (cause) return cause;
  if ('errors' in error && Array.isArray(error.errors)) {
    for (const inner of error.errors as unknown[]) {
      const code = findErrorCode(inner, depth + 1);
      if (code) return code;
    }
  }
  return ownCode(error);
}

function hostOf(url: string): { host: string; hostname: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, hostname: parsed.hostname };
  } catch {
    return { host: 'the server', hostname: 'the server' };
  }
}

function networkMessage(code: string | null, url: string): string {
  const { host, hostname } = hostOf(url);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ERR_CONNECTION_REFUSED':
      return `Connection refused by ${host} — is the server running?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ERR_NAME_NOT_RESOLVED':
      return `Could not resolve host ${hostname} — check the token URL and your connection.`;
    case 'ECONNRESET':
    case 'ERR_CONNECTION_RESET':
      return `The connection to ${host} was reset before an answer arrived.`;
    case 'UND_ERR_SOCKET':
    case 'ERR_CONNECTION_CLOSED':
    case 'ERR_EMPTY_RESPONSE':
      return `${host} closed the connection before a full answer arrived.`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ERR_CONNECTION_TIMED_OUT':
      return `Could not connect to ${host} in time.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ERR_ADDRESS_UNREACHABLE':
    case 'ERR_INTERNET_DISCONNECTED':
      return `${host} cannot be reached from this network.`;
  }
  if (code && isTls(code))
    return (
      `The secure connection to ${host} failed (${code}): ` +
      'its certificate is not trusted or TLS could not be agreed.'
    );
  return `Could not reach ${host}${code ? ` (${code})` : ''}.`;
}

/**
 * A failed fetch as a typed network error. The thrown error's own text is never used: fetch
 * puts the URL (and anything in it) into some of its messages.
 */
export function networkError(error: unknown, url: string): NetworkError {
  const code = findErrorCode(error);
  return { kind: 'network', message: networkMessage(code, url), code };
}

/** "No answer from <host> within 30 s". */
export function timeoutError(url: string, timeoutMs: number): TimeoutError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return {
    kind: 'timeout',
    message: `No answer from ${hostOf(url).host} within ${seconds} s.`,
    timeoutMs,
  };
}
