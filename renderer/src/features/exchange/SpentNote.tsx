/** Why a token cannot be refreshed again: a Refresh used its refresh token, or main said so. */
export function SpentNote({
  replacedBy,
  onShow,
}: {
  /** The token the Refresh produced; null when main only said the refresh token is unusable. */
  replacedBy: string | null;
  onShow?: ((tokenId: string) => void) | undefined;
}) {
  return (
    <div role="note" className="note note--muted spent-note" data-testid="spent-note">
      <p>
        {replacedBy === null
          ? 'Its refresh token can no longer be used: get a new token.'
          : 'Refreshed — replaced by the newer token. Its refresh token is used up.'}
      </p>
      {replacedBy !== null && onShow && (
        <button type="button" className="button button--small" onClick={() => onShow(replacedBy)}>
          Show the newer token
        </button>
      )}
    </div>
  );
}

/** The Refresh button's tooltip: why it is off, or nothing when it is on. */
export function refreshTitle(hasRefreshToken: boolean, spent: boolean): string | undefined {
  if (spent) return 'Its refresh token was already used.';
  return hasRefreshToken ? undefined : 'This token came without a refresh token.';
}
