import { useId, useState } from 'react';
import { prettyBody } from '../tokens/field-value';

/** The raw body behind a "Show raw response" toggle, pretty-printed when it is JSON. */
export function RawResponse({ body }: { body: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();

  return (
    <div className="raw">
      <button
        type="button"
        className="button button--ghost"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide raw response' : 'Show raw response'}
      </button>
      {open && (
        <pre id={id} className="raw-body" data-testid="raw-response" tabIndex={0}>
          {body === '' ? '(empty body)' : prettyBody(body)}
        </pre>
      )}
    </div>
  );
}
