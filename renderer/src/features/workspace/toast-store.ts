import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** The label of the toast's one button (e.g. "Undo"), when it has one. */
  actionLabel: string | null;
}

export interface ToastRequest {
  message: string;
  tone?: Toast['tone'];
  actionLabel?: string;
  onAction?: () => void;
  /** Runs when the toast goes without its action: timed out, dismissed or replaced. */
  onExpire?: () => void;
  durationMs?: number;
}

interface ToastState {
  toast: Toast | null;
  /** Shows a toast; the one it replaces expires (its onExpire runs). */
  show: (request: ToastRequest) => void;
  /** Runs the shown toast's action and closes it without expiring it. */
  act: () => void;
  /** Closes the shown toast; it expires. */
  dismiss: () => void;
}

/** How long an Undo stays on offer. */
export const UNDO_MS = 8000;
const DEFAULT_MS = 5000;

// Callbacks and the timer live beside the store: state holds only what the view renders.
let current: { id: number; request: ToastRequest; timer: ReturnType<typeof setTimeout> } | null =
  null;
let nextId = 1;

export const useToastStore = create<ToastState>()((set) => {
  const close = (expire: boolean) => {
    const closing = current;
    if (!closing) return;
    clearTimeout(closing.timer);
    current = null;
    set({ toast: null });
    if (expire) closing.request.onExpire?.();
  };

  return {
    toast: null,

    show: (request) => {
      close(true);
      const id = nextId++;
      const timer = setTimeout(() => {
        if (current?.id === id) close(true);
      }, request.durationMs ?? DEFAULT_MS);
      current = { id, request, timer };
      set({
        toast: {
          id,
          message: request.message,
          tone: request.tone ?? 'info',
          actionLabel: request.actionLabel ?? null,
        },
      });
    },

    act: () => {
      const acting = current;
      close(false);
      acting?.request.onAction?.();
    },

    dismiss: () => close(true),
  };
});

/** No toast and no timer; for tests. Pending callbacks are dropped, not run. */
export function resetToastStore(): void {
  if (current) clearTimeout(current.timer);
  current = null;
  useToastStore.setState({ toast: null });
}
