import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeWorkbench, installFakeWorkbench } from '../../test-support/fake-workbench';
import type { FakeWorkbench } from '../../test-support/fake-workbench';
import { keptToken } from '../../test-support/fake-store';
import { resetStores } from '../../test-support/render-app';
import { seededStore } from '../../test-support/seed';
import { EMPTY_RESULT, shownResult, useProfileResultsStore } from './profile-results-store';

let fake: FakeWorkbench;
const result = (id: string) => useProfileResultsStore.getState().byProfile[id] ?? EMPTY_RESULT;

beforeEach(() => {
  resetStores();
  fake = installFakeWorkbench(
    createFakeWorkbench({
      store: {
        ...seededStore(),
        tokens: [
          keptToken('old-crm', 'p-crm', { receivedAt: 1_000 }),
          keptToken('old-admin', 'p-admin', { receivedAt: 2_000, grant: 'password' }),
        ],
      },
    }),
  );
});

afterEach(() => {
  delete window.workbenchBridge;
});

describe('profile results', () => {
  it("lists only the profile's own kept tokens", async () => {
    await useProfileResultsStore.getState().loadHistory('p-crm');

    expect(result('p-crm').history.map((t) => t.id)).toEqual(['old-crm']);
    expect(result('p-admin').history).toEqual([]);
  });

  it('files an outcome under the profile that asked, whatever is on screen', async () => {
    await useProfileResultsStore.getState().exchange('p-crm', 'app');

    const crm = shownResult(result('p-crm'));
    expect(crm.kind).toBe('live');
    expect(shownResult(result('p-admin')).kind).toBe('none');
  });

  it('adds the new token to the history after an exchange', async () => {
    await useProfileResultsStore.getState().exchange('p-crm', 'app');

    expect(result('p-crm').history).toHaveLength(2);
    expect(result('p-crm').shownTokenId).toBe(result('p-crm').history[0]?.id);
  });

  it('shows the newest kept token of a profile opened in a new session', async () => {
    await useProfileResultsStore.getState().loadHistory('p-admin');

    expect(shownResult(result('p-admin'))).toMatchObject({
      kind: 'stored',
      token: { id: 'old-admin' },
    });
  });

  it('refreshes a kept token with exchange:refresh and its id', async () => {
    fake.handlers['exchange:refresh'] = () =>
      fake.handlers['profile:exchange']!({ profileId: 'p-crm', grant: 'app' });

    await useProfileResultsStore.getState().refresh('p-crm', 'old-crm');

    expect(fake.calls.find((c) => c.channel === 'exchange:refresh')?.request).toEqual({
      tokenId: 'old-crm',
    });
    expect(result('p-crm').history).toHaveLength(2);
  });

  it('keeps a failed call as a sentence for that profile only', async () => {
    fake.handlers['profile:exchange'] = () => Promise.reject(new Error('main is gone'));

    await useProfileResultsStore.getState().exchange('p-crm', 'app');

    expect(result('p-crm').failure).toBe('main is gone');
    expect(result('p-admin').failure).toBeNull();
  });

  it('drops a deleted token from the history and the pane', async () => {
    await useProfileResultsStore.getState().loadHistory('p-crm');
    useProfileResultsStore.getState().showToken('p-crm', 'old-crm');

    await useProfileResultsStore.getState().deleteToken('p-crm', 'old-crm');

    expect(result('p-crm').history).toEqual([]);
    expect(shownResult(result('p-crm')).kind).toBe('none');
  });

  it('forgets everything of a deleted profile', async () => {
    await useProfileResultsStore.getState().exchange('p-crm', 'app');

    useProfileResultsStore.getState().forget('p-crm');

    expect(useProfileResultsStore.getState().byProfile['p-crm']).toBeUndefined();
  });
});
