import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeWorkbench, installFakeWorkbench } from '../../test-support/fake-workbench';
import { input, renderApp, resetStores } from '../../test-support/render-app';
import { seededStore } from '../../test-support/seed';

beforeEach(() => resetStores());

afterEach(() => {
  cleanup();
  delete window.workbenchBridge;
});

describe('start view', () => {
  it('shows a new user the quick exchange', async () => {
    installFakeWorkbench();
    await renderApp();

    expect(
      screen.getByRole('button', { name: 'Quick exchange' }).getAttribute('aria-current'),
    ).toBe('page');
    expect(screen.getByTestId('profile-count').textContent).toBe('0 profiles');
    await waitFor(() => expect(input('Client ID').value).not.toBe(''));
  });

  it('opens the last used profile for a returning user', async () => {
    const store = seededStore();
    installFakeWorkbench(
      createFakeWorkbench({
        store: {
          ...store,
          settings: {
            allowPlainTextSecrets: false,
            plainTextBackend: false,
            lastProfileRef: 'p-crm',
          },
        },
      }),
    );
    await renderApp();

    expect(await screen.findByRole('heading', { name: 'CRM on sandbox', level: 2 })).toBeDefined();
  });

  it('goes back to the quick exchange from its sidebar button', async () => {
    installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
    const user = await renderApp();
    await screen.findByRole('form', { name: 'Profile' });

    await user.click(screen.getByRole('button', { name: 'Quick exchange' }));

    expect(screen.getByRole('radiogroup', { name: 'Grant type' })).toBeDefined();
    expect(screen.getAllByRole('radio')).toHaveLength(4);
  });
});

describe('banners', () => {
  it('shows a store repair with the dropped entries until dismissed', async () => {
    installFakeWorkbench(
      createFakeWorkbench({
        store: {
          recovery: {
            problem: 'invalid_entries',
            message: 'Some saved entries were invalid and were set aside.',
            keptAt: '/tmp/store.backup.json',
            dropped: [{ path: 'apps[1].appId', message: 'must be a number' }],
          },
        },
      }),
    );
    const user = await renderApp();

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Some saved entries were invalid and were set aside.');
    expect(alert.textContent).toContain('apps[1].appId: must be a number');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns about plain-text secrets and lets the person allow them', async () => {
    const fake = createFakeWorkbench();
    fake.handlers['app:info'] = () =>
      Promise.resolve({
        name: 'Token Workbench',
        version: '1',
        platform: 'linux',
        plainTextSecrets: true,
      });
    installFakeWorkbench(fake);
    const user = await renderApp();
    const banner = screen.getByRole('region', { name: 'Secret storage' });
    expect(banner.textContent).toContain('This system stores secrets without encryption');

    await user.click(screen.getByRole('button', { name: 'Allow saving secrets' }));

    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Secret storage' })).toBeNull(),
    );
    expect(fake.calls.find((c) => c.channel === 'settings:update')?.request).toEqual({
      allowPlainTextSecrets: true,
    });
    expect(screen.getByRole('note', { name: 'Secret storage' }).textContent).toBe(
      'Secrets are stored without encryption on this system.',
    );
  });

  it('names the kept file once when the repair message already does', async () => {
    const keptAt = '/tmp/store.corrupt.json';
    installFakeWorkbench(
      createFakeWorkbench({
        store: {
          recovery: {
            problem: 'corrupt',
            message: `The store file could not be read. The original file was kept at ${keptAt}.`,
            keptAt,
            dropped: [],
          },
        },
      }),
    );
    await renderApp();

    expect(screen.getByRole('alert').textContent?.split(keptAt)).toHaveLength(2);
  });
});
