import { describe, expect, it } from 'vitest';
import { importSummaryText, passphraseIssues } from './passphrase';

describe('passphraseIssues', () => {
  it('asks nothing when secrets stay out', () => {
    expect(passphraseIssues(false, '', 'x')).toEqual({});
  });

  it('wants at least 8 characters', () => {
    expect(passphraseIssues(true, 'short12', 'short12')).toEqual({
      passphrase: 'Use at least 8 characters.',
    });
  });

  it('wants the repeat to match', () => {
    expect(passphraseIssues(true, 'long enough', 'long enougH')).toEqual({
      repeat: 'The passphrases do not match.',
    });
  });

  it('accepts 8 matching characters', () => {
    expect(passphraseIssues(true, '12345678', '12345678')).toEqual({});
  });
});

describe('importSummaryText', () => {
  it('names every kind with its count, secrets and renamed ids', () => {
    expect(
      importSummaryText({
        added: { environments: 1, clients: 2, apps: 1, logins: 0, profiles: 3 },
        unchanged: 0,
        renamedIds: 1,
        secrets: 2,
      }),
    ).toBe(
      'Imported 3 profiles, 2 clients, 1 app, 0 logins, 1 environment; 2 secrets; ' +
        '1 entry got a new id.',
    );
  });

  it('says how many entries were already here and not added again', () => {
    expect(
      importSummaryText({
        added: { environments: 0, clients: 1, apps: 0, logins: 0, profiles: 0 },
        unchanged: 3,
        renamedIds: 0,
        secrets: 0,
      }),
    ).toBe(
      'Imported 0 profiles, 1 client, 0 apps, 0 logins, 0 environments. ' +
        '3 entries were already here and not added again.',
    );
  });

  it('says nothing new was imported when every entry was already here', () => {
    expect(
      importSummaryText({
        added: { environments: 0, clients: 0, apps: 0, logins: 0, profiles: 0 },
        unchanged: 5,
        renamedIds: 0,
        secrets: 0,
      }),
    ).toBe('Nothing new to import: all 5 entries were already here.');
  });
});
