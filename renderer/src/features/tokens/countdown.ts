const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Time left as "hh:mm:ss" ("1d 02:00:00" past a day), or "expired" at or after zero.
 * Whole seconds are floored so a fresh 8-hour token reads 07:59:59 one tick after it arrives.
 */
export function formatRemaining(ms: number): string {
  if (!(ms > 0)) return 'expired';

  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const clock = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/** What a countdown reads for a token's expiry at the given moment. */
export function describeExpiry(expiresAt: number | null, now: number): string {
  return expiresAt === null ? 'no expiry given' : formatRemaining(expiresAt - now);
}
