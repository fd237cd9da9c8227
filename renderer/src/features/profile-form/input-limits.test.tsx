import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/fake-store';
import { createFakeWorkbench, installFakeWorkbench } from '../../test-support/fake-workbench';
import type { FakeWorkbench } from '../../test-support/fake-workbench';
import { input, renderApp, renderLoaded, resetStores } from '../../test-support/render-app';
import { seededStore } from '../../test-support/seed';
import { TEXT_MAX } from '../../lib/input-limits';

let fake: FakeWorkbench;

// No saved profiles, so the app opens on the quick exchange; library tests seed their own.
beforeEach(() => {
  resetStores();
  fake = installFakeWorkbench(createFakeWorkbench());
});

afterEach(() => {
  cleanup();
  delete window.workbenchBridge;
});

/** Every text-like input on screen that has no maxLength (checkboxes and files take none). */
function unbounded(): string[] {
  return [...document.querySelectorAll<HTMLInputElement>('input')]
    .filter((el) => el.type !== 'checkbox' && el.type !== 'file')
    .filter((el) => el.maxLength <= 0 || el.maxLength > TEXT_MAX)
    .map((el) => el.id || el.getAttribute('aria-label') || el.name);
}

const maxOf = (label: string) => input(label).maxLength;

/** The message an input is described by, as a person hears it read with the input. */
const errorOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((el) => el?.classList.contains('field-error'))?.textContent;

describe('input limits', () => {
  it("bounds every input of the quick exchange and its sign-in by main's limits", async () => {
    const user = await renderLoaded();
    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));
    await user.click(screen.getByText('Paste a code instead'));

    expect(unbounded()).toEqual([]);
    expect(maxOf('Client secret')).toBe(65_536);
    expect(maxOf('Code')).toBe(65_536);
    expect(maxOf('App ID')).toBe(100);
    expect(maxOf('Redirect path')).toBe(200);
    expect(maxOf('Scope')).toBe(1000);
    expect(maxOf('Port')).toBe(5);
  });

  it('bounds every input of the library editors, the sidebar and the dialogs', async () => {
    installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
    const user = await renderApp();
    const views: Array<[string, string | null]> = [
      ['Clients', 'Demo client'],
      ['Environments', 'New environment'],
      ['Logins', 'New login'],
      ['New profile', null],
    ];
    const seen: string[] = [];
    for (const [nav, item] of views) {
      await user.click(screen.getByRole('button', { name: nav }));
      if (item) await user.click(screen.getByRole('button', { name: item }));
      seen.push(...unbounded());
    }
    await user.click(screen.getByRole('button', { name: 'Clients' }));
    await user.click(screen.getByRole('button', { name: 'Demo client' }));
    await user.click(screen.getByRole('button', { name: 'Add app' }));
    seen.push(...unbounded());
    const app = within(screen.getByRole('form', { name: 'App' }));
    expect(app.getByLabelText<HTMLInputElement>('App ID', { selector: 'input' }).maxLength).toBe(
      100,
    );
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByLabelText('Include secrets'));
    seen.push(...unbounded());
    expect(input('Passphrase').maxLength).toBe(1000);

    expect(seen).toEqual([]);
    expect(screen.getByLabelText<HTMLInputElement>('Search profiles').maxLength).toBeGreaterThan(0);
  });

  it('says so under an input that a paste filled to its limit', async () => {
    await renderLoaded();

    fireEvent.change(input('Client secret'), { target: { value: 's'.repeat(TEXT_MAX) } });

    expect(screen.getByText(/At the limit of 65,536 characters/)).toBeDefined();
  });

  it("marks the field main refused as too long, with the field's label", async () => {
    fake.handlers['exchange:run'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'Invalid request: draft.clientSecret: is longer than 65,536 characters',
        }),
      );
    const user = await renderLoaded();

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    await waitFor(() =>
      expect(errorOf(input('Client secret'))).toBe(
        'Client secret is too long (at most 65,536 characters)',
      ),
    );
    expect(input('Client secret').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).not.toContain('Invalid request');
  });

  it("marks a sign-in draft field main refused and says why the sign-in didn't start", async () => {
    fake.handlers['authorize:start'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'Invalid request: draft.clientId: is longer than 65,536 characters',
        }),
      );
    const user = await renderLoaded();
    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));

    await user.click(screen.getByRole('button', { name: 'Sign in with browser' }));

    await waitFor(() =>
      expect(errorOf(input('Client ID'))).toBe('Client ID is too long (at most 65,536 characters)'),
    );
    expect(screen.getByText('Client ID is too long (at most 65,536 characters).')).toBeDefined();
  });

  it('marks an entity field main refused as too long', async () => {
    fake.handlers['entity:save'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'Invalid request: input.username: is longer than 65,536 characters',
        }),
      );
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Logins' }));
    await user.click(screen.getByRole('button', { name: 'New login' }));
    const login = within(screen.getByRole('form', { name: 'Login' }));
    await user.type(login.getByLabelText('Username', { selector: 'input' }), 'ops');

    await user.click(screen.getByRole('button', { name: 'Save login' }));

    const username = login.getByLabelText('Username', { selector: 'input' });
    await waitFor(() =>
      expect(errorOf(username)).toBe('Username is too long (at most 65,536 characters)'),
    );
    expect(login.getByRole('alert').textContent).toBe('Check the marked fields.');
  });
});
