import type { ValidationIssue } from '../../preload/contract';

/** A problem found at one place in a file or an import, e.g. `data.apps[2].appId`. */
export interface PathIssue {
  path: string;
  message: string;
}

/**
 * Why a store call failed. The IPC layer maps these to its BridgeError kinds: validation and
 * in_use → validation; not_found → not_found; forbidden and plain_text_secrets → forbidden;
 * the rest → internal (the message is still a sentence for the user).
 */
export type StoreErrorKind =
  | 'validation'
  | 'not_found'
  | 'forbidden'
  | 'in_use'
  | 'plain_text_secrets'
  | 'passphrase'
  | 'sandbox_unavailable'
  | 'io';

/** A typed store failure. Messages never hold a secret value. */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    readonly issues: ValidationIssue[] = [],
  ) {
    super(message);
  }
}

/** Saving a secret was refused because the OS keeps secrets as plain text and the user said no. */
export class PlainTextSecretsError extends StoreError {
  constructor() {
    super(
      'plain_text_secrets',
      'This system stores secrets without encryption. ' +
        'Choose "Allow saving secrets" to save them anyway.',
    );
  }
}

/** `clients[2].clientId` from zod's path segments. */
export function formatPath(segments: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
