import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/fake-store';
import {
  createFakeWorkbench,
  installFakeWorkbench,
  invalidGrantOutcome,
  tokenOutcome,
  validationOutcome,
} from '../../test-support/fake-workbench';
import { EMPTY_DRAFT } from '../profile-form/profile-store';
import {
  resetExchangeStore,
  selectIssues,
  selectRefreshableTokenId,
  useExchangeStore,
} from './exchange-store';

const state = () => useExchangeStore.getState();

beforeEach(() => resetExchangeStore());
afterEach(() => {
  delete window.workbenchBridge;
});

describe('useExchangeStore', () => {
  it('keeps token outcomes in history, newest first', async () => {
    installFakeWorkbench(
      createFakeWorkbench({ run: [tokenOutcome('tok-1')], refresh: [tokenOutcome('tok-2')] }),
    );

    await state().run(EMPTY_DRAFT, 'password');
    await state().refresh('tok-1');

    expect(state().history.map((t) => t.tokenId)).toEqual(['tok-2', 'tok-1']);
  });

  it('shows an error outcome without adding it to history', async () => {
    installFakeWorkbench(
      createFakeWorkbench({ run: [tokenOutcome('tok-1'), invalidGrantOutcome()] }),
    );

    await state().run(EMPTY_DRAFT, 'password');
    await state().run(EMPTY_DRAFT, 'password');

    expect(state().outcome?.status).toBe('error');
    expect(state().history.map((t) => t.tokenId)).toEqual(['tok-1']);
  });

  it('turns a rejected call into a failure sentence and stops running', async () => {
    installFakeWorkbench(createFakeWorkbench());

    await state().run(EMPTY_DRAFT, 'password');

    expect(state().failure).toBe('no canned exchange:run');
    expect(state().running).toBe(false);
  });

  it('ignores a second run while one is in flight', async () => {
    const fake = installFakeWorkbench(createFakeWorkbench({ run: [tokenOutcome('tok-1')] }));

    await Promise.all([state().run(EMPTY_DRAFT, 'password'), state().run(EMPTY_DRAFT, 'app')]);

    expect(fake.calls.filter((c) => c.channel === 'exchange:run')).toHaveLength(1);
  });

  it('shows a token picked from history', async () => {
    installFakeWorkbench(
      createFakeWorkbench({ run: [tokenOutcome('tok-1')], refresh: [tokenOutcome('tok-2')] }),
    );
    await state().run(EMPTY_DRAFT, 'password');
    await state().refresh('tok-1');

    state().show('tok-1');

    expect(state().outcome?.status === 'token' && state().outcome).toMatchObject({
      tokenId: 'tok-1',
    });
  });

  it('selects the validation issues of the shown outcome', async () => {
    installFakeWorkbench(createFakeWorkbench({ run: [validationOutcome()] }));

    await state().run(EMPTY_DRAFT, 'password');

    expect(selectIssues(state()).map((i) => i.field)).toEqual(['clientSecret', 'username']);
  });

  it('picks the newest token with a refresh token for the refresh grant', async () => {
    installFakeWorkbench(
      createFakeWorkbench({
        run: [tokenOutcome('tok-1'), tokenOutcome('tok-2', { refreshToken: null })],
      }),
    );

    await state().run(EMPTY_DRAFT, 'password');
    await state().run(EMPTY_DRAFT, 'password');

    expect(selectRefreshableTokenId(state())).toBe('tok-1');
  });
});

describe('a failed call', () => {
  it('replaces the shown token instead of leaving it under the failure', async () => {
    const fake = installFakeWorkbench(createFakeWorkbench({ run: [tokenOutcome('tok-1')] }));
    await state().run(EMPTY_DRAFT, 'password');
    fake.handlers['exchange:refresh'] = () =>
      Promise.reject(
        refusal({ kind: 'internal', message: 'exchange:refresh failed unexpectedly' }),
      );

    await state().refresh('tok-1');

    expect(state().failure).toBe('exchange:refresh failed unexpectedly');
    expect(state().outcome).toBeNull();
    expect(state().history.map((t) => t.tokenId)).toEqual(['tok-1']);
  });

  it('clears the old marks too: an earlier validation outcome is no longer shown', async () => {
    const fake = installFakeWorkbench(createFakeWorkbench({ run: [validationOutcome()] }));
    await state().run(EMPTY_DRAFT, 'password');
    fake.handlers['exchange:run'] = () => Promise.reject(new Error('The app did not answer.'));

    await state().run(EMPTY_DRAFT, 'password');

    expect(selectIssues(state())).toEqual([]);
  });

  it("turns main's refusal of a too-long draft field into that field's issue", async () => {
    const fake = installFakeWorkbench(createFakeWorkbench());
    fake.handlers['exchange:run'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'Invalid request: draft.clientSecret: is longer than 65,536 characters',
        }),
      );

    await state().run(EMPTY_DRAFT, 'app');

    expect(state().failure).toBeNull();
    expect(state().outcome).toMatchObject({ status: 'error', grant: 'app' });
    expect(selectIssues(state())).toEqual([
      { field: 'clientSecret', message: 'is too long (at most 65,536 characters)' },
    ]);
  });
});

describe('a used refresh token', () => {
  it('marks the old token replaced by the new one after a successful Refresh', async () => {
    installFakeWorkbench(
      createFakeWorkbench({ run: [tokenOutcome('tok-1')], refresh: [tokenOutcome('tok-2')] }),
    );
    await state().run(EMPTY_DRAFT, 'password');

    await state().refresh('tok-1');

    expect(state().spent).toEqual({ 'tok-1': 'tok-2' });
  });

  it('is never picked again for the refresh grant', async () => {
    installFakeWorkbench(
      createFakeWorkbench({
        run: [tokenOutcome('tok-1')],
        refresh: [tokenOutcome('tok-2', { refreshToken: null })],
      }),
    );
    await state().run(EMPTY_DRAFT, 'password');

    await state().refresh('tok-1');

    expect(selectRefreshableTokenId(state())).toBeNull();
  });

  it('is marked dead when main says the token has no usable refresh token', async () => {
    const fake = installFakeWorkbench(createFakeWorkbench({ run: [tokenOutcome('tok-1')] }));
    await state().run(EMPTY_DRAFT, 'password');
    fake.handlers['exchange:refresh'] = () =>
      Promise.reject(
        refusal({ kind: 'validation', message: 'That token has no usable refresh token' }),
      );

    await state().refresh('tok-1');

    expect(state().spent).toEqual({ 'tok-1': null });
    expect(state().failure).toBe('That token has no usable refresh token');
  });

  it('stays usable after a refusal the server may lift (an OAuth error outcome)', async () => {
    installFakeWorkbench(
      createFakeWorkbench({ run: [tokenOutcome('tok-1')], refresh: [invalidGrantOutcome()] }),
    );
    await state().run(EMPTY_DRAFT, 'password');

    await state().refresh('tok-1');

    expect(state().spent).toEqual({});
  });
});
