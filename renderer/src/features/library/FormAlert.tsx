import { useState } from 'react';
import { failureMessage } from '../../lib/bridge';
import type { FormFailure } from './form-issues';
import { useLibraryStore } from './library-store';

/** The button that lets main store secrets on a system without an encrypted keychain. */
export function AllowPlainTextButton() {
  const allow = useLibraryStore((s) => s.allowPlainTextSecrets);
  const [error, setError] = useState<string | null>(null);

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => void allow().catch((reason: unknown) => setError(failureMessage(reason)))}
      >
        Allow saving secrets
      </button>
      {error && <span className="field-error">{error}</span>}
    </>
  );
}

// Main's refusal names a settings screen the app does not have; the way out is this button,
// which is also on the banner over the window.
const PLAIN_TEXT_REFUSED =
  'This system stores secrets without encryption, so nothing was saved. Press Allow saving ' +
  'secrets (here or on the banner at the top) to save them anyway.';

/**
 * A failed save or delete, over the form: main's sentence, issues that name no field here, and
 * for a refused secret the way to allow plain-text secrets.
 */
export function FormAlert({ failure }: { failure: FormFailure | null }) {
  if (!failure) return null;
  const marked = Object.keys(failure.byField).length > 0;
  const plainText =
    failure.kind === 'forbidden' && /plain-text|without encryption/i.test(failure.message);

  return (
    <div role="alert" className="note note--error form-alert">
      <p>
        {plainText
          ? PLAIN_TEXT_REFUSED
          : marked && failure.other.length === 0
            ? 'Check the marked fields.'
            : failure.message}
      </p>
      {failure.other.length > 0 && (
        <ul>
          {failure.other.map((issue) => (
            <li key={`${issue.field}:${issue.message}`}>
              {issue.field ? `${issue.field}: ${issue.message}` : issue.message}
            </li>
          ))}
        </ul>
      )}
      {plainText && (
        <p className="form-alert-actions">
          <AllowPlainTextButton />
        </p>
      )}
    </div>
  );
}
