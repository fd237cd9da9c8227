import { useState } from 'react';
import type { SecretRef } from '../../../../preload/contract';
import { failureMessage, workbench } from '../../lib/bridge';
import { limitNote, TEXT_MAX } from '../../lib/input-limits';
import { withArticle } from '../../lib/article';

const SAVED_PLACEHOLDER = 'Saved — type to replace';

interface SecretFieldProps {
  id: string;
  /** "Client secret", "App token", "Password". */
  label: string;
  /** What the person typed; never prefilled from main. */
  value: string;
  onChange: (value: string) => void;
  /** Whether a value is saved (views carry only this flag). */
  hasSecret: boolean;
  /** Where to reveal the saved value from; null for an entity not saved yet. */
  secretRef: SecretRef | null;
  /** The saved value will be removed on save. */
  cleared: boolean;
  onClearedChange: (cleared: boolean) => void;
  error?: string | undefined;
  autoComplete?: 'new-password' | 'off';
}

type Revealed = { value: string | null; warning: string | null } | null;

/**
 * A masked secret input. The saved value stays in main: the input starts empty, leaving it
 * empty keeps the saved value, and Show asks main for it only when the person presses it.
 */
export function SecretField({
  id,
  label,
  value,
  onChange,
  hasSecret,
  secretRef,
  cleared,
  onClearedChange,
  error,
  autoComplete = 'new-password',
}: SecretFieldProps) {
  const [revealed, setRevealed] = useState<Revealed>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lower = label.toLowerCase();
  const errorId = `${id}-error`;
  const savedId = `${id}-saved`;
  const limitId = `${id}-limit`;
  const saved = hasSecret && secretRef !== null;
  // A paste past the limit is cut silently by the input; say so, or a cut secret looks whole.
  const atLimit = value.length >= TEXT_MAX;

  const reveal = async () => {
    if (revealed) {
      setRevealed(null);
      return;
    }
    if (!secretRef) return;
    setBusy(true);
    setRevealError(null);
    try {
      setRevealed(await workbench().invoke('secret:reveal', secretRef));
    } catch (reason) {
      setRevealError(failureMessage(reason));
    } finally {
      setBusy(false);
    }
  };

  const placeholder = cleared ? 'Removed on save' : saved ? SAVED_PLACEHOLDER : 'Not saved';

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        <input
          id={id}
          name={id}
          type="password"
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            if (e.target.value !== '') onClearedChange(false);
          }}
          autoComplete={autoComplete}
          spellCheck={false}
          placeholder={placeholder}
          maxLength={TEXT_MAX}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [error ? errorId : '', saved ? savedId : '', atLimit ? limitId : ''].join(' ').trim() ||
            undefined
          }
        />
        {saved && !cleared && (
          <button
            type="button"
            className="button button--small reveal"
            aria-label={`${revealed ? 'Hide' : 'Show'} ${lower}`}
            aria-expanded={revealed !== null}
            disabled={busy}
            onClick={() => void reveal()}
          >
            {revealed ? 'Hide' : 'Show'}
          </button>
        )}
        {saved && (
          <button
            type="button"
            className="button button--small"
            aria-label={cleared ? `Keep ${lower}` : `Clear ${lower}`}
            onClick={() => {
              setRevealed(null);
              onClearedChange(!cleared);
            }}
          >
            {cleared ? 'Keep' : 'Clear'}
          </button>
        )}
      </div>
      {saved && (
        <p id={savedId} className="hint">
          {cleared
            ? `The saved ${lower} is removed when you save.`
            : `${withArticle(lower)} is saved; leave this empty to keep it.`}
        </p>
      )}
      {revealed && (
        <p className="secret-revealed" data-testid={`${id}-revealed`}>
          {revealed.value === null ? (
            <span className="hint">The saved value could not be read.</span>
          ) : (
            <code>{revealed.value}</code>
          )}
          {revealed.warning && <span className="hint"> {revealed.warning}</span>}
        </p>
      )}
      {revealError && <p className="field-error">{revealError}</p>}
      {atLimit && (
        <p id={limitId} className="hint">
          {limitNote(TEXT_MAX)}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
