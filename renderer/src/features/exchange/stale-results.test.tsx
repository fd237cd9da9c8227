import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFakeWorkbench,
  installFakeWorkbench,
  progress,
  tokenOutcome,
} from '../../test-support/fake-workbench';
import { refusal } from '../../test-support/fake-store';
import { renderLoaded, resetStores } from '../../test-support/render-app';
import { resetClock } from '../tokens/clock-store';

beforeEach(() => resetStores());
afterEach(() => {
  cleanup();
  resetClock();
  delete window.workbenchBridge;
});

const history = () => screen.getByRole('region', { name: 'This session' });

describe('a failure after a token', () => {
  it('replaces the token on screen instead of sitting above it', async () => {
    const fake = installFakeWorkbench(createFakeWorkbench({ run: [tokenOutcome('tok-1')] }));
    const user = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByRole('heading', { name: 'Token' });
    fake.handlers['exchange:refresh'] = () =>
      Promise.reject(
        refusal({ kind: 'validation', message: 'That token has no usable refresh token' }),
      );

    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The exchange did not run');
    expect(alert.textContent).toContain('That token has no usable refresh token');
    expect(screen.queryByRole('heading', { name: 'Token' })).toBeNull();
    expect(screen.queryByTestId('countdown')).toBeNull();
  });

  it('gives way to a token picked from the history', async () => {
    const fake = installFakeWorkbench(createFakeWorkbench({ run: [tokenOutcome('tok-1')] }));
    const user = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByRole('heading', { name: 'Token' });
    fake.handlers['exchange:run'] = () => Promise.reject(new Error('The app did not answer.'));
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByRole('alert');

    await user.click(within(history()).getByRole('button'));

    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Token' })).toBeDefined();
  });
});

describe('an ended browser sign-in', () => {
  it('leaves the pane to the next exchange', async () => {
    const fake = installFakeWorkbench(createFakeWorkbench({ run: [tokenOutcome('tok-1')] }));
    const user = await renderLoaded();
    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));
    await user.click(screen.getByRole('button', { name: 'Sign in with browser' }));
    await screen.findByTestId('authorize-status');
    act(() => fake.emit('authorize:progress', progress('cancelled')));
    await user.click(screen.getByRole('radio', { name: 'Password' }));

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    await screen.findByRole('heading', { name: 'Token' });
    expect(screen.queryByTestId('authorize-status')).toBeNull();
  });

  it('stays while it still waits for the browser', async () => {
    installFakeWorkbench(createFakeWorkbench({ run: [tokenOutcome('tok-1')] }));
    const user = await renderLoaded();
    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));
    await user.click(screen.getByRole('button', { name: 'Sign in with browser' }));
    await screen.findByTestId('authorize-status');
    await user.click(screen.getByRole('radio', { name: 'Password' }));

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    await screen.findByRole('heading', { name: 'Token' });
    expect(screen.getByTestId('authorize-status').textContent).toBe('Waiting for the browser…');
  });
});

describe('a token whose refresh token was used', () => {
  async function refreshOnce() {
    installFakeWorkbench(
      createFakeWorkbench({ run: [tokenOutcome('tok-1')], refresh: [tokenOutcome('tok-2')] }),
    );
    const user = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByRole('heading', { name: 'Token' });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(within(history()).getAllByRole('button')).toHaveLength(2));
    return user;
  }

  it('says it was replaced and offers no Refresh when picked again', async () => {
    const user = await refreshOnce();

    await user.click(within(history()).getAllByRole('button')[1] as HTMLElement);

    expect(screen.getByTestId('spent-note').textContent).toContain(
      'Refreshed — replaced by the newer token',
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh' }).disabled).toBe(true);
  });

  it('offers no Show or Copy for the used refresh token, only for the access token', async () => {
    const user = await refreshOnce();

    await user.click(within(history()).getAllByRole('button')[1] as HTMLElement);

    expect(screen.queryByRole('button', { name: 'Show refresh_token' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy refresh_token' })).toBeNull();
    expect(screen.getByTestId('field-refresh_token').textContent).toContain('used up');
    expect(screen.getByRole('button', { name: 'Show access_token' })).toBeDefined();
  });

  it('keeps Refresh on for the newer token and leads back to it', async () => {
    const user = await refreshOnce();
    await user.click(within(history()).getAllByRole('button')[1] as HTMLElement);

    await user.click(screen.getByRole('button', { name: 'Show the newer token' }));

    expect(screen.queryByTestId('spent-note')).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh' }).disabled).toBe(false);
    expect(within(history()).getAllByRole('button')[0]?.getAttribute('aria-current')).toBe('true');
  });

  it('reads "refreshed" in its history row', async () => {
    await refreshOnce();

    const rows = within(history()).getAllByRole('button');
    expect(rows[0]?.textContent).not.toContain('refreshed');
    expect(rows[1]?.textContent).toContain('refreshed');
  });
});
