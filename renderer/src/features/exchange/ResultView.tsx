import type { ReactNode } from 'react';
import type { ExchangeOutcome } from '../../../../preload/contract';
import { ErrorView } from './ErrorView';
import { TokenView } from './TokenView';

export interface ResultViewProps {
  outcome: ExchangeOutcome | null;
  running: boolean;
  failure: string | null;
  /** Changes with every settled exchange, so an error view drops its local state. */
  seq: number;
  onRefresh: (tokenId: string) => void;
  /** Shown when there is no outcome and no failure; null shows nothing. */
  empty: ReactNode;
}

/** One exchange's result: the token, a two-factor note, an error, or the empty placeholder. */
export function ResultView({ outcome, running, failure, seq, onRefresh, empty }: ResultViewProps) {
  return (
    <div className="result-panel" aria-busy={running}>
      {failure && (
        <div role="alert" className="note note--error">
          <h2 className="error-headline">The exchange did not run</h2>
          <p>{failure}</p>
        </div>
      )}

      {outcome === null && !failure && empty}

      {outcome?.status === 'token' && (
        // Keyed by token so revealed secrets and the raw toggle do not carry over to the next one.
        <TokenView
          key={outcome.tokenId}
          outcome={outcome}
          running={running}
          onRefresh={onRefresh}
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
