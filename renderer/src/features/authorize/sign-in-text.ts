import type { AuthorizePhase, AuthorizeStarted } from '../../../../preload/contract';

/** The status line for a phase of a browser sign-in. */
export function phaseText(phase: AuthorizePhase, message: string | null): string {
  switch (phase) {
    case 'waiting_for_browser':
      return 'Waiting for the browser…';
    case 'code_received':
      return 'Code received';
    case 'exchanging':
      return 'Exchanging the code…';
    case 'done':
      return 'Done';
    case 'failed':
      return `Failed: ${message ?? 'the sign-in ended without a token.'}`;
    case 'cancelled':
      return 'Cancelled';
  }
}

/** What to register with the provider, in one line: a bare domain (Podio) or the exact URI. */
export function registerHint(flow: Pick<AuthorizeStarted, 'registerAs'>): string {
  if (flow.registerAs.includes('://')) return 'Register this exact redirect URI with the provider.';
  return `Register the domain ${flow.registerAs} with your API key — Podio matches the domain only.`;
}
