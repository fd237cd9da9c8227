import { useEffect, useRef, useState } from 'react';
import { useToastStore } from './toast-store';

/** True for a field where Ctrl/Cmd+Z is the text's own undo. */
function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/**
 * The one toast at the bottom of the window, e.g. "Deleted profile "X"." with Undo. Its clock
 * stops while it is hovered or holds focus; Ctrl/Cmd+Z runs its action from anywhere but a text
 * field, and a toast asked for from the keyboard takes focus on its action.
 */
export function ToastHost() {
  const toast = useToastStore((s) => s.toast);
  const act = useToastStore((s) => s.act);
  const dismiss = useToastStore((s) => s.dismiss);
  const pause = useToastStore((s) => s.pause);
  const resume = useToastStore((s) => s.resume);
  // By toast id: a toast that goes while hovered gets no mouseleave, and must not hold the next.
  const [hoveredId, setHoveredId] = useState<number | null>(null);
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const actionRef = useRef<HTMLButtonElement>(null);
  const id = toast?.id ?? null;
  const held = id !== null && (hoveredId === id || focusedId === id);
  const hasAction = toast?.actionLabel != null;

  useEffect(() => {
    if (held) pause();
    else resume();
  }, [held, pause, resume]);

  useEffect(() => {
    if (toast?.focusAction) actionRef.current?.focus();
  }, [toast?.id, toast?.focusAction]);

  useEffect(() => {
    if (!hasAction) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const undo = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key === 'z';
      if (!undo || editsText(event.target)) return;
      event.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [hasAction, act]);

  if (!toast) return null;

  return (
    <div
      className="toast-host"
      onMouseEnter={() => setHoveredId(id)}
      onMouseLeave={() => setHoveredId(null)}
      onFocus={() => setFocusedId(id)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocusedId(null);
      }}
    >
      <div role="status" className={`toast toast--${toast.tone}`} key={toast.id}>
        <span className="toast-message">{toast.message}</span>
        {toast.actionLabel ? (
          <button
            ref={actionRef}
            type="button"
            className="button button--small toast-action"
            aria-keyshortcuts="Control+Z Meta+Z"
            title={`${toast.actionLabel} (Ctrl+Z or ⌘Z)`}
            onClick={act}
          >
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
