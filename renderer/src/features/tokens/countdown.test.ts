import { describe, expect, it } from 'vitest';
import { describeExpiry, formatRemaining } from './countdown';

describe('formatRemaining', () => {
  it('reads "expired" at zero', () => {
    expect(formatRemaining(0)).toBe('expired');
  });

  it('reads "expired" after expiry', () => {
    expect(formatRemaining(-5000)).toBe('expired');
  });

  it('shows one second as 00:00:01', () => {
    expect(formatRemaining(1000)).toBe('00:00:01');
  });

  it('shows a Podio token lifetime of 28800 s as 08:00:00', () => {
    expect(formatRemaining(28_800_000)).toBe('08:00:00');
  });

  it('floors partial seconds so a fresh 8-hour token reads 07:59:59', () => {
    expect(formatRemaining(28_799_999)).toBe('07:59:59');
  });

  it('prefixes whole days past 24 hours', () => {
    expect(formatRemaining(26 * 3_600_000)).toBe('1d 02:00:00');
  });

  it('shows 28 days of refresh-token life with a day count', () => {
    expect(formatRemaining(28 * 86_400_000 + 61_000)).toBe('28d 00:01:01');
  });

  it('treats NaN as expired rather than printing NaN', () => {
    expect(formatRemaining(Number.NaN)).toBe('expired');
  });
});

describe('describeExpiry', () => {
  it('says so when the server gave no expiry', () => {
    expect(describeExpiry(null, 1_000)).toBe('no expiry given');
  });

  it('counts down from now to expiresAt', () => {
    expect(describeExpiry(10_000, 4_000)).toBe('00:00:06');
  });
});
