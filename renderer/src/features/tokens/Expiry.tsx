import { useNow } from './clock-store';
import { Countdown } from './Countdown';
import { formatReceived, formatReceivedShort } from './time-format';

/**
 * A token's expiry over its result: "Expires in" and a live countdown, or "Expired" and when,
 * so an expired token does not read "Expires in expired".
 */
export function Expiry({ expiresAt }: { expiresAt: number | null }) {
  const now = useNow();

  if (expiresAt !== null && !(expiresAt > now)) {
    return (
      <div className="expiry expiry--expired">
        <span className="expiry-label">Expired</span>
        <span
          className="countdown countdown--expired"
          data-testid="countdown"
          title={formatReceived(expiresAt)}
        >
          {formatReceivedShort(expiresAt, now)}
        </span>
      </div>
    );
  }

  const label = expiresAt === null ? 'Expiry' : 'Expires in';
  return (
    <div className="expiry">
      <span className="expiry-label" aria-hidden="true">
        {label}
      </span>
      <Countdown expiresAt={expiresAt} label={label} />
    </div>
  );
}
