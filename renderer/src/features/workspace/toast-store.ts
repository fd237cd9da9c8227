import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** The label of the toast's one button (e.g. "Undo"), when it has one. */
  actionLabel: string | null;
  /** Put focus on the action as the toast shows (the request came from the keyboard). */
  focusAction: boolean;
}

export interface ToastRequest {
  message: string;
  tone?: Toast['tone'];
  actionLabel?: string;
  onAction?: () => void;
  /** Runs when the toast goes without its action: timed out, dismissed or replaced. */
  onExpire?: () => void;
  durationMs?: number;
  /** Focus the action button as the toast shows, e.g. for a delete made with the keyboard. */
  focusAction?: boolean;
}

interface ToastState {
  toast: Toast | null;
  /** Shows a toast; the one it replaces expires (its onExpire runs). */
  show: (request: ToastRequest) => void;
  /** Runs the shown toast's action and closes it without expiring it. */
  act: () => void;
  /** Closes the shown toast; it expires. */
  dismiss: () => void;
  /** Stops the clock while the toast is hovered or has focus, so its Undo can still be reached. */
  pause: () => void;
  /** Runs the clock again with the time that was left. */
  resume: () => void;
}

/** How long an Undo stays on offer. */
export const UNDO_MS = 8000;
const DEFAULT_MS = 5000;

// Callbacks and the timer live beside the store: state holds only what the view renders.
// `timer` is null while paused; `deadline` is when it expires, `left` the ms left when paused.
let current: {
  id: number;
  request: ToastRequest;
  timer: ReturnType<typeof setTimeout> | null;
  deadline: number;
  left: number;
} | null = null;
let nextId = 1;

export const useToastStore = create<ToastState>()((set) => {
  const close = (expire: boolean) => {
    const closing = current;
    if (!closing) return;
    if (closing.timer !== null) clearTimeout(closing.timer);
    current = null;
    set({ toast: null });
    if (expire) closing.request.onExpire?.();
  };

  const expireIn = (id: number, ms: number) =>
    setTimeout(() => {
      if (current?.id === id) close(true);
    }, ms);

  return {
    toast: null,

    show: (request) => {
      close(true);
      const id = nextId++;
      const duration = request.durationMs ?? DEFAULT_MS;
      current = {
        id,
        request,
        timer: expireIn(id, duration),
        deadline: Date.now() + duration,
        left: 0,
      };
      set({
        toast: {
          id,
          message: request.message,
          tone: request.tone ?? 'info',
          actionLabel: request.actionLabel ?? null,
          focusAction: request.focusAction ?? false,
        },
      });
    },

    act: () => {
      const acting = current;
      close(false);
      acting?.request.onAction?.();
    },

    dismiss: () => close(true),

    pause: () => {
      if (!current || current.timer === null) return;
      clearTimeout(current.timer);
      current = { ...current, timer: null, left: Math.max(0, current.deadline - Date.now()) };
    },

    resume: () => {
      if (!current || current.timer !== null) return;
      const { id, left } = current;
      current = { ...current, timer: expireIn(id, left), deadline: Date.now() + left };
    },
  };
});

/** No toast and no timer; for tests. Pending callbacks are dropped, not run. */
export function resetToastStore(): void {
  if (current?.timer) clearTimeout(current.timer);
  current = null;
  useToastStore.setState({ toast: null });
}
