import { useState } from 'react';
import type { DecodedField } from '../../../../preload/contract';
import { CopyButton } from './CopyButton';
import { maskSecret, readableValue } from './field-value';

/** What a used-up refresh token shows instead of its value and its Show and Copy buttons. */
export const SPENT_REFRESH_TEXT = 'used up by a Refresh';

function FieldRow({ field, spent }: { field: DecodedField; spent: boolean }) {
  const [revealed, setRevealed] = useState(false);
  const value = readableValue(field.name, field.value);
  const masked = field.secret && !revealed;

  return (
    <tr data-testid={`field-${field.name}`}>
      <th scope="row">
        <code className="field-name">{field.name}</code>
      </th>
      <td>
        {spent ? (
          <div className="field-value">
            <span className="value value--spent">{SPENT_REFRESH_TEXT}</span>
          </div>
        ) : (
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
        )}
      </td>
      <td className="explanation">{field.explanation}</td>
    </tr>
  );
}

/**
 * The decoded response, one row per field with its explanation. `spentRefresh` marks the
 * refresh token used up (a Refresh spent it), so it offers no Show or Copy.
 */
export function FieldsTable({
  fields,
  spentRefresh = false,
}: {
  fields: DecodedField[];
  spentRefresh?: boolean;
}) {
  return (
    <table className="fields">
      <caption className="visually-hidden">Response fields</caption>
      <colgroup>
        <col className="fields-name-col" />
        <col className="fields-value-col" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <FieldRow
            key={field.name}
            field={field}
            spent={spentRefresh && field.name === 'refresh_token'}
          />
        ))}
      </tbody>
    </table>
  );
}
