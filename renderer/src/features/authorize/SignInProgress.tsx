import type {
  AuthorizePhase,
  AuthorizeProgress,
  AuthorizeStarted,
} from '../../../../preload/contract';
import { CopyButton } from '../tokens/CopyButton';
import { isTerminal } from './authorize-store';
import { phaseText, registerHint } from './sign-in-text';
import type { SignInContext } from './sign-in-text';

interface SignInProgressProps {
  flow: AuthorizeStarted;
  /** What the sign-in started with; null reads as a custom environment's default. */
  context: SignInContext | null;
  phase: AuthorizePhase;
  progress: AuthorizeProgress | null;
  cancelling: boolean;
  onCancel: () => void;
}

const TONE: Record<AuthorizePhase, string> = {
  waiting_for_browser: 'busy',
  code_received: 'busy',
  exchanging: 'busy',
  done: 'ok',
  failed: 'error',
  cancelled: 'muted',
};

/** One browser sign-in: its phase, where the browser will come back to, and Cancel. */
export function SignInProgress({
  flow,
  context,
  phase,
  progress,
  cancelling,
  onCancel,
}: SignInProgressProps) {
  const ended = isTerminal(phase);
  // A failure with an outcome is shown by the result view below, with its own alert; without
  // one, this line is the only place the failure is told, so it becomes the alert.
  const failedAlone = phase === 'failed' && !progress?.outcome;

  return (
    <section className="sign-in-panel" aria-labelledby="sign-in-title" data-phase={phase}>
      <div className="sign-in-head">
        <h2 id="sign-in-title">Browser sign-in</h2>
        {!ended && (
          <button type="button" className="button" disabled={cancelling} onClick={onCancel}>
            Cancel sign-in
          </button>
        )}
      </div>

      <p
        data-testid="authorize-status"
        role={failedAlone ? 'alert' : 'status'}
        className={`sign-in-status sign-in-status--${TONE[phase]}`}
      >
        {phaseText(phase, progress?.message ?? null)}
      </p>
      {phase === 'waiting_for_browser' && (
        <p className="hint">Finish in the browser window that opened; this page follows along.</p>
      )}
      {phase === 'done' && progress?.stateMissing && (
        <p role="note" className="note note--warning">
          The redirect carried no state, so it could not be tied to this sign-in; it was accepted
          because &ldquo;Accept a redirect without state&rdquo; is on.
        </p>
      )}

      <dl className="sign-in-facts">
        <div className="sign-in-fact">
          <dt>Redirect URI</dt>
          <dd>
            <span className="sign-in-uri">
              <code data-testid="redirect-uri">{flow.redirectUri}</code>
              <CopyButton text={flow.redirectUri} label="Copy redirect URI" />
            </span>
            <span className="hint">
              {registerHint(flow, context ?? { environmentId: null, exactPath: false })}
            </span>
          </dd>
        </div>
        <div className="sign-in-fact">
          <dt>{ended ? 'Listened on' : 'Listening on'}</dt>
          <dd>
            <code data-testid="listen-addresses">{flow.listenAddresses.join(', ')}</code>
          </dd>
        </div>
      </dl>
    </section>
  );
}
