import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { refusal } from '../../test-support/fake-store';
import { createFakeWorkbench, installFakeWorkbench } from '../../test-support/fake-workbench';
import type { FakeWorkbench } from '../../test-support/fake-workbench';
import { renderApp, resetStores } from '../../test-support/render-app';
import { seededStore } from '../../test-support/seed';

let fake: FakeWorkbench;
let downloads: string[];

beforeEach(() => {
  resetStores();
  fake = installFakeWorkbench(createFakeWorkbench({ store: seededStore() }));
  downloads = [];
  // jsdom has no object URLs or downloads: record the file name the link asks for instead.
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push(this.download);
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  delete window.workbenchBridge;
});

const exports = () =>
  fake.calls.filter((c) => c.channel === 'transfer:export').map((c) => c.request);
const dialog = (name: string) => screen.getByRole('dialog', { name });
const passphraseInput = (label: string) =>
  within(dialog('Export')).getByLabelText<HTMLInputElement>(label, { selector: 'input' });

describe('export dialog', () => {
  it('exports without secrets by default and downloads the file', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Export…' }));

    await user.click(within(dialog('Export')).getByRole('button', { name: 'Export file' }));

    await waitFor(() => expect(exports()).toEqual([{ passphrase: null }]));
    expect(downloads).toEqual(['token-workbench-export.json']);
  });

  it('asks for a passphrase of 8 characters once secrets are included', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByLabelText('Include secrets'));
    await user.type(passphraseInput('Passphrase'), 'short');
    await user.type(passphraseInput('Repeat passphrase'), 'short');

    await user.click(within(dialog('Export')).getByRole('button', { name: 'Export file' }));

    expect(dialog('Export').textContent).toContain('Use at least 8 characters.');
    expect(exports()).toEqual([]);
  });

  it('wants the two passphrases to match', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByLabelText('Include secrets'));
    await user.type(passphraseInput('Passphrase'), 'long enough');
    await user.type(passphraseInput('Repeat passphrase'), 'long enougH');

    await user.click(within(dialog('Export')).getByRole('button', { name: 'Export file' }));

    expect(dialog('Export').textContent).toContain('The passphrases do not match.');
    expect(exports()).toEqual([]);
  });

  it('sends the passphrase and shows the warnings main returns', async () => {
    fake.handlers['transfer:export'] = () =>
      Promise.resolve({ json: '{}', warnings: ['The secret of client "Old" could not be read.'] });
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByLabelText('Include secrets'));
    await user.type(passphraseInput('Passphrase'), 'correct horse');
    await user.type(passphraseInput('Repeat passphrase'), 'correct horse');

    await user.click(within(dialog('Export')).getByRole('button', { name: 'Export file' }));

    await waitFor(() => expect(exports()).toEqual([{ passphrase: 'correct horse' }]));
    expect(
      (await within(dialog('Export')).findByRole('list', { name: 'Export warnings' })).textContent,
    ).toBe('The secret of client "Old" could not be read.');
  });

  it('closes on Escape', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Export…' }));

    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('import dialog', () => {
  const file = () =>
    new File(['{"format":"token-workbench-export"}'], 'export.json', { type: 'application/json' });

  it('lists every problem with its path in the file and changes nothing', async () => {
    fake.handlers['transfer:import'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'The import file has 2 problems; nothing was imported.',
          issues: [
            { field: 'data.apps[2].appId', message: 'must be a number' },
            {
              field: 'data.profiles[0].clientRef',
              message: 'refers to a client that is not in the file',
            },
          ],
        }),
      );
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    await user.upload(within(dialog('Import')).getByLabelText('Export file'), file());

    await user.click(within(dialog('Import')).getByRole('button', { name: 'Import' }));

    const alert = await within(dialog('Import')).findByRole('alert');
    expect(alert.textContent).toContain('The import file has 2 problems; nothing was imported.');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'data.apps[2].appId: must be a number',
      'data.profiles[0].clientRef: refers to a client that is not in the file',
    ]);
    expect(fake.calls.filter((c) => c.channel === 'store:snapshot')).toHaveLength(1);
  });

  it('sends the file text and the passphrase when one is typed', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    await user.upload(within(dialog('Import')).getByLabelText('Export file'), file());
    await user.type(
      within(dialog('Import')).getByLabelText('Passphrase', { selector: 'input' }),
      'correct horse',
    );

    await user.click(within(dialog('Import')).getByRole('button', { name: 'Import' }));

    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'transfer:import')?.request).toEqual({
        json: '{"format":"token-workbench-export"}',
        passphrase: 'correct horse',
      }),
    );
  });

  it('says what was imported, closes, and reloads the sidebar', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    await user.upload(within(dialog('Import')).getByLabelText('Export file'), file());
    fake.store.data.profiles = [
      ...fake.store.data.profiles,
      { id: 'p-new', name: 'Imported one', environmentRef: 'sandbox', clientRef: 'c-demo' },
    ];

    await user.click(within(dialog('Import')).getByRole('button', { name: 'Import' }));

    expect((await screen.findByRole('status')).textContent).toContain(
      'Imported 2 profiles, 1 client, 1 app, 0 logins, 0 environments.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('option', { name: 'Imported one' })).toBeDefined();
  });

  it('asks for a file before calling main', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Import…' }));

    await user.click(within(dialog('Import')).getByRole('button', { name: 'Import' }));

    expect(within(dialog('Import')).getByRole('alert').textContent).toBe(
      'Choose an export file first.',
    );
    expect(fake.calls.some((c) => c.channel === 'transfer:import')).toBe(false);
  });

  it('says an empty file is empty without calling main', async () => {
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    const empty = new File([''], 'empty.json', { type: 'application/json' });
    await user.upload(within(dialog('Import')).getByLabelText('Export file'), empty);

    await user.click(within(dialog('Import')).getByRole('button', { name: 'Import' }));

    expect((await within(dialog('Import')).findByRole('alert')).textContent).toBe(
      'The file is empty. Choose a Token Workbench export file.',
    );
    expect(fake.calls.some((c) => c.channel === 'transfer:import')).toBe(false);
  });

  it("reads main's size refusal as a sentence about the file", async () => {
    fake.handlers['transfer:import'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'Invalid request: json: the file is larger than 5 MB',
        }),
      );
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    await user.upload(within(dialog('Import')).getByLabelText('Export file'), file());

    await user.click(within(dialog('Import')).getByRole('button', { name: 'Import' }));

    expect((await within(dialog('Import')).findByRole('alert')).textContent).toBe(
      'The file is larger than 5 MB. Choose a Token Workbench export file.',
    );
  });

  it('reads a file that is not JSON as one sentence, not a list', async () => {
    fake.handlers['transfer:import'] = () =>
      Promise.reject(
        refusal({
          kind: 'validation',
          message: 'The import file has 1 problem; nothing was imported.',
          issues: [{ field: '', message: 'is not JSON' }],
        }),
      );
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    await user.upload(within(dialog('Import')).getByLabelText('Export file'), file());

    await user.click(within(dialog('Import')).getByRole('button', { name: 'Import' }));

    const alert = await within(dialog('Import')).findByRole('alert');
    expect(alert.textContent).toBe('The file is not JSON. Choose a Token Workbench export file.');
    expect(within(alert).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('says how many entries were already here', async () => {
    fake.handlers['transfer:import'] = () =>
      Promise.resolve({
        added: { environments: 0, clients: 0, apps: 0, logins: 0, profiles: 1 },
        unchanged: 3,
        renamedIds: 0,
        secrets: 0,
      });
    const user = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Import…' }));
    await user.upload(within(dialog('Import')).getByLabelText('Export file'), file());

    await user.click(within(dialog('Import')).getByRole('button', { name: 'Import' }));

    expect((await screen.findByRole('status')).textContent).toContain(
      '3 entries were already here and not added again.',
    );
  });
});
