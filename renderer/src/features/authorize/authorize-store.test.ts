import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeOutcome } from '../../../../preload/contract';
import {
  STARTED,
  createFakeWorkbench,
  installFakeWorkbench,
  progress,
  tokenOutcome,
} from '../../test-support/fake-workbench';
import { resetExchangeStore, useExchangeStore } from '../exchange/exchange-store';
import { EMPTY_DRAFT } from '../profile-form/profile-store';
import {
  listenForProgress,
  resetAuthorizeStore,
  selectPhase,
  useAuthorizeStore,
} from './authorize-store';
import { DEFAULT_SIGN_IN_FORM, toAuthorizeOptions } from './sign-in-options';

const state = () => useAuthorizeStore.getState();
const OPTIONS = toAuthorizeOptions(DEFAULT_SIGN_IN_FORM);
const codeToken = (): ExchangeOutcome => ({
  ...tokenOutcome('tok-a'),
  grant: 'authorization_code',
});

beforeEach(() => {
  resetAuthorizeStore();
  resetExchangeStore();
});
afterEach(() => {
  delete window.workbenchBridge;
});

describe('useAuthorizeStore', () => {
  it('is waiting for the browser once authorize:start answered, before any event', async () => {
    installFakeWorkbench();

    await state().start(EMPTY_DRAFT, OPTIONS);

    expect(state().flow).toEqual(STARTED);
    expect(selectPhase(state())).toBe('waiting_for_browser');
  });

  it('applies the latest event that arrived before authorize:start answered', async () => {
    const fake = installFakeWorkbench();
    fake.handlers['authorize:start'] = () => {
      state().handleProgress(progress('waiting_for_browser'));
      state().handleProgress(progress('code_received'));
      return Promise.resolve(STARTED);
    };

    await state().start(EMPTY_DRAFT, OPTIONS);

    expect(selectPhase(state())).toBe('code_received');
    expect(state().early).toEqual({});
  });

  it('drops events of another flow', async () => {
    installFakeWorkbench();
    await state().start(EMPTY_DRAFT, OPTIONS);

    state().handleProgress(progress('cancelled', { flowId: 'flow-0' }));

    expect(selectPhase(state())).toBe('waiting_for_browser');
  });

  it('hands a done outcome to the result pane and its history', async () => {
    installFakeWorkbench();
    await state().start(EMPTY_DRAFT, OPTIONS);
    const outcome = codeToken();

    state().handleProgress(progress('done', { message: 'Token kept.', outcome }));

    expect(useExchangeStore.getState().outcome).toBe(outcome);
    expect(useExchangeStore.getState().history.map((t) => t.tokenId)).toEqual(['tok-a']);
  });

  it('ends a flow once: an event after its ending changes nothing', async () => {
    installFakeWorkbench();
    await state().start(EMPTY_DRAFT, OPTIONS);
    state().handleProgress(progress('cancelled', { message: 'The sign-in was cancelled.' }));

    state().handleProgress(progress('done', { outcome: codeToken() }));

    expect(selectPhase(state())).toBe('cancelled');
    expect(useExchangeStore.getState().outcome).toBeNull();
  });

  it('clears the shown result when a sign-in starts, keeping the history', async () => {
    installFakeWorkbench(createFakeWorkbench({ run: [tokenOutcome('tok-1')] }));
    await useExchangeStore.getState().run(EMPTY_DRAFT, 'password');

    await state().start(EMPTY_DRAFT, OPTIONS);

    expect(useExchangeStore.getState().outcome).toBeNull();
    expect(useExchangeStore.getState().history).toHaveLength(1);
  });

  it('keeps the message of a rejected authorize:start and no flow', async () => {
    const fake = installFakeWorkbench();
    fake.handlers['authorize:start'] = () =>
      Promise.reject(new Error('Port 8765 on 127.0.0.1 is in use by another program'));

    await state().start(EMPTY_DRAFT, OPTIONS);

    expect(state().error).toBe('Port 8765 on 127.0.0.1 is in use by another program');
    expect([state().flow, state().starting]).toEqual([null, false]);
  });

  it('cancels the running flow by its id', async () => {
    const fake = installFakeWorkbench();
    await state().start(EMPTY_DRAFT, OPTIONS);

    await state().cancel();

    expect(fake.calls.filter((c) => c.channel === 'authorize:cancel')).toEqual([
      { channel: 'authorize:cancel', request: { flowId: STARTED.flowId } },
    ]);
  });

  it('does not cancel a flow that already ended', async () => {
    const fake = installFakeWorkbench();
    await state().start(EMPTY_DRAFT, OPTIONS);
    state().handleProgress(progress('done', { outcome: codeToken() }));

    await state().cancel();

    expect(fake.calls.some((c) => c.channel === 'authorize:cancel')).toBe(false);
  });

  it('routes authorize:progress events to the store until unsubscribed', async () => {
    const fake = installFakeWorkbench();
    await state().start(EMPTY_DRAFT, OPTIONS);
    const unsubscribe = listenForProgress();

    fake.emit('authorize:progress', progress('exchanging'));
    unsubscribe();
    fake.emit('authorize:progress', progress('failed', { message: 'late' }));

    expect(selectPhase(state())).toBe('exchanging');
    expect(fake.listenerCount('authorize:progress')).toBe(0);
  });
});
