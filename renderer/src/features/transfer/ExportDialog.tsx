import { useState } from 'react';
import type { FormEvent } from 'react';
import { failureMessage, workbench } from '../../lib/bridge';
import { Checkbox } from '../authorize/Checkbox';
import { PASSPHRASE_MAX } from '../../lib/input-limits';
import { FormField } from '../profile-form/FormField';
import { Dialog } from './Dialog';
import { downloadText, MIN_PASSPHRASE_LENGTH, passphraseIssues } from './passphrase';

export const EXPORT_FILE_NAME = 'token-workbench-export.json';

/**
 * Exports environments, clients, apps, logins and profiles as JSON. Secrets stay out unless the
 * person ticks Include secrets; then they are encrypted under a passphrase typed twice.
 */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ warnings: string[] } | null>(null);
  const issues = passphraseIssues(includeSecrets, passphrase, repeat);
  const valid = Object.keys(issues).length === 0;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await workbench().invoke('transfer:export', {
        passphrase: includeSecrets ? passphrase : null,
      });
      downloadText(result.json, EXPORT_FILE_NAME);
      setDone({ warnings: result.warnings });
    } catch (reason) {
      setError(failureMessage(reason));
    } finally {
      setBusy(false);
    }
  };

  // Messages show once the person tried to export or typed into the repeat box.
  const show = (message: string | undefined, visible: boolean) => (visible ? message : undefined);

  return (
    <Dialog title="Export" onClose={onClose}>
      <form className="dialog-body" noValidate onSubmit={(e) => void onSubmit(e)}>
        <p className="hint">
          Saves custom environments, clients, apps, logins and profiles as JSON. Token history stays
          here.
        </p>
        <Checkbox
          id="export-include-secrets"
          label="Include secrets"
          checked={includeSecrets}
          onChange={setIncludeSecrets}
          hint="Client secrets, app tokens and passwords, encrypted with a passphrase."
        />
        {includeSecrets && (
          <>
            <FormField
              id="export-passphrase"
              label="Passphrase"
              value={passphrase}
              onChange={setPassphrase}
              secret
              autoComplete="new-password"
              maxLength={PASSPHRASE_MAX}
              placeholder={`At least ${MIN_PASSPHRASE_LENGTH} characters`}
              error={show(issues.passphrase, tried)}
            />
            <FormField
              id="export-passphrase-repeat"
              label="Repeat passphrase"
              value={repeat}
              onChange={setRepeat}
              maxLength={PASSPHRASE_MAX}
              secret
              autoComplete="new-password"
              error={show(issues.repeat, tried || repeat.length >= passphrase.length)}
            />
            <p className="hint">
              Anyone with the file and the passphrase can read the secrets. The passphrase cannot be
              recovered.
            </p>
          </>
        )}
        {error && (
          <div role="alert" className="note note--error">
            {error}
          </div>
        )}
        {done && (
          <div className="note note--ok">
            <p>Exported as {EXPORT_FILE_NAME}.</p>
            {done.warnings.length > 0 && (
              <ul aria-label="Export warnings">
                {done.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button button--accent" disabled={busy}>
            {busy ? 'Exporting…' : 'Export file'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
