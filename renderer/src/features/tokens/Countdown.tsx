import { describeExpiry } from './countdown';
import { useNow } from './clock-store';

interface CountdownProps {
  expiresAt: number | null;
  /** Accessible name of the timer; null renders plain text (inside a button, say). */
  label?: string | null;
  testId?: string;
}

/** A live "hh:mm:ss" until expiresAt, driven by the shared clock. */
export function Countdown({
  expiresAt,
  label = 'Expires in',
  testId = 'countdown',
}: CountdownProps) {
  const now = useNow();
  const text = describeExpiry(expiresAt, now);
  const expired = text === 'expired';
  const className = expired ? 'countdown countdown--expired' : 'countdown';
  if (label === null) {
    return (
      <span data-testid={testId} className={className}>
        {text}
      </span>
    );
  }
  return (
    <span role="timer" aria-label={label} data-testid={testId} className={className}>
      {text}
    </span>
  );
}
