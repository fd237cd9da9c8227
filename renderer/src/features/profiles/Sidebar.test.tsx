import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../../preload/contract';
import { createFakeWorkbench, installFakeWorkbench } from '../../test-support/fake-workbench';
import { renderApp, resetStores } from '../../test-support/render-app';
import { seededStore } from '../../test-support/seed';

beforeEach(() => resetStores());

afterEach(() => {
  cleanup();
  delete window.workbenchBridge;
});

const listbox = () => screen.getByRole('listbox', { name: 'Saved profiles' });
const optionNames = () =>
  within(listbox())
    .queryAllByRole('option')
    .map((o) => o.getAttribute('aria-label'));
const count = () => screen.getByTestId('profile-count').textContent;

describe('profiles sidebar', () => {
  it('groups profiles under "<environment> · <client>" headings', async () => {
    installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
    await renderApp();

    const groups = within(listbox()).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual([
      'Podio · Ops integration',
      'Sandbox · Demo client',
    ]);
    expect(
      within(groups[1]!)
        .getAllByRole('option')
        .map((o) => o.getAttribute('aria-label')),
    ).toEqual(['Bare client', 'CRM on sandbox']);
  });

  it('names each option by profile name alone, the app or login as its description', async () => {
    installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
    await renderApp();

    const option = screen.getByRole('option', { name: 'CRM on sandbox' });
    expect(option).toHaveProperty('textContent', 'CRM on sandboxApp: CRM app');
    const described = document.getElementById(option.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe('App: CRM app');
  });

  it('filters as the person types and says how many are shown', async () => {
    installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
    const user = await renderApp();
    expect(count()).toBe('3 profiles');

    await user.type(screen.getByRole('searchbox', { name: 'Search profiles' }), 'ADMIN');

    await waitFor(() => expect(optionNames()).toEqual(['Admin on Podio']));
    expect(count()).toBe('1 of 3 profiles');
  });

  it('opens the profile a click picks and marks it selected', async () => {
    installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
    const user = await renderApp();

    await user.click(screen.getByRole('option', { name: 'Bare client' }));

    expect(screen.getByRole('option', { name: 'Bare client' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(screen.getByRole('heading', { name: 'Bare client' })).toBeDefined();
  });

  it('moves with the arrow keys, Home and End, and opens with Enter', async () => {
    installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
    const user = await renderApp();
    const search = screen.getByRole('searchbox', { name: 'Search profiles' });
    await user.click(search);

    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Admin on Podio');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('CRM on sandbox');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('CRM on sandbox');
    await user.keyboard('{Home}');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Admin on Podio');
    await user.keyboard('{End}{ArrowUp}{Enter}');

    expect(screen.getByRole('option', { name: 'Bare client' }).getAttribute('aria-selected')).toBe(
      'true',
    );
  });

  it('opens with Space too', async () => {
    installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
    const user = await renderApp();
    await user.click(screen.getByRole('searchbox', { name: 'Search profiles' }));

    await user.keyboard('{ArrowDown} ');

    expect(screen.getByRole('heading', { name: 'Admin on Podio' })).toBeDefined();
  });

  it('lists 1,000 profiles and filters them to the matching few', async () => {
    const base = seededStore();
    const profiles: ProfileView[] = Array.from({ length: 1000 }, (_, i) => ({
      id: `p${i}`,
      name: `Profile ${i}`,
      environmentRef: i % 2 ? 'sandbox' : 'podio',
      clientRef: i % 3 ? 'c-demo' : 'c-ops',
    }));
    installFakeWorkbench(createFakeWorkbench({ store: { ...base, profiles } }));
    const user = await renderApp();
    expect(count()).toBe('1000 profiles');

    await user.type(screen.getByRole('searchbox', { name: 'Search profiles' }), 'profile 99');

    await waitFor(() => expect(count()).toBe('11 of 1000 profiles'));
    expect(optionNames()).toHaveLength(11);
  });
});
