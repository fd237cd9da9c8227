import type { z } from 'zod';
import type {
  BridgeError,
  Channel,
  Envelope,
  RequestOf,
  ResponseOf,
  ValidationIssue,
} from '../preload/contract';
import { CHANNELS } from '../preload/contract';
import { scoped } from './log';
import { requestSchemas } from './schemas';
import { StoreError, type StoreErrorKind } from './store/errors';

const logger = scoped('ipc');

/** The handler table: one function per contract channel. */
export type Handlers = { [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** An error a handler throws on purpose; its message is safe to show. */
export class HandlerError extends Error {
  constructor(
    readonly kind: 'validation' | 'not_found' | 'forbidden',
    message: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

const STORE_KINDS: Record<StoreErrorKind, BridgeError['kind']> = {
  validation: 'validation',
  in_use: 'validation',
  passphrase: 'validation',
  not_found: 'not_found',
  forbidden: 'forbidden',
  plain_text_secrets: 'forbidden',
  sandbox_unavailable: 'internal',
  io: 'internal',
};

/** A deliberate failure as the renderer gets it; null for a fault nobody planned for. */
function expectedFailure(error: unknown): BridgeError | null {
  if (error instanceof HandlerError) return { kind: error.kind, message: error.message };
  if (error instanceof StoreError) {
    // Store messages and issue texts are written for people and never hold secret values.
    return {
      kind: STORE_KINDS[error.kind],
      message: error.message,
      ...(error.issues.length > 0 ? { issues: error.issues } : {}),
    };
  }
  return null;
}

const KNOWN: ReadonlySet<string> = new Set(CHANNELS);

function isChannel(value: string): value is Channel {
  return KNOWN.has(value);
}

// A hostile payload controls key names and so the issue text: keep what is echoed short.
const MAX_ECHO = 120;
const short = (text: string): string =>
  text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}…` : text;

function payloadIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.slice(0, 5).map((issue) => ({
    field: short(issue.path.join('.') || 'payload'),
    message: short(issue.message),
  }));
}

function describeIssues(error: z.ZodError): string {
  return payloadIssues(error)
    .map((issue) => `${issue.field}: ${issue.message}`)
    .join('; ');
}

/**
 * Validates a payload for its channel and runs the handler, always answering an envelope: the
 * renderer sees a typed failure instead of Electron's generic remote-error text, and an
 * unexpected fault never leaks its stack or a secret.
 */
export function createDispatcher(handlers: Handlers) {
  return async function dispatch(channel: string, payload: unknown): Promise<Envelope<unknown>> {
    if (!isChannel(channel)) {
      logger.warn(`dropped call to unknown channel ${JSON.stringify(channel.slice(0, 80))}`);
      return { ok: false, error: { kind: 'validation', message: 'Unknown channel' } };
    }
    const parsed = requestSchemas[channel].safeParse(payload);
    if (!parsed.success) {
      logger.warn(`invalid payload for ${channel}: ${describeIssues(parsed.error)}`);
      return {
        ok: false,
        error: {
          kind: 'validation',
          message: `Invalid request: ${describeIssues(parsed.error)}`,
          // Each field by its path in the payload (e.g. draft.clientSecret), for the form to mark.
          issues: payloadIssues(parsed.error),
        },
      };
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      const expected = expectedFailure(error);
      if (expected) return { ok: false, error: expected };
      logger.error(`${channel} failed`, error);
      return { ok: false, error: { kind: 'internal', message: `${channel} failed unexpectedly` } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
