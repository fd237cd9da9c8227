/** Podio's limit for calls marked rate limited, the token endpoint among them. */
export const RATE_LIMIT_PER_HOUR = 250;

const WINDOW_MS = 3600 * 1000;

/**
 * Counts token requests per client for the X-Rate-Limit-* headers.
 * Limitation: the count is shown but never enforced (no 420 at zero), so long test runs and
 * benchmarks against one sandbox keep working; the rateLimit fault plays the 420 instead.
 */
export class RateCounter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(private readonly now: () => number) {}

  /** Counts one request and answers the headers to send with it. */
  hit(clientId: string): Record<string, string> {
    const now = this.now();
    let window = this.windows.get(clientId);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, used: 0 };
      this.windows.set(clientId, window);
    }
    window.used += 1;
    return {
      'X-Rate-Limit-Limit': String(RATE_LIMIT_PER_HOUR),
      'X-Rate-Limit-Remaining': String(Math.max(0, RATE_LIMIT_PER_HOUR - window.used)),
    };
  }
}
