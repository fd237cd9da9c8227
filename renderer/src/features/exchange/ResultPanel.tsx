import { useShallow } from 'zustand/react/shallow';
import { useExchangeStore } from './exchange-store';
import { ResultView } from './ResultView';

/**
 * The quick exchange's result pane: whatever its latest exchange produced. `showEmpty` false
 * drops the "No token yet" placeholder while something else (a browser sign-in) fills the pane.
 */
export function ResultPanel({ showEmpty = true }: { showEmpty?: boolean }) {
  const { outcome, running, failure, seq } = useExchangeStore(
    useShallow((s) => ({ outcome: s.outcome, running: s.running, failure: s.failure, seq: s.seq })),
  );
  const refresh = useExchangeStore((s) => s.refresh);

  return (
    <ResultView
      outcome={outcome}
      running={running}
      failure={failure}
      seq={seq}
      onRefresh={(id) => void refresh(id)}
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
