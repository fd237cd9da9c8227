import { useState } from 'react';
import type { TokenView } from '../../../../preload/contract';
import type { SpentTokens } from '../exchange/exchange-store';
import { failureMessage } from '../../lib/bridge';
import { formatRef } from '../exchange/TokenView';
import { grantLabel } from '../profile-form/grants';
import { useNow } from '../tokens/clock-store';
import { Countdown } from '../tokens/Countdown';
import { formatReceived, formatReceivedShort } from '../tokens/time-format';

interface TokenHistoryProps {
  history: TokenView[];
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: string | null;
  shownId: string | null;
  /** Tokens whose refresh token a Refresh used up; they read "refreshed". */
  spent?: SpentTokens;
  onShow: (tokenId: string) => void;
  onDelete: (tokenId: string) => Promise<void>;
}

/**
 * A history row as a screen reader says it, with separators the visual columns do not need:
 * "Password grant, user 1234567, received 4 Dec 2026, 16:51:22, expired 4 Dec 2026, 17:51:22".
 * The expiry is a time, not the ticking countdown, so the name does not change every second.
 */
export function historyRowName(token: TokenView, refreshed: boolean, now: number): string {
  const parts = [`${grantLabel(token.grant)} grant`, formatRef(token.ref) ?? 'no ref'];
  if (refreshed) parts.push('refreshed');
  parts.push(`received ${formatReceived(token.receivedAt)}`);
  if (token.expiresAt === null) parts.push('no expiry given');
  else {
    const verb = token.expiresAt > now ? 'expires' : 'expired';
    parts.push(`${verb} ${formatReceived(token.expiresAt)}`);
  }
  return parts.join(', ');
}

/** A profile's kept tokens, newest first: pick one to show it, or delete it. */
export function TokenHistory({
  history,
  status,
  error,
  shownId,
  spent = {},
  onShow,
  onDelete,
}: TokenHistoryProps) {
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const now = useNow();

  const remove = (tokenId: string) => {
    setDeleteError(null);
    onDelete(tokenId).catch((reason: unknown) => setDeleteError(failureMessage(reason)));
  };

  return (
    <section className="history" aria-label="Token history">
      <h2>Token history</h2>
      {status === 'failed' && <p className="field-error">Could not list tokens: {error}</p>}
      {deleteError && <p className="field-error">{deleteError}</p>}
      {status === 'ready' && history.length === 0 && (
        <p className="hint">No tokens kept for this profile yet.</p>
      )}
      {history.length > 0 && (
        <ol>
          {history.map((token) => (
            <li key={token.id} className="history-row" data-testid="history-token">
              <button
                type="button"
                className="list-button history-item history-item--kept"
                aria-current={token.id === shownId ? 'true' : undefined}
                aria-label={historyRowName(token, token.id in spent, now)}
                onClick={() => onShow(token.id)}
              >
                <span className="history-grant">{grantLabel(token.grant)}</span>
                <span className="history-ref">
                  {formatRef(token.ref) ?? 'no ref'}
                  {token.id in spent && <span className="history-tag"> · refreshed</span>}
                </span>
                <span className="history-received" title={formatReceived(token.receivedAt)}>
                  {formatReceivedShort(token.receivedAt)}
                </span>
                <span className="history-expiry">
                  <Countdown expiresAt={token.expiresAt} label={null} testId="history-countdown" />
                </span>
              </button>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`Delete token received ${formatReceived(token.receivedAt)}`}
                title={`Delete token received ${formatReceived(token.receivedAt)}`}
                onClick={() => remove(token.id)}
              >
                Delete
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
