import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ValidationIssue } from '../../../../preload/contract';
import { APP_ID_MAX } from '../../lib/input-limits';
import { useAuthorizeStore } from '../authorize/authorize-store';
import { BrowserSignIn } from '../authorize/BrowserSignIn';
import {
  selectIssues,
  selectRefreshableTokenId,
  useExchangeStore,
} from '../exchange/exchange-store';
import { FormField } from './FormField';
import { GrantPicker } from './GrantPicker';
import { FIELD_LABELS, inputForIssue, issueText, usesField } from './grants';
import type { DraftField } from './grants';
import { useProfileStore } from './profile-store';

function issuesByField(issues: ValidationIssue[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const issue of issues) {
    const input = inputForIssue(issue.field);
    const text = issueText(issue.field, issue.message);
    const seen = map.get(input);
    map.set(input, seen ? `${seen}; ${text}` : text);
  }
  return map;
}

const FIELD_OPTIONS: Partial<Record<DraftField, Partial<Parameters<typeof FormField>[0]>>> = {
  clientSecret: { secret: true },
  username: { autoComplete: 'username' },
  password: { secret: true },
  appId: { inputMode: 'numeric', maxLength: APP_ID_MAX },
  appToken: { secret: true },
  redirectUri: { inputMode: 'url', placeholder: 'http://localhost:8765/callback' },
};

const GROUPS: ReadonlyArray<{ title: string; fields: DraftField[] }> = [
  { title: 'Client', fields: ['clientId', 'clientSecret'] },
  { title: 'Login', fields: ['username', 'password'] },
  { title: 'App', fields: ['appId', 'appToken'] },
];

/** The profile form: environment, grant, credentials, and the Get token button. */
export function ProfileForm() {
  const { draft, grant, environments, loadStatus, loadError } = useProfileStore(
    useShallow((s) => ({
      draft: s.draft,
      grant: s.grant,
      environments: s.environments,
      loadStatus: s.loadStatus,
      loadError: s.loadError,
    })),
  );
  const setField = useProfileStore((s) => s.setField);
  const setGrant = useProfileStore((s) => s.setGrant);
  const running = useExchangeStore((s) => s.running);
  const issues = useExchangeStore(selectIssues);
  const issuesGrant = useExchangeStore((s) => s.outcome?.grant ?? null);
  const refreshableId = useExchangeStore(selectRefreshableTokenId);
  const run = useExchangeStore((s) => s.run);
  const refresh = useExchangeStore((s) => s.refresh);
  const formRef = useRef<HTMLFormElement>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [issuesSeen, setIssuesSeen] = useState(issues);

  // Marks belong to the grant that was run; after switching grants they would point at fields
  // the new grant does not send.
  // Limitation: a mark stays until the next exchange even after the field is edited.
  const errors = useMemo(
    () => (issuesGrant === grant ? issuesByField(issues) : new Map<string, string>()),
    [issues, issuesGrant, grant],
  );

  // A pasted-code exchange that marks Code or Redirect URI opens their disclosure, so the marks
  // (and the focus below) are not hidden. Adjusted while rendering, as React advises for this.
  if (issues !== issuesSeen) {
    setIssuesSeen(issues);
    if (issues.some((i) => i.field === 'code' || i.field === 'redirectUri')) setPasteOpen(true);
  }

  // Put the cursor on the first field a validation outcome marked.
  useEffect(() => {
    if (issues.length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [issues]);

  const refreshBlocked = grant === 'refresh_token' && refreshableId === null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (running) return;
    // This exchange owns the result pane now: an ended sign-in above it would read as current.
    useAuthorizeStore.getState().dismissEnded(null);
    if (grant === 'refresh_token') {
      if (refreshableId !== null) void refresh(refreshableId);
      return;
    }
    void run(draft, grant);
  };

  const field = (name: DraftField) => (
    <FormField
      key={name}
      id={name}
      label={FIELD_LABELS[name]}
      value={draft[name]}
      onChange={(value) => setField(name, value)}
      unused={!usesField(grant, name)}
      error={errors.get(name)}
      {...FIELD_OPTIONS[name]}
    />
  );

  const environmentError = errors.get('environmentId');

  // For the authorization code grant, browser sign-in is the main way: Get token then exchanges
  // a pasted code, sits with the Code field and steps back to a plain button.
  const getToken = (
    <div className="actions">
      <button
        type="submit"
        className={grant === 'authorization_code' ? 'button' : 'button button--primary'}
        disabled={running || refreshBlocked}
      >
        {running ? 'Getting token…' : 'Get token'}
      </button>
    </div>
  );

  return (
    <form
      ref={formRef}
      className="profile-form"
      onSubmit={onSubmit}
      aria-label="Profile"
      noValidate
    >
      {loadError && (
        <p role="alert" className="note note--error">
          Could not load environments: {loadError}
        </p>
      )}

      <div className="field">
        <label htmlFor="environmentId">Environment</label>
        <select
          id="environmentId"
          value={draft.environmentId}
          onChange={(e) => setField('environmentId', e.target.value)}
          disabled={loadStatus !== 'ready'}
          aria-invalid={environmentError ? true : undefined}
          aria-describedby={environmentError ? 'environmentId-error' : undefined}
        >
          {loadStatus !== 'ready' && (
            <option value="">{loadStatus === 'failed' ? '—' : 'Loading…'}</option>
          )}
          {environments.map((env) => (
            <option key={env.id} value={env.id}>
              {env.name}
            </option>
          ))}
        </select>
        {environmentError && (
          <p id="environmentId-error" className="field-error">
            {environmentError}
          </p>
        )}
      </div>

      <GrantPicker value={grant} onChange={setGrant} />

      {GROUPS.map((group) => (
        <fieldset key={group.title} className="group">
          <legend>{group.title}</legend>
          {group.fields.map(field)}
        </fieldset>
      ))}

      {grant === 'authorization_code' && (
        <>
          <BrowserSignIn />
          <details
            className="disclosure"
            open={pasteOpen}
            onToggle={(e) => setPasteOpen(e.currentTarget.open)}
          >
            <summary>Paste a code instead</summary>
            <fieldset className="group">
              <legend className="visually-hidden">Authorization code</legend>
              {field('code')}
              {field('redirectUri')}
              <p className="hint">Exchanges a code you copied from a redirect yourself.</p>
            </fieldset>
            {getToken}
          </details>
        </>
      )}

      {grant === 'refresh_token' && (
        <p className="hint" id="refresh-hint">
          {refreshBlocked
            ? 'Get a token with a refresh token first; its refresh token is used.'
            : 'Uses the refresh token of the newest token in this session.'}
        </p>
      )}

      {grant !== 'authorization_code' && getToken}
    </form>
  );
}
