import { EditorActions } from './EditorActions';
import { useRef, useState } from 'react';
import type { FormEvent, MouseEvent } from 'react';
import type { LoginView } from '../../../../preload/contract';
import { focusedButton, focusSoon } from '../../lib/focus-soon';
import { FormField } from '../profile-form/FormField';
import { useViewStore } from '../workspace/view-store';
import { deleteWithUndo } from './delete-entity';
import { EntityList } from './EntityList';
import { FormAlert } from './FormAlert';
import { secretValue } from './form-issues';
import { loginLabel, selectVisibleLogins } from './library-selectors';
import { useLibraryStore } from './library-store';
import { SecretField } from './SecretField';
import { useEntitySave } from './use-entity-save';
import { useFocusInvalid } from './use-focus-invalid';

const LABELS = { name: 'Name', username: 'Username', password: 'Password' };

function LoginEditor({ login }: { login: LoginView | null }) {
  const [name, setName] = useState(login?.name ?? '');
  const [username, setUsername] = useState(login?.username ?? '');
  const [password, setPassword] = useState('');
  const [cleared, setCleared] = useState(false);
  const { saving, failure, savedCount, submit, setFailure } = useEntitySave(LABELS);
  const show = useViewStore((s) => s.show);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, failure);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const from = focusedButton();
    const secret = secretValue(password, cleared);
    const id = await submit({
      kind: 'login',
      id: login?.id ?? null,
      input: {
        // Empty goes as an undefined key, which clears the saved name (see ProfileEditor).
        name: name.trim() ? name : undefined,
        username,
        ...(secret === undefined ? {} : { password: secret }),
      },
    });
    if (id === null) return;
    setPassword('');
    setCleared(false);
    if (login === null) show({ kind: 'logins', id });
    focusSoon(`login:${id}`, from);
  };

  const onDelete = (event: MouseEvent) => {
    if (!login) return;
    const refused = deleteWithUndo({
      kind: 'login',
      id: login.id,
      name: loginLabel(login),
      focusUndo: event.detail === 0,
    });
    if (refused) setFailure({ kind: 'validation', message: refused, byField: {}, other: [] });
    else show({ kind: 'logins', id: null });
  };

  return (
    <form
      ref={formRef}
      className="entity-form"
      aria-label="Login"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2 className="editor-title" tabIndex={-1} data-focus={`login:${login?.id ?? 'new'}`}>
        {login ? loginLabel(login) : 'New login'}
      </h2>
      <FormAlert failure={failure} />
      <FormField
        id="login-name"
        label={LABELS.name}
        value={name}
        onChange={setName}
        error={failure?.byField.name}
        placeholder="Optional, e.g. Test admin"
      />
      <FormField
        id="login-username"
        label={LABELS.username}
        value={username}
        onChange={setUsername}
        error={failure?.byField.username}
        autoComplete="off"
        inputMode="email"
      />
      <SecretField
        id="login-password"
        label={LABELS.password}
        value={password}
        onChange={setPassword}
        hasSecret={login?.hasSecret ?? false}
        secretRef={login ? { entity: 'login', id: login.id, field: 'password' } : null}
        cleared={cleared}
        onClearedChange={setCleared}
        error={failure?.byField.password}
      />
      <EditorActions
        noun="login"
        saving={saving}
        onDelete={login ? onDelete : null}
        note={savedCount > 0 && !failure ? 'Saved' : ''}
      />
    </form>
  );
}

/** Podio logins (username + password) for the password grant. */
export function LoginsView({ selectedId }: { selectedId: string | null }) {
  const logins = useLibraryStore(selectVisibleLogins);
  const show = useViewStore((s) => s.show);
  const [fresh, setFresh] = useState(0);
  const selected = logins.find((l) => l.id === selectedId) ?? null;

  return (
    <div className="library-view">
      <EntityList
        title="Logins"
        items={logins.map((l) => ({
          id: l.id,
          name: loginLabel(l),
          ...(l.name?.trim() ? { detail: l.username } : {}),
        }))}
        selectedId={selectedId}
        onSelect={(id) => show({ kind: 'logins', id })}
        newLabel="New login"
        onNew={() => {
          setFresh((n) => n + 1);
          show({ kind: 'logins', id: null });
        }}
        empty="No logins yet. A login is a Podio username and password."
      />
      <div className="editor-pane">
        <LoginEditor key={selected ? selected.id : `new-${fresh}`} login={selected} />
      </div>
    </div>
  );
}
