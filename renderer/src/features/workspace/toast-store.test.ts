import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetToastStore, useToastStore } from './toast-store';

beforeEach(() => {
  vi.useFakeTimers();
  resetToastStore();
});

afterEach(() => {
  resetToastStore();
  vi.useRealTimers();
});

describe('toast store', () => {
  it('expires after its duration and runs onExpire', () => {
    const onExpire = vi.fn();
    useToastStore.getState().show({ message: 'Deleted', onExpire, durationMs: 1000 });

    vi.advanceTimersByTime(1000);

    expect(onExpire).toHaveBeenCalledOnce();
    expect(useToastStore.getState().toast).toBeNull();
  });

  it('runs the action without expiring', () => {
    const onAction = vi.fn();
    const onExpire = vi.fn();
    useToastStore.getState().show({ message: 'x', actionLabel: 'Undo', onAction, onExpire });

    useToastStore.getState().act();
    vi.advanceTimersByTime(60_000);

    expect(onAction).toHaveBeenCalledOnce();
    expect(onExpire).not.toHaveBeenCalled();
  });

  it('expires the shown toast when another replaces it', () => {
    const first = vi.fn();
    useToastStore.getState().show({ message: 'one', onExpire: first });

    useToastStore.getState().show({ message: 'two' });

    expect(first).toHaveBeenCalledOnce();
    expect(useToastStore.getState().toast?.message).toBe('two');
  });

  it('does not expire while paused, and expires after the time that was left on resume', () => {
    const onExpire = vi.fn();
    useToastStore.getState().show({ message: 'Deleted', onExpire, durationMs: 8000 });
    vi.advanceTimersByTime(3000);

    useToastStore.getState().pause();
    vi.advanceTimersByTime(60_000);
    expect(onExpire).not.toHaveBeenCalled();

    useToastStore.getState().resume();
    vi.advanceTimersByTime(4999);
    expect(onExpire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onExpire).toHaveBeenCalledOnce();
  });
});
