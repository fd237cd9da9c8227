import { useShallow } from 'zustand/react/shallow';
import { AllowPlainTextButton } from '../library/FormAlert';
import { useLibraryStore } from '../library/library-store';

/** Store repairs and the plain-text secret warning, over the main area. */
export function Banners() {
  const { recovery, dismissed, plainText, allowed } = useLibraryStore(
    useShallow((s) => ({
      recovery: s.recovery,
      dismissed: s.recoveryDismissed,
      plainText: s.appInfo?.plainTextSecrets ?? false,
      allowed: s.settings.allowPlainTextSecrets,
    })),
  );
  const dismiss = useLibraryStore((s) => s.dismissRecovery);

  return (
    <>
      {recovery && !dismissed && (
        <div role="alert" className="banner banner--error">
          <div className="banner-text">
            <p className="banner-title">{recovery.message}</p>
            {/* Main's message usually names the path already; once is enough. */}
            {!recovery.message.includes(recovery.keptAt) && (
              <p className="hint">
                The original file is kept at <code>{recovery.keptAt}</code>.
              </p>
            )}
            {recovery.dropped.length > 0 && (
              <ul className="banner-list" aria-label="Dropped entries">
                {recovery.dropped.map((entry) => (
                  <li key={`${entry.path}:${entry.message}`}>
                    <code>{entry.path}</code>: {entry.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" className="button button--small" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {plainText && !allowed && (
        <section className="banner banner--warning" aria-label="Secret storage">
          <div className="banner-text">
            <p className="banner-title">This system stores secrets without encryption</p>
            <p className="hint">
              No OS keychain is available, so saved client secrets, app tokens, passwords and tokens
              would be readable by anyone who can read your files.
            </p>
          </div>
          <AllowPlainTextButton />
        </section>
      )}
      {plainText && allowed && (
        <p role="note" className="plain-text-note" aria-label="Secret storage">
          Secrets are stored without encryption on this system.
        </p>
      )}
    </>
  );
}
