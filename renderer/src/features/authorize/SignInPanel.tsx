import { useShallow } from 'zustand/react/shallow';
import { selectPhase, useAuthorizeStore } from './authorize-store';
import { SignInProgress } from './SignInProgress';

/**
 * The result pane's view of the browser sign-in: starting, its progress, or why it failed.
 * `target` is the saved profile whose pane this is (null: the quick exchange's); another
 * target's sign-in is not shown here.
 */
export function SignInPanel({ target = null }: { target?: string | null }) {
  const mine = useAuthorizeStore((s) => s.target === target);
  const { flow, context, progress, starting, cancelling, error } = useAuthorizeStore(
    useShallow((s) => ({
      flow: s.flow,
      context: s.context,
      progress: s.progress,
      starting: s.starting,
      cancelling: s.cancelling,
      error: s.error,
    })),
  );
  const phase = useAuthorizeStore(selectPhase);
  const cancel = useAuthorizeStore((s) => s.cancel);

  if (!mine || (!error && !starting && !flow)) return null;

  return (
    <div className="sign-in-area">
      {error && (
        <div role="alert" className="note note--error">
          {flow === null && <h2 className="error-headline">The sign-in did not start</h2>}
          <p>{error}</p>
        </div>
      )}

      {starting && <p className="sign-in-starting">Starting the sign-in…</p>}

      {flow && phase && (
        <SignInProgress
          key={flow.flowId}
          flow={flow}
          context={context}
          phase={phase}
          progress={progress}
          cancelling={cancelling}
          onCancel={() => void cancel()}
        />
      )}
    </div>
  );
}

/** Whether the sign-in has something to show, so the result pane drops its "No token yet". */
export function useSignInShown(target: string | null = null): boolean {
  return useAuthorizeStore(
    (s) => s.target === target && (s.starting || s.flow !== null || s.error !== null),
  );
}
