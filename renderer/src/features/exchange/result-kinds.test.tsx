import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeOutcome } from '../../../../preload/contract';
import {
  createFakeWorkbench,
  installFakeWorkbench,
  meta,
  tokenOutcome,
} from '../../test-support/fake-workbench';
import { renderLoaded, resetStores } from '../../test-support/render-app';
import { resetClock } from '../tokens/clock-store';

const PROXY_PAGE = '<html><head><title>502 Bad Gateway</title></head></html>';

const httpOutcome: ExchangeOutcome = {
  status: 'error',
  grant: 'password',
  error: {
    kind: 'http',
    message: 'The server answered 502 with a text/html page instead of JSON',
    bodyExcerpt: PROXY_PAGE,
    contentType: 'text/html',
    meta: meta(502, PROXY_PAGE),
  },
};

const twoFactorOutcome: ExchangeOutcome = {
  status: 'two_factor',
  grant: 'password',
  serverNonce: 'c0153a05a4e0bcedca893f4a',
  message: 'This user signs in with two-factor authentication, which the token API cannot finish.',
  meta: meta(200, '{"server_nonce":"c0153a05a4e0bcedca893f4a"}'),
};

beforeEach(() => resetStores());
afterEach(() => {
  cleanup();
  resetClock();
  delete window.workbenchBridge;
});

describe('result kinds', () => {
  it('heads an HTTP error with its status and shows the body excerpt', async () => {
    installFakeWorkbench(createFakeWorkbench({ run: [httpOutcome] }));
    const user = await renderLoaded();

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('HTTP 502 Bad Gateway');
    expect(alert.textContent).toContain('<title>502 Bad Gateway</title>');
  });

  it('heads a 20 KB error_description with its start and keeps it whole below', async () => {
    const description = 'x'.repeat(20_000);
    const outcome: ExchangeOutcome = {
      status: 'error',
      grant: 'password',
      error: {
        kind: 'oauth',
        message: `invalid_request: ${description}`,
        error: 'invalid_request',
        errorDescription: description,
        errorDetail: null,
        errorParameters: null,
        errorPropagate: null,
        meta: meta(400, '{}'),
      },
    };
    installFakeWorkbench(createFakeWorkbench({ run: [outcome] }));
    const user = await renderLoaded();

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toHaveLength(201);
    expect(within(alert).getByTestId('error-description').textContent).toBe(description);
  });

  it('explains a two-factor answer in an alert', async () => {
    installFakeWorkbench(createFakeWorkbench({ run: [twoFactorOutcome] }));
    const user = await renderLoaded();

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'two-factor authentication, which the token API cannot finish',
    );
  });

  it('shows warnings the token came with', async () => {
    const outcome = tokenOutcome('tok-1');
    outcome.token.warnings = ['expires_in came as a string ("28800"); read as 28800 seconds'];
    installFakeWorkbench(createFakeWorkbench({ run: [outcome] }));
    const user = await renderLoaded();

    await user.click(screen.getByRole('button', { name: 'Get token' }));

    expect((await screen.findByRole('note', { name: 'Warnings' })).textContent).toContain(
      'expires_in came as a string',
    );
  });
});

describe('refresh token grant', () => {
  it('cannot run before there is a token to refresh', async () => {
    installFakeWorkbench();
    const user = await renderLoaded();

    await user.click(screen.getByRole('radio', { name: 'Refresh token' }));

    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Get token' });
    expect(button.disabled).toBe(true);
  });

  it('refreshes the newest token through exchange:refresh', async () => {
    const fake = installFakeWorkbench(
      createFakeWorkbench({ run: [tokenOutcome('tok-1')], refresh: [tokenOutcome('tok-2')] }),
    );
    const user = await renderLoaded();
    await user.click(screen.getByRole('button', { name: 'Get token' }));
    await screen.findByRole('heading', { name: 'Token' });

    await user.click(screen.getByRole('radio', { name: 'Refresh token' }));
    await user.click(screen.getByRole('button', { name: 'Get token' }));

    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'exchange:refresh')).toEqual([
        { channel: 'exchange:refresh', request: { tokenId: 'tok-1' } },
      ]),
    );
  });
});

describe('grant picker keyboard', () => {
  it('moves the choice with the arrow keys', async () => {
    installFakeWorkbench();
    const user = await renderLoaded();
    screen.getByRole('radio', { name: 'Password' }).focus();

    await user.keyboard('{ArrowRight}');

    const app = screen.getByRole('radio', { name: 'App' });
    expect(app.getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(app);
  });
});
