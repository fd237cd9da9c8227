import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFakeWorkbench,
  installFakeWorkbench,
  tokenOutcome,
} from '../../test-support/fake-workbench';
import type { FakeWorkbench } from '../../test-support/fake-workbench';
import { keptToken, refusal } from '../../test-support/fake-store';
import { renderApp, resetStores } from '../../test-support/render-app';
import { seededStore } from '../../test-support/seed';

let fake: FakeWorkbench;

beforeEach(() => {
  resetStores();
  fake = installFakeWorkbench(
    createFakeWorkbench({
      store: {
        ...seededStore(),
        tokens: [keptToken('kept-old', 'p-admin', { grant: 'password', receivedAt: 1_000 })],
      },
    }),
  );
  // A Refresh keeps the new token with the profile, as main does.
  fake.handlers['exchange:refresh'] = () => {
    const outcome = tokenOutcome('kept-new');
    fake.store.data.tokens = [
      ...fake.store.data.tokens,
      keptToken('kept-new', 'p-admin', { grant: 'refresh_token' }),
    ];
    return Promise.resolve({ ...outcome, grant: 'refresh_token' });
  };
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

const rows = () => within(screen.getByRole('region', { name: 'Token history' }));

describe('profile results', () => {
  it('replaces the shown token with a failure that follows it', async () => {
    const user = await renderApp();
    await open(user, 'CRM on sandbox');
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByTestId('countdown');
    fake.handlers['profile:exchange'] = () =>
      Promise.reject(
        refusal({ kind: 'internal', message: 'profile:exchange failed unexpectedly' }),
      );

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'profile:exchange failed unexpectedly',
    );
    expect(screen.queryByTestId('countdown')).toBeNull();
  });

  it('shows a history token picked after a failure instead of the failure', async () => {
    const user = await renderApp();
    await open(user, 'Admin on Podio');
    fake.handlers['profile:exchange'] = () => Promise.reject(new Error('The app did not answer.'));
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByRole('alert');

    await user.click(rows().getAllByRole('button', { name: /Password/ })[0] as HTMLElement);

    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('countdown')).toBeDefined();
  });

  it('marks a kept token refreshed: no Refresh, no Show or Copy of its refresh token', async () => {
    const user = await renderApp();
    await open(user, 'Admin on Podio');
    await screen.findByTestId('history-token');

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(rows().getAllByTestId('history-token')).toHaveLength(2));
    await user.click(rows().getByRole('button', { name: /refreshed/ }));

    expect(screen.getByTestId('spent-note').textContent).toContain(
      'Refreshed — replaced by the newer token',
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh' }).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Show refresh_token' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy refresh_token' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Show access_token' })).toBeDefined();
  });

  it('does not offer a refreshed token to the Refresh token grant', async () => {
    fake.handlers['exchange:refresh'] = () => Promise.resolve(tokenOutcome('quick-new'));
    const user = await renderApp();
    await open(user, 'Admin on Podio');
    await screen.findByTestId('history-token');
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await screen.findByRole('heading', { name: 'Token' });

    await user.click(screen.getByRole('radio', { name: 'Refresh token' }));

    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Get token' }).disabled).toBe(
      true,
    );
  });
});

describe('profile sign-in hint', () => {
  async function signIn(user: User, profile: string) {
    await open(user, profile);
    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));
    await user.click(screen.getByRole('button', { name: 'Sign in with browser' }));
    await screen.findByTestId('redirect-uri');
  }

  it("names the domain for a profile on Podio's environment", async () => {
    const user = await renderApp();

    await signIn(user, 'Admin on Podio');

    expect(screen.getByText(/Podio matches the domain only/)).toBeDefined();
  });

  it('says the sandbox takes any loopback redirect, and never mentions Podio', async () => {
    const user = await renderApp();

    await signIn(user, 'Bare client');

    expect(screen.getByText(/The sandbox accepts any loopback redirect/)).toBeDefined();
    expect(screen.queryByText(/Podio matches/)).toBeNull();
  });
});
