import type { ExchangeRequest } from '../../preload/contract';
import { scoped } from '../log';
import { registerSecret } from '../redact';
import { networkError, timeoutError } from './errors';
import { postWithTimeout } from './fetch-timeout';
import { bodyExcerpt, buildMeta, parseTokenResponse } from './parse';
import type { ParsedResult } from './parse';
import { buildTokenRequest, secretValuesOf } from './request';
import { validateExchange } from './validate';

const log = scoped('exchange');

export const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ExchangeDeps {
  /** Global fetch in tests and the harness; Electron's net.fetch in the app. */
  fetch: typeof fetch;
  /** One deadline for connecting, the headers and the whole body. */
  timeoutMs?: number;
  now?: () => number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * One exchange: validate, POST, read and parse the answer. Failures come back as typed errors,
 * never as a thrown error; nothing is sent when validation finds a missing input.
 */
export async function runExchange(req: ExchangeRequest, deps: ExchangeDeps): Promise<ParsedResult> {
  const grant = req.grant.type;
  const issues = validateExchange(req);
  if (issues.length > 0) {
    log.info(`not sent: grant=${grant}, ${issues.length} input(s) missing or invalid`);
    const message = issues.map((issue) => issue.message).join('. ');
    return { status: 'error', error: { kind: 'validation', message: `${message}.`, issues } };
  }

  const request = buildTokenRequest(req);
  const secrets = secretValuesOf(req);
  // The logger then masks these values should any of them ever reach a log line.
  secrets.forEach(registerSecret);
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const host = hostOf(request.url);
  const startedAt = now();

  const wire = await postWithTimeout(request, {
    fetch: deps.fetch,
    timeoutMs,
    maxBytes: MAX_BODY_BYTES,
    now,
  });
  const latencyMs = Math.max(0, Math.round(now() - startedAt));
  const line = `${request.method} ${host} grant=${grant}`;

  if (!wire.ok) {
    const error =
      wire.reason === 'timeout'
        ? timeoutError(request.url, timeoutMs)
        : networkError(wire.error, request.url);
    const code = error.kind === 'network' && error.code ? ` ${error.code}` : '';
    log.info(`${line} -> ${error.kind}${code} in ${latencyMs} ms`);
    return { status: 'error', error };
  }

  const { response } = wire;
  const input = {
    status: response.status,
    headers: response.headers,
    bodyText: response.bodyText,
    // Taken when the headers arrived: the server's clock for expires_in started no later.
    receivedAt: response.headersAt,
    url: request.url,
    latencyMs,
    secrets,
  };
  const result: ParsedResult = response.tooLarge
    ? {
        status: 'error',
        error: {
          kind: 'malformed',
          message:
            `The answer from ${host} is too large ` +
            `(over ${MAX_BODY_BYTES / 1024 / 1024} MiB); reading stopped there.`,
          bodyExcerpt: bodyExcerpt(
            response.bodyText,
            response.headers['content-type'] ?? '',
            secrets,
          ),
          meta: buildMeta(input),
        },
      }
    : parseTokenResponse(input);

  const outcome = result.status === 'error' ? result.error.kind : result.status;
  log.info(`${line} -> ${response.status} ${outcome} in ${latencyMs} ms`);
  return result;
}
