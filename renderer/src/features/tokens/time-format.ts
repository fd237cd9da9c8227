/** "12 Mar 2030, 14:05:09": when a token arrived, in the person's locale. */
export function formatReceived(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
}

/** When a token arrived, short for a history row: the time today, else a short date and time. */
export function formatReceivedShort(epochMs: number, now = Date.now()): string {
  const sameDay = new Date(epochMs).toDateString() === new Date(now).toDateString();
  return new Date(epochMs).toLocaleString(
    undefined,
    sameDay ? { timeStyle: 'medium' } : { dateStyle: 'short', timeStyle: 'short' },
  );
}
