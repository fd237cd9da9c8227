import type { TokenSuccess } from '../../../../preload/contract';
import { grantLabel } from '../profile-form/grants';
import { Expiry } from '../tokens/Expiry';
import { FieldsTable } from '../tokens/FieldsTable';
import { statusLine } from './error-text';
import type { TokenOutcome } from './exchange-store';
import { RawResponse } from './RawResponse';
import { ResponseHeaders } from './ResponseHeaders';
import { refreshTitle, SpentNote } from './SpentNote';

interface TokenViewProps {
  outcome: TokenOutcome;
  running: boolean;
  onRefresh: (tokenId: string) => void;
  /**
   * Set once the refresh token is used up: the id of the token a Refresh made from it, or null
   * when main said it is unusable. Undefined while it can still be refreshed.
   */
  spent?: string | null | undefined;
  /** Shows another token (the newer one) in the result pane. */
  onShowToken?: ((tokenId: string) => void) | undefined;
}

/** "user 1234567", the owner of a token as a person reads it. */
export function formatRef(ref: TokenSuccess['ref']): string | null {
  return ref ? `${ref.type} ${ref.id}` : null;
}

/** A received token: countdown, status, decoded fields, warnings, headers and raw body. */
export function TokenView({ outcome, running, onRefresh, spent, onShowToken }: TokenViewProps) {
  const { token, meta } = outcome;
  const ref = formatRef(token.ref);
  const isSpent = spent !== undefined;
  const canRefresh = token.refreshToken !== null && !isSpent;

  return (
    <section className="result result--token" aria-labelledby="token-title">
      <div className="result-head">
        <div>
          <h2 id="token-title" tabIndex={-1} data-focus="result">
            Token
          </h2>
          <p className="subtle">
            {grantLabel(outcome.grant)} grant{ref && <> · {ref}</>}
          </p>
        </div>
        <Expiry expiresAt={token.expiresAt} />
      </div>

      <div className="result-bar">
        <p className="status status--ok" data-testid="status-line">
          {statusLine(meta.status, meta.latencyMs)}
        </p>
        <button
          type="button"
          className="button"
          disabled={!canRefresh || running}
          title={refreshTitle(token.refreshToken !== null, isSpent)}
          onClick={() => onRefresh(outcome.tokenId)}
        >
          Refresh
        </button>
      </div>

      {token.warnings.length > 0 && (
        <div role="note" className="note note--warning" aria-label="Warnings">
          <strong>Warning</strong>
          <ul>
            {token.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}

      {isSpent && <SpentNote replacedBy={spent} onShow={onShowToken} />}

      <FieldsTable fields={token.fields} spentRefresh={isSpent} />
      <ResponseHeaders headers={meta.headers} />
      <RawResponse body={meta.rawBody} />
    </section>
  );
}
