import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeOutcome } from '../../../../preload/contract';
import {
  SANDBOX_INFO,
  STARTED,
  installFakeWorkbench,
  invalidGrantOutcome,
  progress,
  tokenOutcome,
} from '../../test-support/fake-workbench';
import type { FakeWorkbench } from '../../test-support/fake-workbench';
import { input, renderLoaded, resetStores } from '../../test-support/render-app';
import { resetClock } from '../tokens/clock-store';

type User = Awaited<ReturnType<typeof renderLoaded>>;

const DENIED = 'The provider reported access denied: The user denied access.';

beforeEach(() => resetStores());
afterEach(() => {
  cleanup();
  resetClock();
  delete window.workbenchBridge;
});

/** Picks the authorization code grant and presses Sign in with browser. */
async function signIn(user: User): Promise<void> {
  await user.click(screen.getByRole('radio', { name: 'Authorization code' }));
  await user.click(screen.getByRole('button', { name: 'Sign in with browser' }));
}

function push(fake: FakeWorkbench, event: ReturnType<typeof progress>): void {
  act(() => fake.emit('authorize:progress', event));
}

const status = () => screen.getByTestId('authorize-status').textContent;

describe('browser sign-in settings', () => {
  it('sends the draft and the default options to authorize:start', async () => {
    const fake = installFakeWorkbench();
    const user = await renderLoaded();

    await signIn(user);

    await screen.findByTestId('authorize-status');
    const start = fake.calls.find((c) => c.channel === 'authorize:start');
    expect(start?.request).toEqual({
      draft: { ...SANDBOX_INFO.demo, environmentId: 'sandbox', code: '', redirectUri: '' },
      options: {
        redirectHost: 'localhost',
        port: null,
        path: '/callback',
        exactPath: false,
        usePkce: false,
        acceptMissingState: false,
        scope: '',
      },
    });
  });

  it('sends the settings as chosen', async () => {
    const fake = installFakeWorkbench();
    const user = await renderLoaded();
    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));

    await user.selectOptions(screen.getByLabelText('Redirect host'), '127.0.0.1');
    await user.type(input('Port'), '8765');
    await user.clear(input('Redirect path'));
    await user.type(input('Redirect path'), '/oauth/done');
    await user.click(screen.getByLabelText('Use exact path'));
    await user.click(screen.getByLabelText('Use PKCE'));
    await user.click(screen.getByLabelText('Accept a redirect without state'));
    await user.type(input('Scope'), 'read write');
    await user.click(screen.getByRole('button', { name: 'Sign in with browser' }));

    await screen.findByTestId('authorize-status');
    const start = fake.calls.find((c) => c.channel === 'authorize:start');
    expect((start?.request as { options: unknown }).options).toEqual({
      redirectHost: '127.0.0.1',
      port: 8765,
      path: '/oauth/done',
      exactPath: true,
      usePkce: true,
      acceptMissingState: true,
      scope: 'read write',
    });
  });

  it('refuses a port below 1024 with a message under the input, and does not start', async () => {
    const fake = installFakeWorkbench();
    const user = await renderLoaded();
    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));
    await user.type(input('Port'), '80');

    await user.click(screen.getByRole('button', { name: 'Sign in with browser' }));

    const port = input('Port');
    expect(port.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(port.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Use 1024–65535, or leave it empty for any free port',
    );
    expect(document.activeElement).toBe(port);
    expect(fake.calls.some((c) => c.channel === 'authorize:start')).toBe(false);
  });

  it('starts the sign-in on Enter in its fields instead of exchanging a pasted code', async () => {
    const fake = installFakeWorkbench();
    const user = await renderLoaded();
    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));

    await user.type(input('Scope'), 'global{Enter}');

    await screen.findByTestId('authorize-status');
    const channels = fake.calls.map((c) => c.channel);
    expect([channels.includes('authorize:start'), channels.includes('exchange:run')]).toEqual([
      true,
      false,
    ]);
  });

  it('opens "Paste a code instead" when a pasted-code exchange marks the Code field', async () => {
    const fake = installFakeWorkbench();
    fake.handlers['exchange:run'] = () =>
      Promise.resolve({
        status: 'error',
        grant: 'authorization_code',
        error: {
          kind: 'validation',
          message: 'Some fields are missing',
          issues: [{ field: 'code', message: 'Code is required' }],
        },
      });
    const user = await renderLoaded();
    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));
    const details = input('Code').closest('details');
    expect(details?.open).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    await waitFor(() => expect(details?.open).toBe(true));
    expect(document.activeElement).toBe(input('Code'));
  });
});

describe('browser sign-in progress', () => {
  it('shows the redirect URI, what to register and the listening addresses', async () => {
    installFakeWorkbench();
    const user = await renderLoaded();

    await signIn(user);

    expect((await screen.findByTestId('redirect-uri')).textContent).toBe(STARTED.redirectUri);
    expect(screen.getByTestId('listen-addresses').textContent).toBe('127.0.0.1:53121, [::1]:53121');
    expect(screen.getByText(/The sandbox accepts any loopback redirect/)).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Copy redirect URI' }));
    expect(await navigator.clipboard.readText()).toBe(STARTED.redirectUri);
  });

  it('tells Podio users to register the domain, and only them', async () => {
    installFakeWorkbench();
    const user = await renderLoaded();
    await user.selectOptions(screen.getByLabelText('Environment'), 'podio');

    await signIn(user);

    await screen.findByTestId('redirect-uri');
    expect(
      screen.getByText(
        'Register the domain localhost with your API key — Podio matches the domain only.',
      ),
    ).toBeDefined();
  });

  it('says what each phase is doing', async () => {
    const fake = installFakeWorkbench();
    const user = await renderLoaded();
    await signIn(user);
    await screen.findByTestId('authorize-status');
    const seen = [status()];

    for (const phase of ['code_received', 'exchanging'] as const) {
      push(fake, progress(phase));
      seen.push(status());
    }

    expect(seen).toEqual(['Waiting for the browser…', 'Code received', 'Exchanging the code…']);
  });

  it('applies an event that arrived before authorize:start answered', async () => {
    const fake = installFakeWorkbench();
    fake.handlers['authorize:start'] = () => {
      fake.emit('authorize:progress', progress('code_received'));
      return Promise.resolve(STARTED);
    };
    const user = await renderLoaded();

    await signIn(user);

    await waitFor(() => expect(status()).toBe('Code received'));
  });

  it('shows the token with its countdown when the sign-in is done', async () => {
    const fake = installFakeWorkbench();
    const user = await renderLoaded();
    await signIn(user);
    await screen.findByTestId('authorize-status');
    const outcome: ExchangeOutcome = { ...tokenOutcome('tok-a'), grant: 'authorization_code' };

    push(fake, progress('done', { message: 'Token kept.', outcome }));

    expect(status()).toMatch(/done/i);
    expect(screen.getByRole('heading', { name: 'Token' })).toBeDefined();
    expect(screen.getByRole('timer', { name: 'Expires in' }).textContent).toMatch(/^07:59:5\d$/);
    expect(screen.getByText(/Authorization code grant/)).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Cancel sign-in' })).toBeNull();
  });

  it('says access denied in the one alert when the person denies access', async () => {
    const fake = installFakeWorkbench();
    const user = await renderLoaded();
    await signIn(user);
    await screen.findByTestId('authorize-status');

    push(fake, progress('failed', { message: DENIED }));

    expect(screen.getByRole('alert').textContent).toBe(`Failed: ${DENIED}`);
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('shows a failed exchange with the error view and a single alert', async () => {
    const fake = installFakeWorkbench();
    const user = await renderLoaded();
    await signIn(user);
    await screen.findByTestId('authorize-status');
    const outcome: ExchangeOutcome = { ...invalidGrantOutcome(), grant: 'authorization_code' };

    push(fake, progress('failed', { message: 'The code exchange failed: refused', outcome }));

    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('Invalid user credentials');
    expect(status()).toBe('Failed: The code exchange failed: refused');
  });

  it('Cancel sign-in calls authorize:cancel with the flow id', async () => {
    const fake = installFakeWorkbench();
    const user = await renderLoaded();
    await signIn(user);

    await user.click(await screen.findByRole('button', { name: 'Cancel sign-in' }));
    push(fake, progress('cancelled', { message: 'The sign-in was cancelled.' }));

    expect(fake.calls.filter((c) => c.channel === 'authorize:cancel')).toEqual([
      { channel: 'authorize:cancel', request: { flowId: STARTED.flowId } },
    ]);
    expect(status()).toMatch(/cancelled/i);
    expect(screen.queryByRole('button', { name: 'Cancel sign-in' })).toBeNull();
  });

  it('shows why authorize:start was refused in an alert', async () => {
    const fake = installFakeWorkbench();
    fake.handlers['authorize:start'] = () =>
      Promise.reject(new Error('Client ID and client secret are required to sign in'));
    const user = await renderLoaded();

    await signIn(user);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Client ID and client secret are required to sign in');
    expect(screen.queryByTestId('authorize-status')).toBeNull();
  });

  it("clears the previous flow's panel when a new sign-in starts", async () => {
    const fake = installFakeWorkbench();
    let answer: (value: typeof STARTED) => void = () => undefined;
    const user = await renderLoaded();
    await signIn(user);
    await screen.findByTestId('authorize-status');
    push(fake, progress('failed', { message: DENIED }));
    fake.handlers['authorize:start'] = () => new Promise((resolve) => (answer = resolve));

    await user.click(screen.getByRole('button', { name: 'Sign in with browser' }));

    expect(screen.queryByTestId('authorize-status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => answer({ ...STARTED, flowId: 'flow-2' }));
    await waitFor(() => expect(status()).toMatch(/waiting/i));
  });

  it('unsubscribes from authorize:progress when the app unmounts', async () => {
    const fake = installFakeWorkbench();
    await renderLoaded();
    expect(fake.listenerCount('authorize:progress')).toBe(1);

    cleanup();

    expect(fake.listenerCount('authorize:progress')).toBe(0);
  });
});
