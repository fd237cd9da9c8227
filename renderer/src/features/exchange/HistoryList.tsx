import { useShallow } from 'zustand/react/shallow';
import { grantLabel } from '../profile-form/grants';
import { Countdown } from '../tokens/Countdown';
import { useExchangeStore } from './exchange-store';
import { formatRef } from './TokenView';

/** This session's tokens, newest first; picking one shows it. */
export function HistoryList() {
  const { history, shownId, spent } = useExchangeStore(
    useShallow((s) => ({
      history: s.history,
      shownId: s.outcome?.status === 'token' ? s.outcome.tokenId : null,
      spent: s.spent,
    })),
  );
  const show = useExchangeStore((s) => s.show);

  if (history.length === 0) return null;

  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">This session</h2>
      <ol>
        {history.map((entry) => (
          <li key={entry.tokenId}>
            <button
              type="button"
              className="list-button history-item"
              aria-current={entry.tokenId === shownId ? 'true' : undefined}
              onClick={() => show(entry.tokenId)}
            >
              <span className="history-grant">{grantLabel(entry.grant)}</span>
              <span className="history-ref">
                {formatRef(entry.token.ref) ?? 'no ref'}
                {entry.tokenId in spent && <span className="history-tag"> · refreshed</span>}
              </span>
              <span className="history-expiry">
                <Countdown
                  expiresAt={entry.token.expiresAt}
                  label={null}
                  testId="history-countdown"
                />
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
