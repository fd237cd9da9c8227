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

/** What the register hint depends on besides main's answer, fixed when the sign-in started. */
export interface SignInContext {
  /** The environment signed in to: 'podio', 'sandbox' or a custom one's id. */
  environmentId: string | null;
  exactPath: boolean;
}

function domainOf(registerAs: string): string {
  if (!registerAs.includes('://')) return registerAs;
  try {
    return new URL(registerAs).hostname;
  } catch {
    return registerAs;
  }
}

/**
 * What to register with the provider, in one line. Podio matches an API key's domain only; the
 * sandbox takes any loopback redirect; another provider gets the exact URI, which changes on
 * each sign-in unless "Use exact path" is on.
 */
export function registerHint(
  flow: Pick<AuthorizeStarted, 'registerAs'>,
  context: SignInContext,
): string {
  if (context.environmentId === 'podio') {
    return (
      `Register the domain ${domainOf(flow.registerAs)} with your API key — ` +
      'Podio matches the domain only.'
    );
  }
  if (context.environmentId === 'sandbox') {
    return (
      'The sandbox accepts any loopback redirect (localhost, 127.0.0.1 or [::1]): ' +
      'nothing to register.'
    );
  }
  if (context.exactPath) return 'Register this exact redirect URI with the provider.';
  return (
    'A random segment is added to the path on each sign-in, so this URI changes every time. ' +
    'For a provider that checks the whole URI, turn on “Use exact path” and register that URI.'
  );
}
