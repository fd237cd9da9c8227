import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { workbench } from '../../lib/bridge';
import { useLibraryStore } from '../library/library-store';
import { PASSPHRASE_MAX } from '../../lib/input-limits';
import { FormField } from '../profile-form/FormField';
import { useToastStore } from '../workspace/toast-store';
import { Dialog } from './Dialog';
import { importFailure, localImportProblem } from './import-text';
import type { ImportFailure } from './import-text';
import { importSummaryText } from './passphrase';

/**
 * Imports an export file: main checks the whole file first and adds all of it or nothing; every
 * problem is listed with its path in the file.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const reload = useLibraryStore((s) => s.reload);
  const alertRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!file) {
      setFailure({ message: 'Choose an export file first.', issues: [] });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const json = await file.text();
      const problem = localImportProblem(json);
      if (problem) {
        setFailure({ message: problem, issues: [] });
        return;
      }
      const summary = await workbench().invoke('transfer:import', {
        json,
        passphrase: passphrase === '' ? null : passphrase,
      });
      await reload().catch(() => undefined);
      useToastStore.getState().show({ message: importSummaryText(summary) });
      onClose();
    } catch (reason) {
      setFailure(importFailure(reason));
      alertRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Import" onClose={onClose}>
      <form className="dialog-body" noValidate onSubmit={(e) => void onSubmit(e)}>
        <p className="hint">
          Adds the environments, clients, apps, logins and profiles of a Token Workbench export.
          Nothing here is replaced; entries whose id is taken get a new one.
        </p>
        <div className="field">
          <label htmlFor="import-file">Export file</label>
          <input
            id="import-file"
            name="import-file"
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFailure(null);
            }}
          />
        </div>
        <FormField
          id="import-passphrase"
          label="Passphrase"
          value={passphrase}
          onChange={setPassphrase}
          maxLength={PASSPHRASE_MAX}
          secret
          autoComplete="off"
          placeholder="Only for a file with secrets"
        />
        {failure && (
          <div role="alert" className="note note--error import-errors" ref={alertRef} tabIndex={-1}>
            <p>{failure.message}</p>
            {failure.issues.length > 0 && (
              <ul>
                {failure.issues.map((issue, i) => (
                  <li key={`${i}:${issue.field}`}>
                    <code>{issue.field || '(whole file)'}</code>: {issue.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--accent" disabled={busy}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
