import { z } from 'zod';
import type { Channel, Envelope, RequestOf, ResponseOf } from '../preload/contract';
import { CHANNELS } from '../preload/contract';
import { scoped } from './log';
import { requestSchemas } from './schemas';

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

const KNOWN: ReadonlySet<string> = new Set(CHANNELS);

function isChannel(value: string): value is Channel {
  return KNOWN.has(value);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
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
        error: { kind: 'validation', message: `Invalid request: ${describeIssues(parsed.error)}` },
      };
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof HandlerError) {
        return { ok: false, error: { kind: error.kind, message: error.message } };
      }
      logger.error(`${channel} failed`, error);
      return { ok: false, error: { kind: 'internal', message: `${channel} failed unexpectedly` } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
