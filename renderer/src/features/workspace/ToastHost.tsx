import { useToastStore } from './toast-store';

/** The one toast at the bottom of the window, e.g. "Deleted profile "X"." with Undo. */
export function ToastHost() {
  const toast = useToastStore((s) => s.toast);
  const act = useToastStore((s) => s.act);
  const dismiss = useToastStore((s) => s.dismiss);

  if (!toast) return null;

  return (
    <div className="toast-host">
      <div role="status" className={`toast toast--${toast.tone}`} key={toast.id}>
        <span className="toast-message">{toast.message}</span>
        {toast.actionLabel ? (
          <button type="button" className="button button--small toast-action" onClick={act}>
            {toast.actionLabel}
          </button>
        ) : (
          // An action toast expires on its own; the rest can be closed early.
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label="Dismiss message"
            onClick={dismiss}
          >
            ×
          </button>
        )}
      </div>
    </div>
  );
}
