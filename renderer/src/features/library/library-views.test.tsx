import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../test-support/fake-store';
import { createFakeWorkbench, installFakeWorkbench } from '../../test-support/fake-workbench';
import type { FakeWorkbench } from '../../test-support/fake-workbench';
import { renderApp, resetStores } from '../../test-support/render-app';
import { seededStore } from '../../test-support/seed';

let fake: FakeWorkbench;

beforeEach(() => {
  resetStores();
  fake = installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
});

afterEach(() => {
  cleanup();
  delete window.workbenchBridge;
});

const inForm = (name: string) => within(screen.getByRole('form', { name }));
const input = (formName: string, label: string) =>
  inForm(formName).getByLabelText<HTMLInputElement>(label, { selector: 'input, select' });
const saves = () => fake.calls.filter((c) => c.channel === 'entity:save').map((c) => c.request);
const errorOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .find((el) => el?.classList.contains('field-error'))?.textContent;

async function openClient(name = 'Demo client') {
  const user = await renderApp();
  await user.click(screen.getByRole('button', { name: 'Clients' }));
  await user.click(screen.getByRole('button', { name }));
  return user;
}

describe('clients', () => {
  it('never prefills a saved secret and says it is saved', async () => {
    await openClient();

    const secret = input('Client', 'Client secret');
    expect(secret.value).toBe('');
    expect(secret.type).toBe('password');
    expect(secret.placeholder).toBe('Saved — type to replace');
    expect(fake.calls.some((c) => c.channel === 'secret:reveal')).toBe(false);
  });

  it('leaves the secret out of the save when the input stays empty', async () => {
    const user = await openClient();
    await user.type(input('Client', 'Name'), ' 2');

    await user.click(screen.getByRole('button', { name: 'Save client' }));

    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toEqual({
      kind: 'client',
      id: 'c-demo',
      input: { name: 'Demo client 2', clientId: 'demo-client' },
    });
  });

  it('sends a typed secret and empties the input after saving', async () => {
    const user = await openClient();
    await user.type(input('Client', 'Client secret'), 'new-secret');

    await user.click(screen.getByRole('button', { name: 'Save client' }));

    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toMatchObject({ input: { clientSecret: 'new-secret' } });
    await waitFor(() => expect(input('Client', 'Client secret').value).toBe(''));
  });

  it('sends null when the saved secret is cleared', async () => {
    const user = await openClient();
    await user.click(screen.getByRole('button', { name: 'Clear client secret' }));

    await user.click(screen.getByRole('button', { name: 'Save client' }));

    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toMatchObject({ input: { clientSecret: null } });
  });

  it('reveals the saved secret from main only on Show', async () => {
    const user = await openClient();

    await user.click(screen.getByRole('button', { name: 'Show client secret' }));

    expect((await screen.findByTestId('client-clientSecret-revealed')).textContent).toContain(
      'demo-secret-value',
    );
    expect(fake.calls.filter((c) => c.channel === 'secret:reveal').map((c) => c.request)).toEqual([
      { entity: 'client', id: 'c-demo', field: 'clientSecret' },
    ]);
  });

  it("shows main's issues under Name and Client ID", async () => {
    fake.handlers['entity:save'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'Check the client.',
          issues: [
            { field: 'name', message: 'name is required' },
            { field: 'clientId', message: 'client_id is required' },
          ],
        }),
      );
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Clients' }));

    await user.click(screen.getByRole('button', { name: 'Save client' }));

    await waitFor(() =>
      expect(errorOf(input('Client', 'Client ID'))).toBe('client_id is required'),
    );
    expect(errorOf(input('Client', 'Name'))).toBe('name is required');
    expect(inForm('Client').getByRole('alert').textContent).toBe('Check the marked fields.');
  });

  it('checks the port before asking main', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Clients' }));
    await user.type(input('Client', 'Port'), '70000');

    await user.click(screen.getByRole('button', { name: 'Save client' }));

    expect(errorOf(input('Client', 'Port'))).toBe('Port must be a whole number from 1 to 65535');
    expect(saves()).toEqual([]);
  });

  it('says which profiles still use a client instead of deleting it', async () => {
    const user = await openClient('Ops integration');

    await user.click(screen.getByRole('button', { name: 'Delete client' }));

    expect(inForm('Client').getByRole('alert').textContent).toContain(
      'This client is used by profile "Admin on Podio"',
    );
  });

  it('offers the allow button when main refuses to store secrets as plain text', async () => {
    fake.handlers['entity:save'] = () =>
      Promise.reject(
        refusal({
          kind: 'forbidden',
          message:
            'This system stores secrets without encryption. ' +
            'Choose "Allow saving secrets" to save them anyway.',
        }),
      );
    const user = await openClient();
    await user.type(input('Client', 'Client secret'), 'x');
    await user.click(screen.getByRole('button', { name: 'Save client' }));

    const allow = await inForm('Client').findByRole('button', { name: 'Allow saving secrets' });
    expect(inForm('Client').getByRole('alert').textContent).not.toContain('in settings');
    await user.click(allow);

    const updates = fake.calls.filter((c) => c.channel === 'settings:update').map((c) => c.request);
    expect(updates).toContainEqual({ allowPlainTextSecrets: true });
  });
});

describe('apps', () => {
  it("lists the client's apps and marks App ID with main's issue", async () => {
    fake.handlers['entity:save'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'Check the app.',
          issues: [{ field: 'appId', message: 'must be a number' }],
        }),
      );
    const user = await openClient();
    expect(screen.getByRole('button', { name: /CRM app/ })).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Add app' }));
    await user.type(input('App', 'Name'), 'Bad');
    await user.type(input('App', 'App ID'), 'abc');

    await user.click(screen.getByRole('button', { name: 'Save app' }));

    await waitFor(() => expect(errorOf(input('App', 'App ID'))).toBe('App ID must be a number'));
  });

  it('saves a new app under the client without an empty token', async () => {
    const user = await openClient();
    await user.click(screen.getByRole('button', { name: 'Add app' }));
    await user.type(input('App', 'Name'), 'Orders');
    await user.type(input('App', 'App ID'), ' 77 ');

    await user.click(screen.getByRole('button', { name: 'Save app' }));

    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toEqual({
      kind: 'app',
      id: null,
      input: { name: 'Orders', appId: '77', clientRef: 'c-demo' },
    });
  });
});

describe('environments', () => {
  it('shows a built-in read-only with its URLs and no save', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Environments' }));

    await user.click(screen.getByRole('button', { name: 'Podio' }));

    expect(input('Environment', 'Token URL').value).toBe('https://api.podio.com/oauth/token');
    expect(input('Environment', 'Token URL').readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save environment' })).toBeNull();
  });

  it('copies a built-in into a new environment with the JSON wire style', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Environments' }));
    await user.click(screen.getByRole('button', { name: 'Podio' }));
    await user.click(screen.getByRole('button', { name: 'Copy as new environment' }));
    await user.selectOptions(input('Environment', 'Wire style'), 'json');

    await user.click(screen.getByRole('button', { name: 'Save environment' }));

    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toEqual({
      kind: 'environment',
      id: null,
      input: {
        name: 'Podio (copy)',
        tokenUrl: 'https://api.podio.com/oauth/token',
        authorizeUrl: 'https://podio.com/oauth/authorize',
        apiBaseUrl: 'https://api.podio.com',
        verifyPath: '/user/status',
        wireStyle: 'json',
        acceptMissingState: false,
      },
    });
  });

  it('saves the switch for servers that do not echo state', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Environments' }));
    await user.click(screen.getByRole('button', { name: 'New environment' }));
    const form = screen.getByRole('form', { name: 'Environment' });
    await user.type(within(form).getByLabelText('Name'), 'No-state server');
    await user.type(within(form).getByLabelText('Token URL'), 'https://idp.example/token');
    await user.type(within(form).getByLabelText('Authorize URL'), 'https://idp.example/authorize');
    await user.type(within(form).getByLabelText('API base URL'), 'https://idp.example');
    await user.click(within(form).getByLabelText('Accept a sign-in redirect without state'));
    await user.click(within(form).getByRole('button', { name: 'Save environment' }));
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toMatchObject({ input: { acceptMissingState: true } });
  });

  it('puts a URL issue under Token URL', async () => {
    fake.handlers['entity:save'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'Check the environment.',
          issues: [{ field: 'tokenUrl', message: 'must be an http(s) URL' }],
        }),
      );
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Environments' }));

    await user.click(screen.getByRole('button', { name: 'Save environment' }));

    await waitFor(() =>
      expect(errorOf(input('Environment', 'Token URL'))).toBe('Token URL must be an http(s) URL'),
    );
  });
});

describe('logins', () => {
  it('saves a login with its password and no empty name', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Logins' }));
    await user.click(screen.getByRole('button', { name: 'New login' }));
    await user.type(input('Login', 'Username'), 'ops@example.com');
    await user.type(input('Login', 'Password'), 'pw');

    await user.click(screen.getByRole('button', { name: 'Save login' }));

    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toEqual({
      kind: 'login',
      id: null,
      input: { username: 'ops@example.com', password: 'pw' },
    });
  });
});
