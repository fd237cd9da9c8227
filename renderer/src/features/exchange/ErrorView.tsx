import type { ExchangeError, ExchangeMeta } from '../../../../preload/contract';
import { issueText } from '../profile-form/grants';
import { describeError, HEADLINE_MAX, statusLine } from './error-text';
import { RawResponse } from './RawResponse';

function metaOf(error: ExchangeError): ExchangeMeta | null {
  return 'meta' in error ? error.meta : null;
}

function ErrorDetails({ error }: { error: ExchangeError }) {
  switch (error.kind) {
    case 'oauth':
      return (
        <dl className="error-codes">
          <dt>error</dt>
          <dd>
            <code>{error.error}</code>
          </dd>
          {/* The headline holds only the start of a long description; the whole text is here. */}
          {error.errorDescription !== null && error.errorDescription.length > HEADLINE_MAX && (
            <>
              <dt>error_description</dt>
              <dd>
                <p className="long-text" tabIndex={0} data-testid="error-description">
                  {error.errorDescription}
                </p>
              </dd>
            </>
          )}
          {error.errorDetail && (
            <>
              <dt>error_detail</dt>
              <dd>
                <code>{error.errorDetail}</code>
              </dd>
            </>
          )}
        </dl>
      );
    case 'http':
    case 'malformed':
      return (
        <>
          <p>{error.message}</p>
          {error.bodyExcerpt && (
            <pre className="excerpt" tabIndex={0}>
              {error.bodyExcerpt}
            </pre>
          )}
        </>
      );
    case 'network':
      return (
        <p>
          {error.message}
          {error.code && (
            <>
              {' '}
              <code>{error.code}</code>
            </>
          )}
        </p>
      );
    case 'timeout':
      return <p>{error.message}</p>;
    case 'validation':
      return (
        <ul className="issues">
          {error.issues.map((issue) => (
            <li key={`${issue.field}:${issue.message}`}>{issueText(issue.field, issue.message)}</li>
          ))}
        </ul>
      );
  }
}

/**
 * A failed exchange: a headline per kind, the details, a hint,
 * and the raw body when there is one.
 */
export function ErrorView({ error }: { error: ExchangeError }) {
  const { headline, hint } = describeError(error);
  const meta = metaOf(error);

  return (
    <section className="result result--error" data-kind={error.kind}>
      <div role="alert" className="note note--error">
        <h2 className="error-headline" tabIndex={-1} data-focus="result">
          {headline}
        </h2>
        <ErrorDetails error={error} />
        <p className="hint">{hint}</p>
      </div>
      {meta && (
        <>
          <p className="status status--error" data-testid="status-line">
            {statusLine(meta.status, meta.latencyMs)}
          </p>
          <RawResponse body={meta.rawBody} />
        </>
      )}
    </section>
  );
}
