import { SignInPanel, useSignInShown } from '../authorize/SignInPanel';
import { HistoryList } from '../exchange/HistoryList';
import { ResultPanel } from '../exchange/ResultPanel';
import { ProfileForm } from '../profile-form/ProfileForm';

/** The one-screen form from before: any credentials, typed in, nothing saved. */
export function QuickExchange() {
  const signInShown = useSignInShown();

  return (
    <div className="app-main">
      <div className="pane pane--form">
        <ProfileForm />
      </div>
      <section className="pane pane--result" aria-label="Result">
        <SignInPanel />
        <ResultPanel showEmpty={!signInShown} />
        <HistoryList />
      </section>
    </div>
  );
}
