import { startFlow } from './flow';
import type { FlowExchangeInput, FlowHandle, FlowOptions, FlowPhase } from './flow';

/** Drives flows in tests: a recording "system browser" and fetch playing the redirect. */

export interface Exchanged {
  tokenId: string;
}

const started: FlowHandle<unknown>[] = [];

/** For afterEach: cancels every flow begun here and waits for their listeners to close. */
export async function endAllFlows(): Promise<void> {
  for (const handle of started) handle.cancel();
  await Promise.all(started.splice(0).map((handle) => handle.result));
}

/**
 * The settings every flow test starts from: 127.0.0.1, a random path segment, no PKCE, state
 * required, and a "system browser" that only records the URLs it was asked to open.
 */
export function testFlowOptions<T>(
  exchangeCode: FlowOptions<T>['exchangeCode'],
  opened: string[],
): FlowOptions<T> {
  return {
    authorizeUrl: 'https://podio.com/oauth/authorize',
    clientId: 'acme-sync',
    redirect: { host: '127.0.0.1', path: '/callback', exactPath: false },
    usePkce: false,
    acceptMissingState: false,
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    exchangeCode,
  };
}

/** A flow on 127.0.0.1 whose "system browser" only records the URL it was asked to open. */
export async function begin(overrides: Partial<FlowOptions<Exchanged>> = {}) {
  const exchanges: FlowExchangeInput[] = [];
  const phases: FlowPhase[] = [];
  const opened: string[] = [];
  const exchangeCode: FlowOptions<Exchanged>['exchangeCode'] = (input) => {
    exchanges.push(input);
    return Promise.resolve({
      ok: true,
      message: 'Token for user 42 kept.',
      value: { tokenId: 't1' },
    });
  };
  const handle = await startFlow<Exchanged>({
    ...testFlowOptions(exchangeCode, opened),
    onPhase: (phase) => phases.push(phase),
    ...overrides,
  });
  started.push(handle);
  return { handle, exchanges, phases, opened };
}

export function sentState(handle: FlowHandle<unknown>): string {
  return new URL(handle.authorizeUrl).searchParams.get('state') ?? '';
}

/** Plays the provider redirecting the browser back: GET redirect_uri with the given query. */
export async function redirect(
  handle: FlowHandle<unknown>,
  query: Record<string, string> | string,
) {
  const target = new URL(new URL(handle.authorizeUrl).searchParams.get('redirect_uri') ?? '');
  target.search = new URLSearchParams(query).toString();
  const res = await fetch(target);
  return { status: res.status, body: await res.text() };
}

export function listenerPort(handle: FlowHandle<unknown>): number {
  return Number(new URL(handle.redirectUri).port);
}
