import { useShallow } from 'zustand/react/shallow';
import { ErrorView } from './ErrorView';
import { useExchangeStore } from './exchange-store';
import { TokenView } from './TokenView';

/**
 * The right-hand pane: whatever the latest exchange produced. `showEmpty` false drops the
 * "No token yet" placeholder while something else (a browser sign-in) fills the pane.
 */
export function ResultPanel({ showEmpty = true }: { showEmpty?: boolean }) {
  const { outcome, running, failure, seq } = useExchangeStore(
    useShallow((s) => ({ outcome: s.outcome, running: s.running, failure: s.failure, seq: s.seq })),
  );
  const refresh = useExchangeStore((s) => s.refresh);

  return (
    <div className="result-panel" aria-busy={running}>
      {failure && (
        <div role="alert" className="note note--error">
          <h2 className="error-headline">The exchange did not run</h2>
          <p>{failure}</p>
        </div>
      )}

      {outcome === null && !failure && showEmpty && (
        <div className="empty">
          <h2>No token yet</h2>
          <p>
            Pick a grant and press Get token, or Sign in with browser for an authorization code. The
            sandbox answers without any account.
          </p>
        </div>
      )}

      {outcome?.status === 'token' && (
        // Keyed by token so revealed secrets and the raw toggle do not carry over to the next one.
        <TokenView
          key={outcome.tokenId}
          outcome={outcome}
          running={running}
          onRefresh={(id) => void refresh(id)}
        />
      )}

      {outcome?.status === 'two_factor' && (
        <section className="result">
          <div role="alert" className="note note--warning">
            <h2 className="error-headline">Two-factor sign-in</h2>
            <p>{outcome.message}</p>
          </div>
        </section>
      )}

      {outcome?.status === 'error' && <ErrorView key={seq} error={outcome.error} />}
    </div>
  );
}
