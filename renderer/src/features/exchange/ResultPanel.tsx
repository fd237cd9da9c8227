import { useShallow } from 'zustand/react/shallow';
import { useAuthorizeStore } from '../authorize/authorize-store';
import { useExchangeStore } from './exchange-store';
import { ResultView } from './ResultView';

/**
 * The quick exchange's result pane: whatever its latest exchange produced. `showEmpty` false
 * drops the "No token yet" placeholder while something else (a browser sign-in) fills the pane.
 */
export function ResultPanel({ showEmpty = true }: { showEmpty?: boolean }) {
  const { outcome, running, failure, seq, spent } = useExchangeStore(
    useShallow((s) => ({
      outcome: s.outcome,
      running: s.running,
      failure: s.failure,
      seq: s.seq,
      spent: s.spent,
    })),
  );
  const refresh = useExchangeStore((s) => s.refresh);
  const show = useExchangeStore((s) => s.show);

  return (
    <ResultView
      outcome={outcome}
      running={running}
      failure={failure}
      seq={seq}
      onRefresh={(id) => {
        // The new token owns the pane: an ended sign-in above it would read as current.
        useAuthorizeStore.getState().dismissEnded(null);
        void refresh(id);
      }}
      spent={spent}
      onShowToken={show}
      empty={
        showEmpty && (
          <div className="empty">
            <h2>No token yet</h2>
            <p>
              Pick a grant and press Get token, or Sign in with browser for an authorization code.
              The sandbox answers without any account.
            </p>
          </div>
        )
      }
    />
  );
}
