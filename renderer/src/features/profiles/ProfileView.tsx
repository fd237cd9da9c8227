import { useEffect, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import type { GrantType } from '../../../../preload/contract';
import { failureMessage } from '../../lib/bridge';
import { focusedButton, focusSoon, moveFocusSoon } from '../../lib/focus-soon';
import { BrowserSignIn } from '../authorize/BrowserSignIn';
import { useAuthorizeStore } from '../authorize/authorize-store';
import { SignInPanel, useSignInShown } from '../authorize/SignInPanel';
import { ResultView } from '../exchange/ResultView';
import { TokenView } from '../exchange/TokenView';
import { deleteWithUndo } from '../library/delete-entity';
import { selectVisibleProfiles } from '../library/library-selectors';
import { useLibraryStore } from '../library/library-store';
import { GrantPicker } from '../profile-form/GrantPicker';
import { useToastStore } from '../workspace/toast-store';
import { useViewStore } from '../workspace/view-store';
import { effectiveGrant, grantOptionsFor } from './profile-grants';
import { neighbourOf, selectProfileIndex } from './profile-index';
import { focusOption } from './ProfileList';
import { ProfileEditor } from './ProfileEditor';
import {
  EMPTY_RESULT,
  refreshableTokenId,
  shownResult,
  useProfileResultsStore,
} from './profile-results-store';
import { StoredTokenView } from './StoredTokenView';
import { TokenHistory } from './TokenHistory';

/** What the empty result pane says, naming the button this grant shows. */
function emptyHint(grant: GrantType, blocked: boolean): string {
  if (grant === 'authorization_code') {
    return 'Press Sign in with browser: the token is kept with this profile.';
  }
  if (blocked) return 'Tokens this profile gets are kept here.';
  return 'Press Get token: the token is kept with this profile.';
}

function ProfileResultPane({ profileId, grant }: { profileId: string; grant: GrantType }) {
  const result = useProfileResultsStore((s) => s.byProfile[profileId] ?? EMPTY_RESULT);
  const exchange = useProfileResultsStore((s) => s.exchange);
  const refresh = useProfileResultsStore((s) => s.refresh);
  const showToken = useProfileResultsStore((s) => s.showToken);
  const deleteToken = useProfileResultsStore((s) => s.deleteToken);
  const startSignIn = useAuthorizeStore((s) => s.startForProfile);
  const signInShown = useSignInShown(profileId);
  const shown = shownResult(result);
  const refreshable = refreshableTokenId(result);
  const blocked = grant === 'refresh_token' && refreshable === null;
  const paneRef = useRef<HTMLDivElement>(null);
  // The button that ran a call is disabled (or its view replaced) meanwhile: focus goes to the
  // result's heading when it comes, unless the person has moved on.
  const focusResult = (from: Element | null) =>
    focusSoon('result', from, paneRef.current ?? undefined);
  const onRefresh = (tokenId: string) => {
    useAuthorizeStore.getState().dismissEnded(profileId);
    const from = focusedButton();
    void refresh(profileId, tokenId).then(() => focusResult(from));
  };
  const onShowToken = (tokenId: string) => showToken(profileId, tokenId);

  const getToken = () => {
    if (result.running || blocked) return;
    if (grant === 'refresh_token') {
      if (refreshable !== null) onRefresh(refreshable);
      return;
    }
    // This exchange owns the pane now: an ended sign-in above it would read as current.
    useAuthorizeStore.getState().dismissEnded(profileId);
    const from = focusedButton();
    void exchange(profileId, grant).then(() => focusResult(from));
  };

  return (
    <div className="profile-result" ref={paneRef}>
      {grant === 'authorization_code' ? (
        <BrowserSignIn onSignIn={(options) => void startSignIn(profileId, options)} />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            disabled={result.running || blocked}
            onClick={getToken}
          >
            {result.running ? 'Getting token…' : 'Get token'}
          </button>
          {blocked && (
            <p className="hint">
              No kept token of this profile has a refresh token yet: get one with another grant
              first.
            </p>
          )}
        </div>
      )}

      <SignInPanel target={profileId} />
      {shown.kind === 'live' && !result.failure && (
        <TokenView
          key={shown.outcome.tokenId}
          outcome={shown.outcome}
          running={result.running}
          onRefresh={onRefresh}
          spent={result.spent[shown.outcome.tokenId]}
          onShowToken={onShowToken}
        />
      )}
      {shown.kind === 'stored' && !result.failure && (
        <StoredTokenView
          key={shown.token.id}
          token={shown.token}
          running={result.running}
          onRefresh={onRefresh}
          spent={result.spent[shown.token.id]}
          onShowToken={onShowToken}
        />
      )}
      {(shown.kind === 'outcome' || shown.kind === 'none' || result.failure) && (
        <ResultView
          outcome={shown.kind === 'outcome' ? shown.outcome : null}
          running={result.running}
          failure={result.failure}
          failureTitle={
            result.failedCall === 'refresh' ? 'The refresh did not run' : 'The exchange did not run'
          }
          seq={result.seq}
          onRefresh={onRefresh}
          spent={result.spent}
          onShowToken={onShowToken}
          empty={
            !signInShown && (
              <div className="empty">
                <h2>No token yet</h2>
                <p>{emptyHint(grant, blocked)}</p>
              </div>
            )
          }
        />
      )}

      <TokenHistory
        history={result.history}
        status={result.historyStatus}
        error={result.historyError}
        shownId={
          shown.kind === 'live'
            ? shown.outcome.tokenId
            : shown.kind === 'stored'
              ? shown.token.id
              : null
        }
        spent={result.spent}
        onShow={onShowToken}
        onDelete={(tokenId) => deleteToken(profileId, tokenId)}
      />
    </div>
  );
}

/** One saved profile: its form on the left; getting tokens, the result and history on the right. */
export function ProfileView({ profileId }: { profileId: string }) {
  const profile = useLibraryStore((s) => selectVisibleProfiles(s).find((p) => p.id === profileId));
  const context = useLibraryStore((s) => {
    if (!profile) return '';
    const env = s.environments.find((e) => e.id === profile.environmentRef)?.name ?? '?';
    const client = s.clients.find((c) => c.id === profile.clientRef)?.name ?? '?';
    return `${env} · ${client}`;
  });
  const loadHistory = useProfileResultsStore((s) => s.loadHistory);
  const forget = useProfileResultsStore((s) => s.forget);
  const duplicateProfile = useLibraryStore((s) => s.duplicateProfile);
  const duplicating = useLibraryStore((s) => s.duplicating);
  const rememberProfile = useLibraryStore((s) => s.rememberProfile);
  const show = useViewStore((s) => s.show);
  const [chosenGrant, setChosenGrant] = useState<GrantType | null>(null);

  useEffect(() => {
    void loadHistory(profileId);
    rememberProfile(profileId);
  }, [profileId, loadHistory, rememberProfile]);

  if (!profile) {
    return (
      <div className="empty">
        <h2>This profile is gone</h2>
        <p>Pick another profile in the sidebar.</p>
      </div>
    );
  }

  const options = grantOptionsFor(profile);
  const grant = effectiveGrant(options, chosenGrant);

  const duplicate = () => {
    const from = focusedButton();
    duplicateProfile(profile.id)
      .then((id) => {
        if (id === null) return;
        show({ kind: 'profile', id });
        focusSoon(`profile:${id}`, from);
      })
      .catch((reason: unknown) =>
        useToastStore.getState().show({
          message: `Could not duplicate: ${failureMessage(reason)}`,
          tone: 'error',
        }),
      );
  };

  const remove = (event: MouseEvent) => {
    const from = focusedButton();
    const next = neighbourOf(selectProfileIndex(useLibraryStore.getState()), profile.id);
    deleteWithUndo({
      kind: 'profile',
      id: profile.id,
      name: profile.name,
      onDeleted: () => forget(profile.id),
      onUndo: () => show({ kind: 'profile', id: profile.id }),
      // With no next profile to take focus, a keyboard delete puts it on Undo.
      focusUndo: event.detail === 0 && !next,
    });
    show(next ? { kind: 'profile', id: next } : { kind: 'quick' });
    // The view with the Delete button is gone: the next profile in the list takes focus.
    if (next) moveFocusSoon(() => focusOption(next), from);
  };

  return (
    <div className="profile-view">
      <header className="view-head">
        <div>
          <h2 className="view-title" tabIndex={-1} data-focus={`profile:${profile.id}`}>
            {profile.name}
          </h2>
          <p className="subtle">{context}</p>
        </div>
        <div className="view-actions">
          <button type="button" className="button" disabled={duplicating} onClick={duplicate}>
            {duplicating ? 'Duplicating…' : 'Duplicate'}
          </button>
          <button type="button" className="button button--danger" onClick={remove}>
            Delete
          </button>
        </div>
      </header>
      <div className="columns">
        <div className="pane pane--form">
          <ProfileEditor
            key={profile.id}
            profile={profile}
            onSaved={(id, from) => focusSoon(`profile:${id}`, from)}
          />
        </div>
        <section className="pane pane--result" aria-label="Result">
          <div className="get-token">
            {options.length > 0 && (
              <GrantPicker value={grant} onChange={setChosenGrant} options={options} />
            )}
            {!profile.appRef && !profile.loginRef && (
              <p className="hint">
                This profile has no app or login: it signs in with the browser, or refreshes a kept
                token.
              </p>
            )}
          </div>
          <ProfileResultPane key={profile.id} profileId={profile.id} grant={grant} />
        </section>
      </div>
    </div>
  );
}
