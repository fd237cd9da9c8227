import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeWorkbench, installFakeWorkbench } from '../../test-support/fake-workbench';
import type { FakeWorkbench } from '../../test-support/fake-workbench';
import { keptToken, refusal } from '../../test-support/fake-store';
import { renderApp, resetStores } from '../../test-support/render-app';
import { seededStore } from '../../test-support/seed';
import { useToastStore } from '../workspace/toast-store';

let fake: FakeWorkbench;

beforeEach(() => {
  resetStores();
  fake = installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
});

afterEach(() => {
  cleanup();
  delete window.workbenchBridge;
});

type User = Awaited<ReturnType<typeof renderApp>>;

async function open(user: User, name: string) {
  await user.click(screen.getByRole('option', { name }));
  await screen.findByRole('heading', { name, level: 2 });
}

const calls = (channel: string) => fake.calls.filter((c) => c.channel === channel);
const history = () => within(screen.getByRole('region', { name: 'Token history' }));

describe('profile focus', () => {
  it('puts focus on the result heading once Get token has a token', async () => {
    const user = await renderApp();
    await open(user, 'CRM on sandbox');

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Token' })),
    );
  });

  it('puts focus on the next profile in the list after a delete', async () => {
    const user = await renderApp();
    await open(user, 'CRM on sandbox');

    await user.click(screen.getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('option'));
    const opened = screen.getByRole('heading', { level: 2, name: /on|client/ });
    expect(document.activeElement?.getAttribute('aria-label')).toBe(opened.textContent);
  });

  it("puts focus on the new profile's heading after saving it", async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'New profile' }));
    await user.type(screen.getByLabelText('Name'), 'Fresh one');

    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { level: 2, name: 'Fresh one' }),
      ),
    );
  });
});

describe('duplicate', () => {
  it('makes one copy from a double click', async () => {
    const user = await renderApp();
    await open(user, 'CRM on sandbox');
    const duplicate = screen.getByRole('button', { name: 'Duplicate' });

    act(() => {
      fireEvent.click(duplicate);
      fireEvent.click(duplicate);
    });

    await screen.findByRole('heading', { level: 2, name: 'CRM on sandbox (copy)' });
    expect(calls('profile:duplicate')).toHaveLength(1);
  });
});

describe('profile wording', () => {
  it('does not send a profile without app or login to the quick exchange', async () => {
    const user = await renderApp();

    await open(user, 'Bare client');

    const pane = within(screen.getByRole('region', { name: 'Result' }));
    expect(pane.getByText(/no app or login/).textContent).not.toMatch(/quick exchange/);
    expect(pane.getByText(/Press Sign in with browser/)).toBeDefined();
    expect(pane.queryByText(/Press Get token/)).toBeNull();
  });

  it('shows no "Unsaved changes" after saving a name with spaces at its ends', async () => {
    const save = fake.handlers['entity:save'];
    fake.handlers['entity:save'] = (request) =>
      save!({
        ...request,
        input: { ...request.input, name: request.input.name?.trim() ?? '' },
      } as never);
    const user = await renderApp();
    await open(user, 'CRM on sandbox');
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, '  CRM renamed  ');

    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await screen.findByText('Saved');
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });
});

describe('kept tokens', () => {
  it('names a history row with separators and its delete button with the time', async () => {
    const receivedAt = new Date(2020, 2, 12, 9, 5, 7).getTime();
    fake.store.data.tokens = [
      keptToken('kept-1', 'p-admin', {
        grant: 'password',
        ref: { type: 'user', id: 1234567 },
        receivedAt,
        expiresAt: receivedAt + 1000,
      }),
    ];
    const user = await renderApp();
    await open(user, 'Admin on Podio');

    const row = await history().findByRole('button', { name: /^Password grant, / });

    expect(row.getAttribute('aria-label')).toMatch(
      /^Password grant, user 1234567, received .+, expired .+$/,
    );
    expect(history().getByRole('button', { name: /^Delete token received .*2020/ })).toBeDefined();
  });

  it('heads an expired token "Expired", not "Expires in"', async () => {
    fake.store.data.tokens = [
      keptToken('kept-1', 'p-admin', { receivedAt: 1_000, expiresAt: 2_000 }),
    ];
    const user = await renderApp();

    await open(user, 'Admin on Podio');

    await screen.findByText('Expired');
    expect(screen.queryByText('Expires in')).toBeNull();
  });

  it('marks a token main lists as refreshed: no Refresh offered after a restart', async () => {
    fake.store.data.tokens = [keptToken('kept-1', 'p-admin', { refreshed: true })];
    const user = await renderApp();

    await open(user, 'Admin on Podio');

    expect((await screen.findByTestId('spent-note')).textContent).toContain(
      'can no longer be used',
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh' }).disabled).toBe(true);
    expect(history().getByRole('button', { name: /refreshed/ })).toBeDefined();
  });

  it('shows a refused Refresh as its failure and does not call the token used up', async () => {
    fake.store.data.tokens = [keptToken('kept-1', 'p-admin')];
    fake.handlers['exchange:refresh'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'This token came from 127.0.0.1 for client a; the profile now uses b.',
        }),
      );
    const user = await renderApp();
    await open(user, 'Admin on Podio');

    await user.click(await screen.findByRole('button', { name: 'Refresh' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The refresh did not run');
    expect(alert.textContent).toContain('the profile now uses b');
    await user.click(history().getByRole('button', { name: /^Password grant|^App grant/ }));
    expect(screen.queryByTestId('spent-note')).toBeNull();
  });
});

describe('undo toast', () => {
  it('runs Undo on Ctrl+Z outside a text field', async () => {
    const user = await renderApp();
    await open(user, 'CRM on sandbox');
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.queryByRole('option', { name: 'CRM on sandbox' })).toBeNull();

    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });

    expect(useToastStore.getState().toast).toBeNull();
    expect(screen.getByRole('option', { name: 'CRM on sandbox' })).toBeDefined();
  });
});
