import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isClockRunning, resetClock } from './clock-store';
import { Countdown } from './Countdown';

const START = new Date('2030-01-01T00:00:00Z').getTime();

describe('shared clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
    resetClock();
  });

  afterEach(() => {
    cleanup();
    resetClock();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('runs one interval for many countdowns', () => {
    const setIntervalSpy = vi.spyOn(globalThis, 'setInterval');

    render(
      <>
        <Countdown expiresAt={START + 5_000} testId="a" />
        <Countdown expiresAt={START + 60_000} testId="b" />
        <Countdown expiresAt={START + 3_600_000} testId="c" />
      </>,
    );

    expect(setIntervalSpy).toHaveBeenCalledTimes(1);
    expect(isClockRunning()).toBe(true);
  });

  it('ticks every countdown together each second', () => {
    render(
      <>
        <Countdown expiresAt={START + 5_000} testId="a" />
        <Countdown expiresAt={START + 60_000} testId="b" />
      </>,
    );

    act(() => {
      vi.advanceTimersByTime(1_000);
    });

    expect(screen.getByTestId('a').textContent).toBe('00:00:04');
    expect(screen.getByTestId('b').textContent).toBe('00:00:59');
  });

  it('shows "expired" once the expiry passes', () => {
    render(<Countdown expiresAt={START + 2_000} />);

    act(() => {
      vi.advanceTimersByTime(2_000);
    });

    expect(screen.getByTestId('countdown').textContent).toBe('expired');
  });

  it('stops the interval when the last countdown unmounts', () => {
    const clearIntervalSpy = vi.spyOn(globalThis, 'clearInterval');
    const { unmount } = render(
      <>
        <Countdown expiresAt={START + 5_000} testId="a" />
        <Countdown expiresAt={START + 6_000} testId="b" />
      </>,
    );

    unmount();

    expect(isClockRunning()).toBe(false);
    expect(clearIntervalSpy).toHaveBeenCalledTimes(1);
  });

  it('keeps running while one of several countdowns is still mounted', () => {
    const { rerender } = render(
      <>
        <Countdown expiresAt={START + 5_000} testId="a" />
        <Countdown expiresAt={START + 6_000} testId="b" />
      </>,
    );

    rerender(<Countdown expiresAt={START + 5_000} testId="a" />);

    expect(isClockRunning()).toBe(true);
  });

  it('labels the countdown "Expires in" for assistive technology', () => {
    render(<Countdown expiresAt={START + 5_000} />);

    expect(screen.getByRole('timer', { name: 'Expires in' }).textContent).toBe('00:00:05');
  });

  it('reads "no expiry given" when expiresAt is null', () => {
    render(<Countdown expiresAt={null} />);

    expect(screen.getByTestId('countdown').textContent).toBe('no expiry given');
  });
});
