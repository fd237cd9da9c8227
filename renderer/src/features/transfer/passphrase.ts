import type { ImportSummary } from '../../../../preload/contract';

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

/**
 * "Imported 3 profiles, 2 clients, 1 app, 1 login, 0 environments; 2 secrets." from main's
 * summary, with the entries that were already here and not added again.
 */
export function importSummaryText(summary: ImportSummary): string {
  const { added, unchanged } = summary;
  const part = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const total = Object.values(added).reduce((sum, n) => sum + n, 0);
  const already = `${part(unchanged, 'entry', 'entries')} ${unchanged === 1 ? 'was' : 'were'}`;
  if (total === 0 && unchanged > 0) {
    return `Nothing new to import: ${unchanged === 1 ? 'its' : 'all'} ${already} already here.`;
  }
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
  text += '.';
  if (unchanged > 0) text += ` ${already} already here and not added again.`;
  return text;
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
