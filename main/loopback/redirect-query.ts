import { statesMatch } from '../oauth/state';

/** Why a redirect did not yield a usable code; the flow's failure reasons are a superset. */
export type RedirectFailureReason =
  'state_mismatch' | 'state_missing' | 'access_denied' | 'provider_error';

/** What one redirect query means for the flow waiting on it. */
export type RedirectReading =
  | { kind: 'code'; code: string; stateMissing: boolean }
  | { kind: 'failure'; reason: RedirectFailureReason; message: string };

/** Podio uses a repeated parameter's last value; so do we, so both sides read the same value. */
export function lastParam(query: URLSearchParams, name: string): string | null {
  return query.getAll(name).at(-1) ?? null;
}

function providerError(query: URLSearchParams): RedirectReading {
  const error = lastParam(query, 'error') ?? '';
  const description = lastParam(query, 'error_description');
  const why = description ? `: ${description}` : '.';
  if (error === 'access_denied') {
    return {
      kind: 'failure',
      reason: 'access_denied',
      message: `The provider reported access denied${why}`,
    };
  }
  return {
    kind: 'failure',
    reason: 'provider_error',
    message: `The provider returned error "${error}"${why}`,
  };
}

/**
 * Reads a redirect query against the state this flow sent. Messages may echo the provider's
 * error_description: escape them before they reach HTML.
 */
export function readRedirect(
  query: URLSearchParams,
  expectedState: string,
  acceptMissingState: boolean,
): RedirectReading {
  const received = lastParam(query, 'state');
  if (received !== null && !statesMatch(expectedState, received)) {
    return {
      kind: 'failure',
      reason: 'state_mismatch',
      message:
        'The redirect carried a different state than this sign-in sent; the code was not used.',
    };
  }

  // An error is believed even without state: it carries no code, and Podio's denial has none.
  if (lastParam(query, 'error') !== null) return providerError(query);

  const stateMissing = received === null;
  if (stateMissing && !acceptMissingState) {
    return {
      kind: 'failure',
      reason: 'state_missing',
      message:
        'The redirect carried no state, so it cannot be tied to this sign-in; ' +
        'the code was not used.',
    };
  }

  const code = lastParam(query, 'code');
  if (!code) {
    return {
      kind: 'failure',
      reason: 'provider_error',
      message: 'The redirect carried neither a code nor an error.',
    };
  }
  return { kind: 'code', code, stateMissing };
}
