import { useEffect } from 'react';
import { listenForProgress } from './features/authorize/authorize-store';
import { SignInPanel, useSignInShown } from './features/authorize/SignInPanel';
import { HistoryList } from './features/exchange/HistoryList';
import { ResultPanel } from './features/exchange/ResultPanel';
import { ProfileForm } from './features/profile-form/ProfileForm';
import { selectEnvironment, useProfileStore } from './features/profile-form/profile-store';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function EnvironmentBadge() {
  const environment = useProfileStore(selectEnvironment);
  if (!environment) return null;
  return (
    <p className="environment" data-testid="environment-in-use">
      <span className="environment-name">{environment.name}</span>
      {environment.tokenUrl && (
        <span className="environment-host">{hostOf(environment.tokenUrl)}</span>
      )}
    </p>
  );
}

/** The one screen: profile form on the left, the result on the right. */
export function App() {
  const load = useProfileStore((s) => s.load);
  const signInShown = useSignInShown();

  useEffect(() => {
    void load();
  }, [load]);

  // Subscribed before any sign-in starts: main can report a flow before authorize:start answers.
  useEffect(() => listenForProgress(), []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Token Workbench</h1>
        <EnvironmentBadge />
      </header>
      <main className="app-main">
        <div className="pane pane--form">
          <ProfileForm />
        </div>
        <section className="pane pane--result" aria-label="Result">
          <SignInPanel />
          <ResultPanel showEmpty={!signInShown} />
          <HistoryList />
        </section>
      </main>
    </div>
  );
}
