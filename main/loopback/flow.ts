import { randomBytes, randomUUID } from 'node:crypto';
import { scoped } from '../log';
import { redactText, registerSecret } from '../redact';
import { buildAuthorizeUrl, isHttpUrl, redirectUriFor } from '../oauth/authorize';
import { newPkcePair } from '../oauth/pkce';
import { newState } from '../oauth/state';
import { LoopbackError, startListener } from './listener';
import type { Listener, LoopbackHost } from './listener';
import type { RedirectPage } from './page';
import { readRedirect } from './redirect-query';

const log = scoped('loopback');

export type FlowPhase =
  'waiting_for_browser' | 'code_received' | 'exchanging' | 'done' | 'failed' | 'cancelled';

export type FlowFailureReason =
  | 'state_mismatch'
  | 'state_missing'
  | 'access_denied'
  | 'provider_error'
  | 'timeout'
  | 'cancelled'
  | 'port_in_use'
  | 'exchange_failed'
  | 'browser_failed';

export interface FlowExchangeInput {
  code: string;
  /** Exactly the redirect_uri string that was on the authorize URL. */
  redirectUri: string;
  codeVerifier?: string;
  /** Aborted when the flow is cancelled while the exchange runs; honouring it is optional. */
  signal: AbortSignal;
}

/**
 * The caller's exchange outcome. `ok` tells the flow whether to call it a success, `message`
 * (no secrets: it is shown on the browser page) says what happened, `value` is handed back.
 */
export interface FlowExchangeResult<T> {
  ok: boolean;
  message: string;
  value: T;
}

/** How a flow ended. `value` is the caller's own exchange outcome whenever an exchange ran. */
export type FlowResult<T> =
  | { ok: true; value: T; message: string; stateMissing: boolean }
  | { ok: false; reason: FlowFailureReason; message: string; value?: T };

export interface FlowOptions<T> {
  authorizeUrl: string;
  clientId: string;
  scope?: string;
  redirect: {
    host: LoopbackHost;
    port?: number;
    /** e.g. '/callback'. */
    path: string;
    /** false: a fresh random segment is added under path (Podio, sandbox); true: path as is. */
    exactPath: boolean;
  };
  usePkce: boolean;
  acceptMissingState: boolean;
  /** Default 5 minutes. Runs until the code arrives; the exchange has its own timeout. */
  timeoutMs?: number;
  openExternal: (url: string) => Promise<void>;
  exchangeCode: (input: FlowExchangeInput) => Promise<FlowExchangeResult<T>>;
  onPhase?: (phase: FlowPhase, info?: { message?: string }) => void;
}

export interface FlowHandle<T> {
  flowId: string;
  /** Empty when the flow failed before a port was known. */
  redirectUri: string;
  /** Empty when the flow failed before the URL was built. */
  authorizeUrl: string;
  listenAddresses: string[];
  /** Settles once, after the listener has closed. Never rejects. */
  result: Promise<FlowResult<T>>;
  cancel(): void;
}

export const DEFAULT_FLOW_TIMEOUT_MS = 5 * 60 * 1000;

const CANCELLED_PAGE: RedirectPage = {
  ok: false,
  title: 'Sign-in cancelled',
  detail:
    'Token Workbench stopped this sign-in before the exchange finished; its result was discarded.',
};

function describeDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`;
  return `${ms / 1000} seconds`;
}

function redirectPath(path: string, exactPath: boolean): string {
  // The listener compares the raw request path, so only text a browser sends unchanged is valid.
  if (!/^\/[\x21-\x7e]*$/.test(path) || /[?#%]/.test(path)) {
    throw new TypeError(
      'A redirect path must start with "/" and hold only visible ASCII without "?", "#" or "%"',
    );
  }
  if (exactPath) return path;
  // An unguessable segment per flow: a stray or forged request cannot hit the live path.
  return `${path.replace(/\/+$/, '')}/${randomBytes(12).toString('base64url')}`;
}

/** A handle for a flow that ended before it listened; its result is already settled. */
export function endedFlow<T>(
  flowId: string,
  reason: FlowFailureReason,
  message: string,
  redirectUri = '',
): FlowHandle<T> {
  const result: FlowResult<T> = { ok: false, reason, message };
  return {
    flowId,
    redirectUri,
    authorizeUrl: '',
    listenAddresses: [],
    result: Promise.resolve(result),
    cancel: () => undefined,
  };
}

/**
 * Runs one authorization-code flow: listen on loopback, open the browser on the authorize URL,
 * check the redirect's state, exchange the code at once, answer the browser, close. Failures
 * (port in use, a refused URL, ...) come back in `result`; it rejects only for a malformed
 * redirect path, which is a programming error.
 */
export async function startFlow<T>(opts: FlowOptions<T>): Promise<FlowHandle<T>> {
  const flowId = randomUUID();
  const phase = (p: FlowPhase, message?: string): void =>
    opts.onPhase?.(p, message === undefined ? undefined : { message });
  const path = redirectPath(opts.redirect.path, opts.redirect.exactPath);

  if (!isHttpUrl(opts.authorizeUrl)) {
    const message = 'Only http(s) authorize URLs are opened in the browser.';
    phase('failed', message);
    return endedFlow<T>(flowId, 'browser_failed', message);
  }

  const state = newState();
  const pkce = opts.usePkce ? newPkcePair() : undefined;
  registerSecret(pkce?.verifier);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FLOW_TIMEOUT_MS;
  const abort = new AbortController();
  let redirectUri = '';
  let settled = false;
  let resolveResult: (result: FlowResult<T>) => void = () => undefined;
  const result = new Promise<FlowResult<T>>((resolve) => (resolveResult = resolve));
  // Secrets the browser page and the result messages must never show, even if echoed back.
  const hidden: string[] = [];
  const scrub = (text: string): string =>
    hidden.reduce((out, secret) => out.split(secret).join('[hidden]'), redactText(text));

  // Every ending goes through here: the result resolves only once the listener has closed.
  const settle = (outcome: FlowResult<T>): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    abort.abort();
    const ending = outcome.ok ? 'done' : outcome.reason === 'cancelled' ? 'cancelled' : 'failed';
    log.info(`flow ${flowId} ${ending}${outcome.ok ? '' : ` (${outcome.reason})`}`);
    phase(ending, outcome.message);
    void listening
      .then(
        (listener) => listener.close(),
        () => undefined,
      )
      .then(() => resolveResult(outcome));
  };

  const fail = (reason: FlowFailureReason, message: string, value?: T): RedirectPage => {
    settle(
      value === undefined ? { ok: false, reason, message } : { ok: false, reason, message, value },
    );
    return { ok: false, title: 'Sign-in failed', detail: message };
  };

  // Limitation: the first GET on the path ends the flow whatever it carries (RFC 6749 §10.12
  // wants a wrong state refused). A local program that knows the path can thus end it; with
  // exactPath false the path holds 96 random bits, with a registered exact path it does not.
  const onRedirect = async (query: URLSearchParams): Promise<RedirectPage> => {
    const reading = readRedirect(query, state, opts.acceptMissingState);
    if (reading.kind === 'failure') return fail(reading.reason, scrub(reading.message));

    const { code, stateMissing } = reading;
    // Limitation: like the logger, codes under 4 characters are not masked in messages:
    // masking one letter everywhere would garble them (real codes are far longer).
    if (code.length >= 4) hidden.push(code);
    registerSecret(code);
    // The wait is over once the code is here; the exchange keeps its own timeout.
    clearTimeout(timer);
    phase('code_received');
    phase('exchanging');
    let exchanged: FlowExchangeResult<T>;
    try {
      exchanged = await opts.exchangeCode({
        code,
        redirectUri,
        ...(pkce ? { codeVerifier: pkce.verifier } : {}),
        signal: abort.signal,
      });
    } catch (err) {
      log.error(`flow ${flowId}: the exchange threw`, err);
      if (settled) return CANCELLED_PAGE;
      return fail('exchange_failed', 'The code arrived but the exchange failed unexpectedly.');
    }

    if (settled) return CANCELLED_PAGE;
    const message = scrub(exchanged.message);
    if (!exchanged.ok) return fail('exchange_failed', message, exchanged.value);
    settle({ ok: true, value: exchanged.value, message, stateMissing });
    return { ok: true, title: 'Signed in', detail: message };
  };

  const { host, port } = opts.redirect;
  const listening = startListener({ host, port, path, onRedirect });
  const timer = setTimeout(() => {
    const waited = describeDuration(timeoutMs);
    settle({
      ok: false,
      reason: 'timeout',
      message: `No redirect arrived within ${waited}; the sign-in was stopped.`,
    });
  }, timeoutMs);

  let listener: Listener;
  try {
    listener = await listening;
  } catch (err) {
    clearTimeout(timer);
    if (!(err instanceof LoopbackError)) throw err;
    // Limitation: a bind failure other than a taken port (rare on loopback: EACCES on a low
    // fixed port) is reported as port_in_use too; the message names the real cause.
    if (!settled) phase('failed', err.message);
    const fixed = port ? redirectUriFor({ host, port, path }) : '';
    return endedFlow<T>(flowId, 'port_in_use', err.message, fixed);
  }

  redirectUri = redirectUriFor({ host, port: listener.port, path });
  const authorizeUrl = buildAuthorizeUrl({
    authorizeUrl: opts.authorizeUrl,
    clientId: opts.clientId,
    redirectUri,
    state,
    scope: opts.scope,
    pkceChallenge: pkce?.challenge,
  });
  const handle: FlowHandle<T> = {
    flowId,
    redirectUri,
    authorizeUrl,
    listenAddresses: listener.addresses,
    result,
    cancel: () => settle({ ok: false, reason: 'cancelled', message: 'The sign-in was cancelled.' }),
  };
  // A very short timeout can end the flow while it was still binding; then open nothing.
  if (settled) return handle;

  const provider = new URL(opts.authorizeUrl).host;
  log.info(`flow ${flowId} waiting on ${listener.addresses.join(', ')} for ${provider}`);
  phase('waiting_for_browser');
  // Wrapped so an adapter that throws instead of rejecting still ends the flow cleanly.
  Promise.resolve()
    .then(() => opts.openExternal(authorizeUrl))
    .catch((err: unknown) => {
      log.error(`flow ${flowId}: could not open the browser`, err);
      const why = err instanceof Error && err.message ? `: ${scrub(err.message)}` : '.';
      settle({
        ok: false,
        reason: 'browser_failed',
        message: `Could not open the system browser${why}`,
      });
    });
  return handle;
}
