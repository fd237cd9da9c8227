import { useState } from 'react';
import type { DecodedField } from '../../../../preload/contract';
import { CopyButton } from './CopyButton';
import { maskSecret, readableValue } from './field-value';

function FieldRow({ field }: { field: DecodedField }) {
  const [revealed, setRevealed] = useState(false);
  const value = readableValue(field.name, field.value);
  const masked = field.secret && !revealed;

  return (
    <tr data-testid={`field-${field.name}`}>
      <th scope="row">
        <code>{field.name}</code>
      </th>
      <td>
        <div className="field-value">
          <code className={`value value--${value.kind}`} data-secret={field.secret || undefined}>
            {masked ? maskSecret(value.text) : value.text}
          </code>
          {field.secret && (
            <span className="field-actions">
              <button
                type="button"
                className="button button--small"
                aria-label={`${revealed ? 'Hide' : 'Show'} ${field.name}`}
                onClick={() => setRevealed((r) => !r)}
              >
                {revealed ? 'Hide' : 'Show'}
              </button>
              <CopyButton text={value.copyText} label={`Copy ${field.name}`} />
            </span>
          )}
        </div>
      </td>
      <td className="explanation">{field.explanation}</td>
    </tr>
  );
}

/** The decoded response, one row per field with its explanation. */
export function FieldsTable({ fields }: { fields: DecodedField[] }) {
  return (
    <table className="fields">
      <caption className="visually-hidden">Response fields</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <FieldRow key={field.name} field={field} />
        ))}
      </tbody>
    </table>
  );
}
