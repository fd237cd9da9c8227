interface CheckboxProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** One line under the label, read with the checkbox. */
  hint?: string;
  disabled?: boolean;
}

/** A labelled checkbox with an optional one-line hint. */
export function Checkbox({ id, label, checked, onChange, hint, disabled }: CheckboxProps) {
  const hintId = `${id}-hint`;

  return (
    <div className="check">
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? hintId : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint check-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
