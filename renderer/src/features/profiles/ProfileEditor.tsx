import { EditorActions } from '../library/EditorActions';
import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProfileInput, ProfileView } from '../../../../preload/contract';
import { FormAlert } from '../library/FormAlert';
import {
  loginLabel,
  selectVisibleApps,
  selectVisibleClients,
  selectVisibleEnvironments,
  selectVisibleLogins,
} from '../library/library-selectors';
import { useLibraryStore } from '../library/library-store';
import { SelectField } from '../library/SelectField';
import { useEntitySave } from '../library/use-entity-save';
import { useFocusInvalid } from '../library/use-focus-invalid';
import { focusedButton } from '../../lib/focus-soon';
import { FormField } from '../profile-form/FormField';
import { useViewStore } from '../workspace/view-store';

const LABELS = {
  name: 'Name',
  environmentRef: 'Environment',
  clientRef: 'Client',
  appRef: 'App',
  loginRef: 'Login',
};

interface ProfileDraftState {
  name: string;
  environmentRef: string;
  clientRef: string;
  /** '' is None. */
  appRef: string;
  loginRef: string;
}

interface ProfileEditorProps {
  /** The saved profile, or null for a new one. */
  profile: ProfileView | null;
  /** `from`: the button that had focus as the save began, for moving focus after it. */
  onSaved: (id: string, from: Element | null) => void;
}

/**
 * The profile form: name, environment, client, and its app or login.
 * Limitation: edits not saved are dropped when another profile is opened (no prompt).
 */
export function ProfileEditor({ profile, onSaved }: ProfileEditorProps) {
  const { environments, clients, apps, logins } = useLibraryStore(
    useShallow((s) => ({
      environments: selectVisibleEnvironments(s),
      clients: selectVisibleClients(s),
      apps: selectVisibleApps(s),
      logins: selectVisibleLogins(s),
    })),
  );
  const show = useViewStore((s) => s.show);
  const [draft, setDraft] = useState<ProfileDraftState>(() => ({
    name: profile?.name ?? '',
    environmentRef: profile?.environmentRef ?? environments[0]?.id ?? '',
    clientRef: profile?.clientRef ?? clients[0]?.id ?? '',
    appRef: profile?.appRef ?? '',
    loginRef: profile?.loginRef ?? '',
  }));
  const { saving, failure, savedCount, submit } = useEntitySave(LABELS);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, failure);

  const clientApps = useMemo(
    () => apps.filter((a) => a.clientRef === draft.clientRef),
    [apps, draft.clientRef],
  );
  const dirty =
    profile !== null &&
    // Trimmed: main saves the name trimmed, so edge spaces typed are not a change after a save.
    (draft.name.trim() !== profile.name.trim() ||
      draft.environmentRef !== profile.environmentRef ||
      draft.clientRef !== profile.clientRef ||
      draft.appRef !== (profile.appRef ?? '') ||
      draft.loginRef !== (profile.loginRef ?? ''));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const from = focusedButton();
    // None goes as an undefined key: Electron's structured clone keeps it, so main's merge
    // clears the old ref. Limitation: JSON (the browser harness) drops the key, so there main
    // keeps the old app or login and refuses a profile with both.
    const input: ProfileInput = {
      name: draft.name,
      environmentRef: draft.environmentRef,
      clientRef: draft.clientRef,
      appRef: draft.appRef || undefined,
      loginRef: draft.loginRef || undefined,
    };
    const id = await submit({ kind: 'profile', id: profile?.id ?? null, input });
    if (id !== null) onSaved(id, from);
  };

  const noClients = clients.length === 0;

  return (
    <form
      ref={formRef}
      className="entity-form"
      aria-label="Profile"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <FormAlert failure={failure} />
      <FormField
        id="profile-name"
        label={LABELS.name}
        value={draft.name}
        onChange={(name) => setDraft((d) => ({ ...d, name }))}
        error={failure?.byField.name}
        placeholder="e.g. Ops app on production"
      />
      <SelectField
        id="profile-environmentRef"
        label={LABELS.environmentRef}
        value={draft.environmentRef}
        options={environments.map((e) => ({ value: e.id, label: e.name }))}
        onChange={(environmentRef) => setDraft((d) => ({ ...d, environmentRef }))}
        error={failure?.byField.environmentRef}
      />
      <SelectField
        id="profile-clientRef"
        label={LABELS.clientRef}
        value={draft.clientRef}
        options={
          noClients
            ? [{ value: '', label: 'No clients yet' }]
            : clients.map((c) => ({ value: c.id, label: c.name }))
        }
        onChange={(clientRef) =>
          setDraft((d) => {
            // An app belongs to one client: a switch drops an app of the old one.
            const keepsApp = apps.some((a) => a.id === d.appRef && a.clientRef === clientRef);
            return { ...d, clientRef, appRef: keepsApp ? d.appRef : '' };
          })
        }
        error={failure?.byField.clientRef}
        disabled={noClients}
      />
      {noClients && (
        <p className="hint">
          A profile needs a client.{' '}
          <button
            type="button"
            className="button button--link"
            onClick={() => show({ kind: 'clients', id: null })}
          >
            Add a client
          </button>
        </p>
      )}
      <SelectField
        id="profile-appRef"
        label={LABELS.appRef}
        value={draft.appRef}
        options={[
          { value: '', label: 'None' },
          ...clientApps.map((a) => ({ value: a.id, label: a.name })),
        ]}
        onChange={(appRef) =>
          setDraft((d) => ({ ...d, appRef, loginRef: appRef ? '' : d.loginRef }))
        }
        error={failure?.byField.appRef}
        hint="An app or a login, not both."
      />
      <SelectField
        id="profile-loginRef"
        label={LABELS.loginRef}
        value={draft.loginRef}
        options={[
          { value: '', label: 'None' },
          ...logins.map((l) => ({ value: l.id, label: loginLabel(l) })),
        ]}
        onChange={(loginRef) =>
          setDraft((d) => ({ ...d, loginRef, appRef: loginRef ? '' : d.appRef }))
        }
        error={failure?.byField.loginRef}
      />
      <EditorActions
        noun="profile"
        saving={saving}
        onDelete={null}
        note={dirty ? 'Unsaved changes' : savedCount > 0 && !failure ? 'Saved' : ''}
      />
    </form>
  );
}
