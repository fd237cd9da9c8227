import { describe, expect, it } from 'vitest';
import { formatReceived, formatReceivedShort } from './StoredTokenView';

const NOON = new Date(2030, 2, 12, 12, 0, 0).getTime();

describe('formatReceivedShort', () => {
  it('shows only the time, seconds included, for a token received today', () => {
    const received = new Date(2030, 2, 12, 9, 5, 7).getTime();

    expect(formatReceivedShort(received, NOON)).toBe(
      new Date(received).toLocaleTimeString(undefined, { timeStyle: 'medium' }),
    );
  });

  it('adds the date for a token from another day, shorter than the full form', () => {
    const received = new Date(2030, 2, 11, 9, 5, 7).getTime();

    const short = formatReceivedShort(received, NOON);

    expect(short).not.toBe(formatReceivedShort(received, received));
    expect(short.length).toBeLessThan(formatReceived(received).length);
  });
});
