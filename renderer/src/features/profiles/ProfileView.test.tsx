import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFakeWorkbench,
  installFakeWorkbench,
  progress,
  tokenOutcome,
} from '../../test-support/fake-workbench';
import type { FakeWorkbench } from '../../test-support/fake-workbench';
import { keptToken, refusal } from '../../test-support/fake-store';
import { renderApp, resetStores } from '../../test-support/render-app';
import { seededStore } from '../../test-support/seed';
import { useToastStore } from '../workspace/toast-store';

let fake: FakeWorkbench;

beforeEach(() => {
  resetStores();
  fake = installFakeWorkbench(
    createFakeWorkbench({
      store: {
        ...seededStore(),
        tokens: [
          keptToken('kept-admin', 'p-admin', { grant: 'password', ref: { type: 'user', id: 7 } }),
        ],
      },
    }),
  );
});

afterEach(() => {
  cleanup();
  delete window.workbenchBridge;
});

const form = () => screen.getByRole('form', { name: 'Profile' });
const field = (label: string) => within(form()).getByLabelText<HTMLInputElement>(label);
const calls = (channel: string) => fake.calls.filter((c) => c.channel === channel);

async function open(user: Awaited<ReturnType<typeof renderApp>>, name: string) {
  await user.click(screen.getByRole('option', { name }));
  await screen.findByRole('heading', { name, level: 2 });
}

describe('profile view', () => {
  it('fills the form from the saved profile', async () => {
    const user = await renderApp();
    await open(user, 'CRM on sandbox');

    expect(field('Name').value).toBe('CRM on sandbox');
    expect(field('Environment').value).toBe('sandbox');
    expect(field('Client').value).toBe('c-demo');
    expect(field('App').value).toBe('a-crm');
    expect(field('Login').value).toBe('');
  });

  it('sets Login to None when an app is chosen, and the other way round', async () => {
    const user = await renderApp();
    await open(user, 'Admin on Podio');
    await user.selectOptions(field('Client'), 'c-demo');

    await user.selectOptions(field('App'), 'a-crm');
    expect(field('Login').value).toBe('');

    await user.selectOptions(field('Login'), 'l-admin');
    expect(field('App').value).toBe('');
  });

  it("shows main's issues under the inputs they name", async () => {
    fake.handlers['entity:save'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'Check the profile: name: name is required.',
          issues: [
            { field: 'name', message: 'name is required' },
            { field: 'clientRef', message: 'the selected client does not exist' },
          ],
        }),
      );
    const user = await renderApp();
    await open(user, 'CRM on sandbox');
    await user.clear(field('Name'));

    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(field('Name').getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (input: HTMLElement) =>
      document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(describedBy(field('Name'))).toBe('name is required');
    expect(describedBy(field('Client'))).toBe('the selected client does not exist');
    expect(field('App').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(field('Name'));
  });

  it('saves the whole profile with None as no app', async () => {
    const user = await renderApp();
    await open(user, 'CRM on sandbox');
    await user.selectOptions(field('App'), '');
    await user.type(field('Name'), ' 2');

    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(calls('entity:save')).toHaveLength(1));
    expect(calls('entity:save')[0]?.request).toEqual({
      kind: 'profile',
      id: 'p-crm',
      input: {
        name: 'CRM on sandbox 2',
        environmentRef: 'sandbox',
        clientRef: 'c-demo',
        appRef: undefined,
        loginRef: undefined,
      },
    });
  });

  it('offers App and Refresh token for an app profile, Password for a login one', async () => {
    const user = await renderApp();
    await open(user, 'CRM on sandbox');
    const grants = () => screen.getAllByRole('radio').map((r) => r.textContent);
    expect(grants()).toEqual(['App', 'Authorization code', 'Refresh token']);

    await open(user, 'Admin on Podio');
    expect(grants()).toEqual(['Password', 'Authorization code', 'Refresh token']);
  });

  it('signs in with the browser for the profile and files the token under it', async () => {
    const user = await renderApp();
    await open(user, 'Bare client');
    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));

    await user.click(screen.getByRole('button', { name: 'Sign in with browser' }));

    await waitFor(() => expect(calls('profile:authorize')).toHaveLength(1));
    expect(calls('profile:authorize')[0]?.request).toMatchObject({ profileId: 'p-bare' });
    expect(screen.getByTestId('authorize-status').textContent).toMatch(/waiting/i);
    act(() =>
      fake.emit('authorize:progress', progress('done', { outcome: tokenOutcome('tok-signed') })),
    );
    await screen.findByTestId('countdown');
    await open(user, 'CRM on sandbox');
    expect(screen.queryByTestId('authorize-status')).toBeNull();
    expect(screen.queryByTestId('countdown')).toBeNull();
  });

  it('runs profile:exchange with the profile id and grant, then lists the token', async () => {
    const user = await renderApp();
    await open(user, 'CRM on sandbox');

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    await screen.findByTestId('countdown');
    expect(calls('profile:exchange').map((c) => c.request)).toEqual([
      { profileId: 'p-crm', grant: 'app' },
    ]);
    const history = screen.getByRole('region', { name: 'Token history' });
    await waitFor(() => expect(within(history).getAllByTestId('history-token')).toHaveLength(1));
    expect(within(history).getByTestId('history-countdown').textContent).toMatch(
      /^0[78]:\d\d:\d\d$/,
    );
  });

  it("never shows one profile's token on another", async () => {
    const user = await renderApp();
    await open(user, 'CRM on sandbox');
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByTestId('countdown');

    await open(user, 'Bare client');

    expect(screen.queryByTestId('countdown')).toBeNull();
    expect(screen.queryAllByTestId('history-token')).toHaveLength(0);
    await open(user, 'CRM on sandbox');
    expect(screen.getByTestId('countdown')).toBeDefined();
  });

  it('shows a kept token and asks main for its value only when Show is pressed', async () => {
    fake.store.data.secrets['token:kept-admin:accessToken'] = 'kept-access-token-value-1234';
    const user = await renderApp();
    await open(user, 'Admin on Podio');
    await screen.findByTestId('history-token');
    expect(calls('secret:reveal')).toEqual([]);
    expect(screen.getByTestId('field-ref').textContent).toContain('user 7');

    await user.click(screen.getByRole('button', { name: 'Show access_token' }));

    await waitFor(() =>
      expect(screen.getByTestId('field-access_token').textContent).toContain(
        'kept-access-token-value-1234',
      ),
    );
    expect(calls('secret:reveal').map((c) => c.request)).toEqual([
      { entity: 'token', id: 'kept-admin', field: 'accessToken' },
    ]);
  });

  it('deletes a kept token from its row', async () => {
    const user = await renderApp();
    await open(user, 'Admin on Podio');
    await screen.findByTestId('history-token');

    await user.click(screen.getByRole('button', { name: /^Delete token received / }));

    await waitFor(() => expect(screen.queryAllByTestId('history-token')).toHaveLength(0));
    expect(calls('tokens:delete').map((c) => c.request)).toEqual([{ id: 'kept-admin' }]);
  });

  it('deletes with an Undo toast and brings the profile back on Undo', async () => {
    const user = await renderApp();
    await open(user, 'Bare client');

    await user.click(screen.getByRole('button', { name: 'Delete' }));

    const toast = screen.getByRole('status');
    expect(toast.textContent).toContain('Deleted profile "Bare client".');
    expect(screen.queryByRole('option', { name: 'Bare client' })).toBeNull();
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('option', { name: 'Bare client' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(calls('entity:delete')).toEqual([]);
  });

  it('sends the delete once the toast is gone', async () => {
    const user = await renderApp();
    await open(user, 'Bare client');
    await user.click(screen.getByRole('button', { name: 'Delete' }));

    act(() => useToastStore.getState().dismiss());

    await waitFor(() =>
      expect(calls('entity:delete').map((c) => c.request)).toEqual([
        { kind: 'profile', id: 'p-bare' },
      ]),
    );
  });

  it('duplicates and opens the copy', async () => {
    const user = await renderApp();
    await open(user, 'Bare client');

    await user.click(screen.getByRole('button', { name: 'Duplicate' }));

    await screen.findByRole('heading', { name: 'Bare client (copy)', level: 2 });
    expect(
      screen.getByRole('option', { name: 'Bare client (copy)' }).getAttribute('aria-selected'),
    ).toBe('true');
  });

  it('creates a profile from New profile and opens it', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'New profile' }));
    await user.type(field('Name'), 'Fresh one');
    await user.selectOptions(field('Login'), 'l-admin');

    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await screen.findByRole('heading', { name: 'Fresh one', level: 2 });
    expect(calls('entity:save')[0]?.request).toMatchObject({
      kind: 'profile',
      id: null,
      input: {
        name: 'Fresh one',
        environmentRef: 'sandbox',
        clientRef: 'c-demo',
        loginRef: 'l-admin',
      },
    });
  });
});
