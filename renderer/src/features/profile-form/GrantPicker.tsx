import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { GrantType } from '../../../../preload/contract';
import { GRANT_OPTIONS } from './grants';

interface GrantPickerProps {
  value: GrantType;
  onChange: (grant: GrantType) => void;
  /** The grants offered; all of the quick form's by default. */
  options?: ReadonlyArray<{ value: GrantType; label: string }>;
}

const KEY_STEP: Record<string, number> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
};

/**
 * A segmented radio group. Buttons with role="radio" rather than native radios, so the option
 * "Password" is not a second element labelled "Password" next to the password input.
 */
export function GrantPicker({ value, onChange, options = GRANT_OPTIONS }: GrantPickerProps) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = KEY_STEP[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = (index + step + options.length) % options.length;
    const option = options[next];
    if (!option) return;
    onChange(option.value);
    refs.current[next]?.focus();
  };

  return (
    <div className="field">
      <span className="label" id="grant-type-label">
        Grant type
      </span>
      <div
        className={`segmented segmented--${options.length}`}
        role="radiogroup"
        aria-labelledby="grant-type-label"
      >
        {options.map((option, index) => {
          const checked = option.value === value;
          return (
            <button
              key={option.value}
              ref={(el) => {
                refs.current[index] = el;
              }}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={checked ? 0 : -1}
              className="segment"
              data-value={option.value}
              onClick={() => onChange(option.value)}
              onKeyDown={(e) => onKeyDown(e, index)}
            >
              {option.label}
            </button>
          );
        })}
      </div>
    </div>
  );
}
