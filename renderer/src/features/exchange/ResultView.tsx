import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { ExchangeOutcome } from '../../../../preload/contract';
import { ErrorView } from './ErrorView';
import type { SpentTokens } from './exchange-store';
import { TokenView } from './TokenView';

export interface ResultViewProps {
  outcome: ExchangeOutcome | null;
  running: boolean;
  failure: string | null;
  /** The failure's heading; "The exchange did not run" unless told. */
  failureTitle?: string;
  /** Changes with every settled exchange, so an error view drops its local state. */
  seq: number;
  onRefresh: (tokenId: string) => void;
  /** Shown when there is no outcome and no failure; null shows nothing. */
  empty: ReactNode;
  /** Tokens whose refresh token is used up, so the shown one can say so. */
  spent?: SpentTokens;
  /** Shows another token of the history (the one a Refresh made). */
  onShowToken?: (tokenId: string) => void;
}

/**
 * Brings each new result into view: in a one-column window it sits under the form, and a
 * failure must not stay scrolled away. Mounting (another profile opened) does not scroll.
 */
function useScrolledIntoView(seq: number) {
  const ref = useRef<HTMLDivElement>(null);
  const seen = useRef(seq);
  useEffect(() => {
    if (seen.current === seq) return;
    seen.current = seq;
    const panel = ref.current;
    if (!panel) return;
    // Only when its start is off screen: a result already in view is left where it is.
    const area = (panel.closest('.workspace') ?? document.documentElement).getBoundingClientRect();
    const { top } = panel.getBoundingClientRect();
    if (top >= area.top && top <= area.bottom - 80) return;
    // jsdom has no scrollIntoView; Chromium does.
    panel.scrollIntoView?.({ block: 'start' });
  }, [seq]);
  return ref;
}

/**
 * One exchange's result: the token, a two-factor note, an error, or the empty placeholder. A
 * failed call replaces whatever was shown, so an older result never reads as this run's.
 */
export function ResultView({
  outcome,
  running,
  failure,
  failureTitle = 'The exchange did not run',
  seq,
  onRefresh,
  empty,
  spent = {},
  onShowToken,
}: ResultViewProps) {
  const panelRef = useScrolledIntoView(seq);
  const shown = failure ? null : outcome;

  return (
    <div className="result-panel" aria-busy={running} ref={panelRef}>
      {failure && (
        <div role="alert" className="note note--error">
          <h2 className="error-headline" tabIndex={-1} data-focus="result">
            {failureTitle}
          </h2>
          <p>{failure}</p>
        </div>
      )}

      {shown === null && !failure && empty}

      {shown?.status === 'token' && (
        // Keyed by token so revealed secrets and the raw toggle do not carry over to the next one.
        <TokenView
          key={shown.tokenId}
          outcome={shown}
          running={running}
          onRefresh={onRefresh}
          spent={spent[shown.tokenId]}
          onShowToken={onShowToken}
        />
      )}

      {shown?.status === 'two_factor' && (
        <section className="result">
          <div role="alert" className="note note--warning">
            <h2 className="error-headline" tabIndex={-1} data-focus="result">
              Two-factor sign-in
            </h2>
            <p>{shown.message}</p>
          </div>
        </section>
      )}

      {shown?.status === 'error' && <ErrorView key={seq} error={shown.error} />}
    </div>
  );
}
