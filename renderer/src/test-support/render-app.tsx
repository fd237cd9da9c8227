import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../App';
import { resetAuthorizeStore } from '../features/authorize/authorize-store';
import { resetExchangeStore } from '../features/exchange/exchange-store';
import { resetLibraryStore, useLibraryStore } from '../features/library/library-store';
import { resetProfileResultsStore } from '../features/profiles/profile-results-store';
import { resetProfileStore } from '../features/profile-form/profile-store';
import { resetClock } from '../features/tokens/clock-store';
import { resetToastStore } from '../features/workspace/toast-store';
import { resetViewStore } from '../features/workspace/view-store';

/** The input labelled exactly so (not the Show/Hide buttons that mention it). */
export function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { selector: 'input' });
}

/** Fresh stores and clock, so tests do not see each other's state. */
export function resetStores(): void {
  resetProfileStore();
  resetExchangeStore();
  resetAuthorizeStore();
  resetLibraryStore();
  resetProfileResultsStore();
  resetToastStore();
  resetViewStore();
  resetClock();
}

/** Renders the screen and waits until the form is prefilled from window.workbench. */
export async function renderLoaded(): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup();
  render(<App />);
  await waitFor(() => {
    if (input('Client ID').value === '') throw new Error('form not prefilled yet');
  });
  return user;
}

/** Renders the whole app and waits until the saved profiles (the store snapshot) are loaded. */
export async function renderApp(): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup();
  render(<App />);
  await waitFor(() => {
    if (useLibraryStore.getState().loadStatus !== 'ready') throw new Error('library not loaded');
  });
  return user;
}
