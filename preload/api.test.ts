import { describe, expect, it, vi } from 'vitest';
import { createApi, WorkbenchCallError, type Transport } from './api';

function transport(reply: unknown): Transport {
  return { invoke: vi.fn(() => Promise.resolve(reply)), subscribe: vi.fn(() => () => undefined) };
}

describe('createApi', () => {
  it('unwraps a successful envelope', async () => {
    const api = createApi(transport({ ok: true, value: [{ id: 'sandbox' }] }));
    await expect(api.invoke('environments:list', undefined)).resolves.toEqual([{ id: 'sandbox' }]);
  });

  it('throws a typed error for a failed envelope', async () => {
    const api = createApi(transport({ ok: false, error: { kind: 'not_found', message: 'gone' } }));
    const error = await api.invoke('exchange:refresh', { tokenId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchCallError);
    expect((error as WorkbenchCallError).kind).toBe('not_found');
    expect((error as WorkbenchCallError).message).toBe('gone');
  });

  it('keeps the issues main named', async () => {
    const issues = [{ field: 'data.apps[0].appId', message: 'must be a number' }];
    const api = createApi(
      transport({ ok: false, error: { kind: 'validation', message: 'x', issues } }),
    );
    const error = await api
      .invoke('transfer:import', { json: '{}', passphrase: null })
      .catch((e: unknown) => e);
    expect((error as WorkbenchCallError).issues).toEqual(issues);
  });

  it('refuses a channel outside the contract without calling the transport', async () => {
    const raw = transport({ ok: true, value: 1 });
    const api = createApi(raw);
    const invoke = api.invoke as (channel: string, payload: unknown) => Promise<unknown>;
    await expect(invoke('shell:exec', {})).rejects.toThrow('Unknown channel');
    expect(raw.invoke).not.toHaveBeenCalled();
  });

  it('reports a reply that is not an envelope', async () => {
    const api = createApi(transport('surprise'));
    await expect(api.invoke('app:info', undefined)).rejects.toThrow('unknown shape');
  });
});
