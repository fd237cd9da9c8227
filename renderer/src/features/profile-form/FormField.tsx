import { useState } from 'react';
import type { HTMLInputAutoCompleteAttribute } from 'react';
import { limitNote, TEXT_MAX } from '../../lib/input-limits';

interface FormFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The chosen grant does not send this field: shown dimmed, still editable. */
  unused?: boolean;
  /** A validation message; marks the input invalid and is read with it. */
  error?: string | undefined;
  /** Masked with a Show/Hide toggle. */
  secret?: boolean;
  autoComplete?: HTMLInputAutoCompleteAttribute;
  inputMode?: 'text' | 'numeric' | 'url' | 'email';
  placeholder?: string;
  onBlur?: () => void;
  readOnly?: boolean;
  /** The longest value main takes for this field; any text main takes by default. */
  maxLength?: number;
  /** Say so under the input when it is full; off for short fixed formats such as a port. */
  limitHint?: boolean;
}

/** One labelled input with its validation message underneath. */
export function FormField({
  id,
  label,
  value,
  onChange,
  unused = false,
  error,
  secret = false,
  autoComplete = 'off',
  inputMode,
  placeholder,
  onBlur,
  readOnly = false,
  maxLength = TEXT_MAX,
  limitHint = true,
}: FormFieldProps) {
  const [revealed, setRevealed] = useState(false);
  const errorId = `${id}-error`;
  const limitId = `${id}-limit`;
  const lowerLabel = label.toLowerCase();
  // A paste past maxLength is cut silently by the input; say so, or a cut secret looks whole.
  const atLimit = limitHint && value.length >= maxLength;
  const describedBy = [error ? errorId : '', atLimit ? limitId : ''].join(' ').trim();

  return (
    <div className={unused ? 'field field--unused' : 'field'} data-unused={unused || undefined}>
      <label htmlFor={id}>{label}</label>
      <div className="field-control">
        <input
          id={id}
          name={id}
          type={secret && !revealed ? 'password' : 'text'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          readOnly={readOnly || undefined}
          autoComplete={autoComplete}
          spellCheck={false}
          inputMode={inputMode}
          placeholder={placeholder}
          maxLength={maxLength}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {secret && (
          <button
            type="button"
            className="button button--small reveal"
            aria-label={`${revealed ? 'Hide' : 'Show'} ${lowerLabel}`}
            onClick={() => setRevealed((r) => !r)}
          >
            {revealed ? 'Hide' : 'Show'}
          </button>
        )}
      </div>
      {atLimit && (
        <p id={limitId} className="hint">
          {limitNote(maxLength)}
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
