import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkbenchCallError } from '../../../../preload/api';
import { refusal } from '../../test-support/fake-store';
import { createFakeWorkbench, installFakeWorkbench } from '../../test-support/fake-workbench';
import type { FakeWorkbench } from '../../test-support/fake-workbench';
import { resetStores } from '../../test-support/render-app';
import { seededStore } from '../../test-support/seed';
import { UNDO_MS, useToastStore } from '../workspace/toast-store';
import { deleteWithUndo } from './delete-entity';
import { selectVisibleClients, selectVisibleProfiles } from './library-selectors';
import { useLibraryStore } from './library-store';

let fake: FakeWorkbench;

beforeEach(async () => {
  resetStores();
  fake = installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
  await useLibraryStore.getState().load();
});

afterEach(() => {
  vi.useRealTimers();
  delete window.workbenchBridge;
});

const profileIds = () => selectVisibleProfiles(useLibraryStore.getState()).map((p) => p.id);
const deletes = () => fake.calls.filter((c) => c.channel === 'entity:delete');

describe('library store', () => {
  it('loads the snapshot and the app info', () => {
    const state = useLibraryStore.getState();

    expect(state.loadStatus).toBe('ready');
    expect(state.profiles.map((p) => p.name)).toContain('CRM on sandbox');
    expect(state.appInfo?.plainTextSecrets).toBe(false);
  });

  it('saves and takes the snapshot main answers with', async () => {
    const id = await useLibraryStore.getState().save({
      kind: 'login',
      id: null,
      input: { username: 'new@example.com' },
    });

    expect(useLibraryStore.getState().logins.find((l) => l.id === id)?.username).toBe(
      'new@example.com',
    );
  });

  it("rejects with main's error and issues when a save is refused", async () => {
    fake.handlers['entity:save'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'Check the app',
          issues: [{ field: 'appId', message: 'must be a number' }],
        }),
      );

    const saving = useLibraryStore
      .getState()
      .save({ kind: 'app', id: null, input: { name: 'x', appId: 'abc', clientRef: 'c-demo' } });

    await expect(saving).rejects.toBeInstanceOf(WorkbenchCallError);
    await expect(saving).rejects.toMatchObject({
      issues: [{ field: 'appId', message: 'must be a number' }],
    });
  });

  it('sends one save when two start in the same tick; the second resolves null', async () => {
    const request = { kind: 'login', id: null, input: { username: 'twice@example.com' } } as const;

    const results = await Promise.all([
      useLibraryStore.getState().save(request),
      useLibraryStore.getState().save(request),
    ]);

    expect(fake.calls.filter((c) => c.channel === 'entity:save')).toHaveLength(1);
    expect(results[1]).toBeNull();
    expect(useLibraryStore.getState().saving).toBe(false);
  });

  it('sends one duplicate when two start in the same tick', async () => {
    await Promise.all([
      useLibraryStore.getState().duplicateProfile('p-crm'),
      useLibraryStore.getState().duplicateProfile('p-crm'),
    ]);

    expect(fake.calls.filter((c) => c.channel === 'profile:duplicate')).toHaveLength(1);
  });

  it('keeps the visible lists as the same arrays while nothing they hold changes', () => {
    const before = selectVisibleClients(useLibraryStore.getState());
    useLibraryStore.setState({ recoveryDismissed: true });

    expect(selectVisibleClients(useLibraryStore.getState())).toBe(before);
  });
});

describe('delete with undo', () => {
  it('hides the profile at once and tells main nothing yet', () => {
    deleteWithUndo({ kind: 'profile', id: 'p-crm', name: 'CRM on sandbox' });

    expect(profileIds()).not.toContain('p-crm');
    expect(deletes()).toEqual([]);
    expect(useToastStore.getState().toast?.message).toBe('Deleted profile "CRM on sandbox".');
  });

  it('brings the profile back whole on Undo and never sends the delete', () => {
    vi.useFakeTimers();
    deleteWithUndo({ kind: 'profile', id: 'p-crm', name: 'CRM on sandbox' });

    useToastStore.getState().act();
    vi.advanceTimersByTime(UNDO_MS * 2);

    expect(profileIds()).toContain('p-crm');
    expect(deletes()).toEqual([]);
  });

  it('sends the delete when the Undo window ends', async () => {
    vi.useFakeTimers();
    deleteWithUndo({ kind: 'profile', id: 'p-crm', name: 'CRM on sandbox' });

    await vi.advanceTimersByTimeAsync(UNDO_MS);

    expect(deletes()).toEqual([
      { channel: 'entity:delete', request: { kind: 'profile', id: 'p-crm' } },
    ]);
    expect(useLibraryStore.getState().profiles.map((p) => p.id)).not.toContain('p-crm');
  });

  it('sends the earlier delete when another one starts', () => {
    deleteWithUndo({ kind: 'profile', id: 'p-crm', name: 'CRM on sandbox' });
    deleteWithUndo({ kind: 'profile', id: 'p-bare', name: 'Bare client' });

    expect(deletes().map((c) => c.request)).toEqual([{ kind: 'profile', id: 'p-crm' }]);
    expect(profileIds()).toEqual(['p-admin']);
  });

  it('shows the entity again and says why when main refuses the delete', async () => {
    fake.handlers['entity:delete'] = () => Promise.reject(new Error('disk full'));
    deleteWithUndo({ kind: 'profile', id: 'p-crm', name: 'CRM on sandbox' });

    useToastStore.getState().dismiss();

    await vi.waitFor(() => expect(profileIds()).toContain('p-crm'));
    expect(useToastStore.getState().toast?.message).toBe(
      'Could not delete profile "CRM on sandbox": disk full',
    );
  });

  it('refuses at once to delete a client that apps and profiles use', () => {
    const refused = deleteWithUndo({ kind: 'client', id: 'c-demo', name: 'Demo client' });

    expect(refused).toBe(
      'This client is used by app "CRM app", profile "CRM on sandbox", profile "Bare client". ' +
        'Change or delete those first.',
    );
    expect(selectVisibleClients(useLibraryStore.getState()).map((c) => c.id)).toContain('c-demo');
  });
});
