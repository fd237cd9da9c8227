/** Main refuses shorter passphrases too; checking here first says so next to the inputs. */
export const MIN_PASSPHRASE_LENGTH = 8;

export interface PassphraseIssues {
  passphrase?: string;
  repeat?: string;
}

/** What is wrong with the export passphrase pair, if secrets are to be included. */
export function passphraseIssues(
  includeSecrets: boolean,
  passphrase: string,
  repeat: string,
): PassphraseIssues {
  if (!includeSecrets) return {};
  const issues: PassphraseIssues = {};
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    issues.passphrase = `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  }
  if (repeat !== passphrase) issues.repeat = 'The passphrases do not match.';
  return issues;
}

/** "Imported 3 profiles, 2 clients, 1 app and 1 login; 2 secrets." from main's summary. */
export function importSummaryText(summary: {
  added: Record<'environments' | 'clients' | 'apps' | 'logins' | 'profiles', number>;
  renamedIds: number;
  secrets: number;
}): string {
  const { added } = summary;
  const part = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    part(added.profiles, 'profile'),
    part(added.clients, 'client'),
    part(added.apps, 'app'),
    part(added.logins, 'login'),
    part(added.environments, 'environment'),
  ];
  let text = `Imported ${parts.join(', ')}`;
  if (summary.secrets > 0) text += `; ${part(summary.secrets, 'secret')}`;
  if (summary.renamedIds > 0) {
    text += `; ${part(summary.renamedIds, 'entry', 'entries')} got a new id`;
  }
  return `${text}.`;
}

/** Hands a text file to the browser's download, as the given file name. */
export function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: Chromium starts the download from the click synchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
