import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { resetClock } from './features/tokens/clock-store';
import {
  SANDBOX_INFO,
  createFakeWorkbench,
  installFakeWorkbench,
  invalidGrantOutcome,
  tokenOutcome,
  validationOutcome,
} from './test-support/fake-workbench';
import { input, renderLoaded, resetStores } from './test-support/render-app';

beforeEach(() => resetStores());

afterEach(() => {
  cleanup();
  resetClock();
  delete window.workbenchBridge;
});

describe('profile form', () => {
  it('prefills the sandbox environment and demo credentials on first run', async () => {
    installFakeWorkbench();

    await renderLoaded();

    const { demo } = SANDBOX_INFO;
    expect(screen.getByLabelText<HTMLSelectElement>('Environment').value).toBe('sandbox');
    expect(input('Client ID').value).toBe(demo.clientId);
    expect(input('Client secret').value).toBe(demo.clientSecret);
    expect(input('Username').value).toBe(demo.username);
    expect(input('Password').value).toBe(demo.password);
    expect(input('App ID').value).toBe(demo.appId);
    expect(input('App token').value).toBe(demo.appToken);
    expect(screen.getByTestId('environment-in-use').textContent).toContain('Sandbox');
  });

  it('sends the draft and the chosen grant to exchange:run', async () => {
    const fake = installFakeWorkbench(createFakeWorkbench({ run: [tokenOutcome('tok-1')] }));
    const user = await renderLoaded();

    await user.click(screen.getByRole('radio', { name: 'App' }));
    await user.click(screen.getByRole('button', { name: 'Get token' }));

    await screen.findByRole('heading', { name: 'Token' });
    const run = fake.calls.find((c) => c.channel === 'exchange:run');
    const { demo } = SANDBOX_INFO;
    expect(run?.request).toEqual({
      grant: 'app',
      draft: { ...demo, environmentId: 'sandbox', code: '', redirectUri: '' },
    });
  });

  it('submits on Enter in a field', async () => {
    const fake = installFakeWorkbench(createFakeWorkbench({ run: [tokenOutcome('tok-1')] }));
    const user = await renderLoaded();

    await user.type(input('Username'), '{Enter}');

    await screen.findByRole('heading', { name: 'Token' });
    expect(fake.calls.filter((c) => c.channel === 'exchange:run')).toHaveLength(1);
  });

  it('dims the fields the chosen grant does not send', async () => {
    installFakeWorkbench();
    const user = await renderLoaded();

    await user.click(screen.getByRole('radio', { name: 'App' }));

    expect(input('Username').closest('.field')?.getAttribute('data-unused')).toBe('true');
    expect(input('App token').closest('.field')?.getAttribute('data-unused')).toBeNull();
  });

  it('shows Code and Redirect URI only for the authorization code grant', async () => {
    installFakeWorkbench();
    const user = await renderLoaded();
    expect(screen.queryByLabelText('Code')).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Authorization code' }));

    expect(input('Code')).toBeDefined();
    expect(input('Redirect URI')).toBeDefined();
  });

  it('reveals a secret with its Show toggle', async () => {
    installFakeWorkbench();
    const user = await renderLoaded();
    expect(input('Client secret').getAttribute('type')).toBe('password');

    await user.click(screen.getByRole('button', { name: 'Show client secret' }));

    expect(input('Client secret').getAttribute('type')).toBe('text');
    expect(screen.getByRole('button', { name: 'Hide client secret' })).toBeDefined();
  });

  it('marks the inputs a validation outcome names, with the message under each', async () => {
    installFakeWorkbench(createFakeWorkbench({ run: [validationOutcome()] }));
    const user = await renderLoaded();

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    await screen.findByRole('alert');
    const secret = input('Client secret');
    expect(secret.getAttribute('aria-invalid')).toBe('true');
    const describedBy = secret.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Client secret is required');
    expect(input('Username').getAttribute('aria-invalid')).toBe('true');
    expect(input('Client ID').getAttribute('aria-invalid')).toBeNull();
    const items = within(screen.getByRole('alert')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Client secret is required',
      'Username is required',
    ]);
  });

  it('drops the marks of a validation outcome when another grant is picked', async () => {
    installFakeWorkbench(createFakeWorkbench({ run: [validationOutcome()] }));
    const user = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByRole('alert');

    await user.click(screen.getByRole('radio', { name: 'App' }));

    expect(input('Username').getAttribute('aria-invalid')).toBeNull();
  });

  it('says why when the bridge is missing', async () => {
    render(<App />);

    expect((await screen.findByRole('alert')).textContent).toContain('workbench bridge is missing');
  });
});

describe('result', () => {
  it('shows the server error description and code for an oauth error', async () => {
    installFakeWorkbench(createFakeWorkbench({ run: [invalidGrantOutcome()] }));
    const user = await renderLoaded();

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('Invalid user credentials');
    expect(alert.textContent).toContain('invalid_grant');
    expect(screen.getByTestId('status-line').textContent).toBe('400 Bad Request · 12 ms');
  });

  it('shows the raw error body pretty-printed behind its toggle', async () => {
    installFakeWorkbench(createFakeWorkbench({ run: [invalidGrantOutcome()] }));
    const user = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByRole('alert');
    expect(screen.queryByTestId('raw-response')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Show raw response' }));

    expect(screen.getByTestId('raw-response').textContent).toContain('"error": "invalid_grant"');
    expect(screen.getByRole('button', { name: 'Hide raw response' })).toBeDefined();
  });

  it('shows a token with countdown, status line, masked secrets, rate-limit headers', async () => {
    installFakeWorkbench(createFakeWorkbench({ run: [tokenOutcome('tok-1')] }));
    const user = await renderLoaded();

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    await screen.findByRole('heading', { name: 'Token' });
    expect(screen.getByRole('timer', { name: 'Expires in' }).textContent).toMatch(/^07:59:5\d$/);
    expect(screen.getByTestId('status-line').textContent).toBe('200 OK · 12 ms');
    const access = screen.getByTestId('field-access_token');
    expect(access.textContent).toContain('0fb7d3…f314');
    expect(screen.getByTestId('field-ref').textContent).toContain('user 1234567');
    expect(screen.getByTestId('header-x-rate-limit-remaining').textContent).toContain('249');
  });

  it('reveals and copies a secret field', async () => {
    const outcome = tokenOutcome('tok-1');
    installFakeWorkbench(createFakeWorkbench({ run: [outcome] }));
    const user = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByRole('heading', { name: 'Token' });

    await user.click(screen.getByRole('button', { name: 'Copy access_token' }));
    expect(await navigator.clipboard.readText()).toBe(outcome.token.accessToken);
    expect(screen.getByRole('button', { name: 'Copy access_token' }).textContent).toBe('Copied');

    await user.click(screen.getByRole('button', { name: 'Show access_token' }));
    expect(screen.getByTestId('field-access_token').textContent).toContain(
      outcome.token.accessToken,
    );
  });

  it('Refresh calls exchange:refresh with the token id and shows the new token', async () => {
    const fresh = tokenOutcome('tok-2', { accessToken: 'a'.repeat(60) + 'beef' });
    const fake = installFakeWorkbench(
      createFakeWorkbench({ run: [tokenOutcome('tok-1')], refresh: [fresh] }),
    );
    const user = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByRole('heading', { name: 'Token' });

    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    await waitFor(() =>
      expect(screen.getByTestId('field-access_token').textContent).toContain('aaaaaa…beef'),
    );
    expect(fake.calls.filter((c) => c.channel === 'exchange:refresh')).toEqual([
      { channel: 'exchange:refresh', request: { tokenId: 'tok-1' } },
    ]);
  });

  it('disables Refresh when the token has no refresh token', async () => {
    installFakeWorkbench(
      createFakeWorkbench({ run: [tokenOutcome('tok-1', { refreshToken: null })] }),
    );
    const user = await renderLoaded();

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    await screen.findByRole('heading', { name: 'Token' });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Refresh' }).disabled).toBe(true);
  });

  it("lists this session's tokens newest first", async () => {
    installFakeWorkbench(
      createFakeWorkbench({ run: [tokenOutcome('tok-1')], refresh: [tokenOutcome('tok-2')] }),
    );
    const user = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByRole('heading', { name: 'Token' });
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    const history = await screen.findByRole('region', { name: 'This session' });

    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2));
    const current = within(history).getAllByRole('button')[0];
    expect(current?.getAttribute('aria-current')).toBe('true');
  });
});
