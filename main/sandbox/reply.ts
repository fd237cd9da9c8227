import { randomBytes } from 'node:crypto';
import { STATUS_CODES, type ServerResponse } from 'node:http';

/** One answer, built by a route and written in one place, so faults can reshape any of them. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What an error body echoes about the request, as Podio's `request` field does. */
export interface RequestInfo {
  method: string;
  /** The raw path, undecoded. */
  pathname: string;
  /** The raw query string without "?". */
  queryString: string;
  /** The sandbox's own base URL (never the Host header, which the caller controls). */
  baseUrl: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonReply(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'Content-Type': JSON_TYPE, ...headers },
    body: JSON.stringify(value),
  };
}

export interface PodioErrorExtra {
  detail?: string | null;
  parameters?: Record<string, unknown>;
  propagate?: boolean;
  headers?: Record<string, string>;
}

/** Podio's error body, keys in the order Podio sends them. */
export function podioError(
  status: number,
  error: string,
  description: string,
  request: RequestInfo,
  extra: PodioErrorExtra = {},
): Reply {
  const body = {
    error_parameters: extra.parameters ?? {},
    error_detail: extra.detail ?? null,
    error_propagate: extra.propagate ?? false,
    request: {
      url: `${request.baseUrl}${request.pathname}`,
      query_string: request.queryString,
      method: request.method,
    },
    error_description: description,
    error,
  };
  return jsonReply(status, body, extra.headers);
}

/** Every answer that carries a token or could be cached by a proxy says not to keep it. */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

export function htmlReply(status: number, html: string, headers: Record<string, string> = {}) {
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
    body: html,
  } satisfies Reply;
}

export function redirectReply(location: string): Reply {
  return { status: 302, headers: { Location: location, ...NO_STORE }, body: '' };
}

/** A short random id, like the X-Podio-Request-Id Podio puts on every answer. */
export function newRequestId(): string {
  return randomBytes(8).toString('hex');
}

/** Writes a reply; a socket that went away meanwhile is not an error worth more than a no-op. */
export function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  // Node knows no reason phrase for Podio's 420; give it one instead of "unknown".
  const reason = reply.status === 420 ? 'Rate Limit' : undefined;
  res.writeHead(reply.status, reason ?? STATUS_CODES[reply.status] ?? '', {
    ...reply.headers,
    'Content-Length': String(Buffer.byteLength(reply.body)),
  });
  res.end(reply.body);
}
