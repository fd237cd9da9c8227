import { EditorActions } from './EditorActions';
import { useMemo, useRef, useState } from 'react';
import type { FormEvent, MouseEvent } from 'react';
import type { AppView, ClientView } from '../../../../preload/contract';
import { APP_ID_MAX } from '../../lib/input-limits';
import { focusedButton, focusSoon } from '../../lib/focus-soon';
import { FormField } from '../profile-form/FormField';
import { deleteWithUndo } from './delete-entity';
import { FormAlert } from './FormAlert';
import { secretValue } from './form-issues';
import { selectVisibleApps } from './library-selectors';
import { useLibraryStore } from './library-store';
import { SecretField } from './SecretField';
import { useEntitySave } from './use-entity-save';
import { useFocusInvalid } from './use-focus-invalid';

const LABELS = { name: 'Name', appId: 'App ID', appToken: 'App token', clientRef: 'Client' };

interface AppEditorProps {
  client: ClientView;
  app: AppView | null;
  onSaved: (id: string) => void;
  onDeleted: () => void;
}

function AppEditor({ client, app, onSaved, onDeleted }: AppEditorProps) {
  const [name, setName] = useState(app?.name ?? '');
  const [appId, setAppId] = useState(app?.appId ?? '');
  const [appToken, setAppToken] = useState('');
  const [cleared, setCleared] = useState(false);
  const { saving, failure, savedCount, submit, setFailure } = useEntitySave(LABELS);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, failure);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const from = focusedButton();
    const token = secretValue(appToken, cleared);
    const id = await submit({
      kind: 'app',
      id: app?.id ?? null,
      input: {
        name,
        appId: appId.trim(),
        clientRef: client.id,
        ...(token === undefined ? {} : { appToken: token }),
      },
    });
    if (id === null) return;
    setAppToken('');
    setCleared(false);
    if (app === null) onSaved(id);
    focusSoon(`app:${id}`, from);
  };

  const onDelete = (event: MouseEvent) => {
    if (!app) return;
    const refused = deleteWithUndo({
      kind: 'app',
      id: app.id,
      name: app.name,
      focusUndo: event.detail === 0,
    });
    if (refused) setFailure({ kind: 'validation', message: refused, byField: {}, other: [] });
    else onDeleted();
  };

  return (
    <form
      ref={formRef}
      className="entity-form entity-form--nested"
      aria-label="App"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <h3 className="editor-subtitle" tabIndex={-1} data-focus={`app:${app?.id ?? 'new'}`}>
        {app ? app.name : 'New app'}
      </h3>
      <FormAlert failure={failure} />
      <div className="field-row">
        <FormField
          id="app-name"
          label={LABELS.name}
          value={name}
          onChange={setName}
          error={failure?.byField.name}
        />
        <FormField
          id="app-appId"
          label={LABELS.appId}
          value={appId}
          onChange={setAppId}
          error={failure?.byField.appId}
          maxLength={APP_ID_MAX}
          inputMode="numeric"
          placeholder="e.g. 4242"
        />
      </div>
      <SecretField
        id="app-appToken"
        label={LABELS.appToken}
        value={appToken}
        onChange={setAppToken}
        hasSecret={app?.hasSecret ?? false}
        secretRef={app ? { entity: 'app', id: app.id, field: 'appToken' } : null}
        cleared={cleared}
        onClearedChange={setCleared}
        error={failure?.byField.appToken}
      />
      <EditorActions
        noun="app"
        saving={saving}
        onDelete={app ? onDelete : null}
        note={savedCount > 0 && !failure ? 'Saved' : ''}
      />
    </form>
  );
}

/** The Podio apps (app_id + app_token) that sign in through one client. */
export function AppsSection({ client }: { client: ClientView }) {
  const allApps = useLibraryStore(selectVisibleApps);
  const apps = useMemo(() => allApps.filter((a) => a.clientRef === client.id), [allApps, client]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [fresh, setFresh] = useState(0);
  const selected = apps.find((a) => a.id === selectedId) ?? null;

  return (
    <section className="apps-section" aria-labelledby="apps-title">
      <div className="entity-list-head">
        <h2 id="apps-title">Apps of {client.name}</h2>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setSelectedId(null);
            setFresh((n) => n + 1);
          }}
        >
          Add app
        </button>
      </div>
      {apps.length === 0 ? (
        <p className="hint">No apps yet. An app is an app_id and app token from a Podio app.</p>
      ) : (
        <ul className="app-chips">
          {apps.map((app) => (
            <li key={app.id}>
              <button
                type="button"
                className="chip"
                aria-current={app.id === selectedId ? 'true' : undefined}
                onClick={() => setSelectedId(app.id)}
              >
                {app.name} <span className="chip-detail">{app.appId}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <AppEditor
        key={selected ? selected.id : `new-${fresh}`}
        client={client}
        app={selected}
        onSaved={setSelectedId}
        onDeleted={() => setSelectedId(null)}
      />
    </section>
  );
}
