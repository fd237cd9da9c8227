import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetToastStore, useToastStore } from './toast-store';
import { ToastHost } from './ToastHost';

beforeEach(() => {
  vi.useFakeTimers();
  resetToastStore();
});

afterEach(() => {
  cleanup();
  resetToastStore();
  vi.useRealTimers();
});

function showUndo(onExpire = vi.fn()) {
  render(<ToastHost />);
  act(() =>
    useToastStore.getState().show({
      message: 'Deleted login "x".',
      actionLabel: 'Undo',
      onExpire,
      durationMs: 8000,
    }),
  );
  return onExpire;
}

describe('toast host', () => {
  it('keeps the toast while the pointer is over it', () => {
    const onExpire = showUndo();

    fireEvent.mouseEnter(screen.getByRole('status').parentElement as HTMLElement);
    act(() => {
      vi.advanceTimersByTime(20_000);
    });

    expect(onExpire).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDefined();
  });

  it('keeps the toast while its Undo has focus, and lets it go after focus leaves', () => {
    const onExpire = showUndo();

    act(() => screen.getByRole('button', { name: 'Undo' }).focus());
    act(() => {
      vi.advanceTimersByTime(20_000);
    });
    expect(onExpire).not.toHaveBeenCalled();

    act(() => screen.getByRole('button', { name: 'Undo' }).blur());
    act(() => {
      vi.advanceTimersByTime(8000);
    });
    expect(onExpire).toHaveBeenCalledOnce();
  });

  it('leaves Ctrl+Z in a text field to the field', () => {
    const onAction = vi.fn();
    render(
      <>
        <input aria-label="Name" />
        <ToastHost />
      </>,
    );
    act(() => useToastStore.getState().show({ message: 'x', actionLabel: 'Undo', onAction }));

    fireEvent.keyDown(screen.getByLabelText('Name'), { key: 'z', ctrlKey: true });

    expect(onAction).not.toHaveBeenCalled();
  });
});
