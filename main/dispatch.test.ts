import { describe, expect, it, vi } from 'vitest';
import type { ExchangeOutcome } from '../preload/contract';
import { CHANNELS } from '../preload/contract';
import { StoreError } from './store/errors';
import { createDispatcher, HandlerError, type Handlers } from './dispatch';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = () => Promise.reject(new Error('not used'));
  const table = Object.fromEntries(
    CHANNELS.map((channel) => [channel, unused]),
  ) as unknown as Handlers;
  return { ...table, ...overrides };
}

describe('dispatch', () => {
  it('runs the handler with the parsed payload and wraps its answer', async () => {
    const outcome = { status: 'error' } as unknown as ExchangeOutcome;
    const refresh = vi.fn(() => Promise.resolve(outcome));
    const dispatch = createDispatcher(handlers({ 'exchange:refresh': refresh }));
    expect(await dispatch('exchange:refresh', { tokenId: 't1' })).toEqual({
      ok: true,
      value: outcome,
    });
    expect(refresh).toHaveBeenCalledWith({ tokenId: 't1' });
  });

  it('refuses an unknown channel without running anything', async () => {
    const dispatch = createDispatcher(handlers());
    expect(await dispatch('fs:read', {})).toEqual({
      ok: false,
      error: { kind: 'validation', message: 'Unknown channel' },
    });
  });

  it('refuses extra, missing or mistyped payload fields before the handler runs', async () => {
    const refresh = vi.fn();
    const dispatch = createDispatcher(handlers({ 'exchange:refresh': refresh }));
    for (const payload of [
      { tokenId: 1 },
      {},
      { tokenId: 'a', extra: true },
      'x'.repeat(10),
      null,
    ]) {
      const reply = await dispatch('exchange:refresh', payload);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.kind).toBe('validation');
    }
    expect(refresh).not.toHaveBeenCalled();
  });

  it('refuses oversized strings, naming the field by its path in the payload', async () => {
    const dispatch = createDispatcher(handlers());
    const reply = await dispatch('exchange:refresh', { tokenId: 'x'.repeat(10_000) });
    expect(reply).toEqual({
      ok: false,
      error: {
        kind: 'validation',
        message: 'Invalid request: tokenId: is longer than 100 characters',
        issues: [{ field: 'tokenId', message: 'is longer than 100 characters' }],
      },
    });
  });

  it('keeps what it echoes of a hostile key short', async () => {
    const dispatch = createDispatcher(handlers());
    const reply = await dispatch('exchange:refresh', { tokenId: 't', ['k'.repeat(200_000)]: 1 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message.length).toBeLessThan(600);
  });

  it('passes a HandlerError on with its kind and message', async () => {
    const dispatch = createDispatcher(
      handlers({ 'exchange:refresh': () => Promise.reject(new HandlerError('not_found', 'gone')) }),
    );
    expect(await dispatch('exchange:refresh', { tokenId: 't' })).toEqual({
      ok: false,
      error: { kind: 'not_found', message: 'gone' },
    });
  });

  it('passes a StoreError on with its issues, mapped to a bridge kind', async () => {
    const issues = [{ field: 'data.apps[2].appId', message: 'must be a number' }];
    const dispatch = createDispatcher(
      handlers({
        'transfer:import': () =>
          Promise.reject(new StoreError('validation', 'The import file has 1 problem', issues)),
        'entity:delete': () => Promise.reject(new StoreError('in_use', 'Used by profile "A"')),
      }),
    );
    expect(await dispatch('transfer:import', { json: '{}', passphrase: null })).toEqual({
      ok: false,
      error: { kind: 'validation', message: 'The import file has 1 problem', issues },
    });
    expect(await dispatch('entity:delete', { kind: 'client', id: 'c1' })).toEqual({
      ok: false,
      error: { kind: 'validation', message: 'Used by profile "A"' },
    });
  });

  it('hides the text of an unexpected fault, which may hold a secret', async () => {
    const dispatch = createDispatcher(
      handlers({
        'exchange:refresh': () => Promise.reject(new Error('boom client_secret=leak-me')),
      }),
    );
    const reply = await dispatch('exchange:refresh', { tokenId: 't' });
    expect(reply).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'exchange:refresh failed unexpectedly' },
    });
  });
});
