import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeWorkbench, installFakeWorkbench } from '../../test-support/fake-workbench';
import type { FakeWorkbench } from '../../test-support/fake-workbench';
import { renderApp, resetStores } from '../../test-support/render-app';
import { seededStore } from '../../test-support/seed';
import { useLibraryStore } from './library-store';

let fake: FakeWorkbench;

beforeEach(() => {
  resetStores();
  fake = installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
});

afterEach(() => {
  cleanup();
  delete window.workbenchBridge;
});

const form = (name: string) => screen.getByRole<HTMLFormElement>('form', { name });
const saves = () => fake.calls.filter((c) => c.channel === 'entity:save');

describe('library forms', () => {
  it('saves one environment from two submits in the same frame', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Environments' }));
    await user.click(screen.getByRole('button', { name: 'New environment' }));
    await user.type(within(form('Environment')).getByLabelText('Name'), 'Twice');

    act(() => {
      form('Environment').requestSubmit();
      form('Environment').requestSubmit();
    });

    await screen.findByRole('heading', { level: 2, name: 'Twice' });
    expect(saves()).toHaveLength(1);
  });

  it("puts focus on the new login's heading after saving it", async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Logins' }));
    await user.click(screen.getByRole('button', { name: 'New login' }));
    await user.type(within(form('Login')).getByLabelText('Username'), 'new@example.com');

    await user.click(screen.getByRole('button', { name: 'Save login' }));

    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { level: 2, name: 'new@example.com' }),
      ),
    );
  });

  it('puts focus on Undo when a delete is made with the keyboard', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Logins' }));
    await user.click(screen.getByRole('button', { name: 'Test admin' }));
    // Deleting a login a profile uses is refused; this one is free once its profile is gone.
    fake.store.data.profiles = fake.store.data.profiles.filter((p) => p.loginRef !== 'l-admin');
    await act(() => useLibraryStore.getState().reload());

    // A click the keyboard made (Enter or Space) has detail 0.
    fireEvent.click(screen.getByRole('button', { name: 'Delete login' }), { detail: 0 });

    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Undo' })),
    );
  });

  it('shows a long name cut, with the whole name in its title', async () => {
    const long = 'E'.repeat(200);
    fake.store.data.logins = [{ id: 'l-long', username: long, hasSecret: false }];
    const user = await renderApp();

    await user.click(screen.getByRole('button', { name: 'Logins' }));

    const item = screen.getByRole('button', { name: long });
    expect(item.querySelector('.entity-item-label')?.getAttribute('title')).toBe(long);
  });
});
