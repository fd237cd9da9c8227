import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
