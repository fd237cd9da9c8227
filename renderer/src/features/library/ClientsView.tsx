import { EditorActions } from './EditorActions';
import { useRef, useState } from 'react';
import type { FormEvent, MouseEvent } from 'react';
import type { ClientView } from '../../../../preload/contract';
import { PORT_MAX } from '../../lib/input-limits';
import { focusedButton, focusSoon } from '../../lib/focus-soon';
import { FormField } from '../profile-form/FormField';
import { useViewStore } from '../workspace/view-store';
import { AppsSection } from './AppsSection';
import { deleteWithUndo } from './delete-entity';
import { EntityList } from './EntityList';
import { FormAlert } from './FormAlert';
import { secretValue } from './form-issues';
import { selectVisibleClients } from './library-selectors';
import { useLibraryStore } from './library-store';
import { SecretField } from './SecretField';
import { useEntitySave } from './use-entity-save';
import { useFocusInvalid } from './use-focus-invalid';

const LABELS = {
  name: 'Name',
  clientId: 'Client ID',
  clientSecret: 'Client secret',
  redirectUri: 'Redirect URI',
  fixedPort: 'Port',
};

interface ClientDraft {
  name: string;
  clientId: string;
  clientSecret: string;
  secretCleared: boolean;
  redirectUri: string;
  fixedPort: string;
}

function draftOf(client: ClientView | null): ClientDraft {
  return {
    name: client?.name ?? '',
    clientId: client?.clientId ?? '',
    clientSecret: '',
    secretCleared: false,
    redirectUri: client?.redirectUri ?? '',
    fixedPort: client?.fixedPort === undefined ? '' : String(client.fixedPort),
  };
}

/** A port typed as text: empty is none, else a whole number 1–65535 or a message. */
export function parsePort(text: string): { port: number | undefined } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { port: undefined };
  const port = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || port < 1 || port > 65535) {
    return { error: 'Port must be a whole number from 1 to 65535' };
  }
  return { port };
}

function ClientEditor({ client }: { client: ClientView | null }) {
  const [draft, setDraft] = useState(() => draftOf(client));
  const { saving, failure, savedCount, submit, setFailure } = useEntitySave(LABELS);
  const show = useViewStore((s) => s.show);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, failure);
  const set = (field: keyof ClientDraft) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const from = focusedButton();
    const port = parsePort(draft.fixedPort);
    const secret = secretValue(draft.clientSecret, draft.secretCleared);
    const redirectUri = draft.redirectUri.trim();
    const id = await submit(
      {
        kind: 'client',
        id: client?.id ?? null,
        input: {
          name: draft.name,
          clientId: draft.clientId,
          ...(secret === undefined ? {} : { clientSecret: secret }),
          // Empty goes as an undefined key, which clears the saved value (see ProfileEditor).
          redirectUri: redirectUri || undefined,
          fixedPort: 'port' in port ? port.port : undefined,
        },
      },
      'error' in port ? { fixedPort: port.error } : {},
    );
    if (id === null) return;
    setDraft((d) => ({ ...d, clientSecret: '', secretCleared: false }));
    if (client === null) show({ kind: 'clients', id });
    focusSoon(`client:${id}`, from);
  };

  const onDelete = (event: MouseEvent) => {
    if (!client) return;
    const refused = deleteWithUndo({
      kind: 'client',
      id: client.id,
      name: client.name,
      focusUndo: event.detail === 0,
    });
    if (refused) setFailure({ kind: 'validation', message: refused, byField: {}, other: [] });
    else show({ kind: 'clients', id: null });
  };

  return (
    <form
      ref={formRef}
      className="entity-form"
      aria-label="Client"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2 className="editor-title" tabIndex={-1} data-focus={`client:${client?.id ?? 'new'}`}>
        {client ? client.name : 'New client'}
      </h2>
      <FormAlert failure={failure} />
      <FormField
        id="client-name"
        label={LABELS.name}
        value={draft.name}
        onChange={set('name')}
        error={failure?.byField.name}
        placeholder="e.g. Ops integration"
      />
      <FormField
        id="client-clientId"
        label={LABELS.clientId}
        value={draft.clientId}
        onChange={set('clientId')}
        error={failure?.byField.clientId}
      />
      <SecretField
        id="client-clientSecret"
        label={LABELS.clientSecret}
        value={draft.clientSecret}
        onChange={set('clientSecret')}
        hasSecret={client?.hasSecret ?? false}
        secretRef={client ? { entity: 'client', id: client.id, field: 'clientSecret' } : null}
        cleared={draft.secretCleared}
        onClearedChange={(secretCleared) => setDraft((d) => ({ ...d, secretCleared }))}
        error={failure?.byField.clientSecret}
      />
      <div className="field-row field-row--wide">
        <FormField
          id="client-redirectUri"
          label={LABELS.redirectUri}
          value={draft.redirectUri}
          onChange={set('redirectUri')}
          error={failure?.byField.redirectUri}
          inputMode="url"
          placeholder="e.g. http://localhost:8765/callback"
        />
        <FormField
          id="client-fixedPort"
          label={LABELS.fixedPort}
          value={draft.fixedPort}
          onChange={set('fixedPort')}
          error={failure?.byField.fixedPort}
          maxLength={PORT_MAX}
          limitHint={false}
          inputMode="numeric"
          placeholder="any"
        />
      </div>
      <EditorActions
        noun="client"
        saving={saving}
        onDelete={client ? onDelete : null}
        note={savedCount > 0 && !failure ? 'Saved' : ''}
      />
    </form>
  );
}

/** API clients (client_id + secret) and, under a saved one, its Podio apps. */
export function ClientsView({ selectedId }: { selectedId: string | null }) {
  const clients = useLibraryStore(selectVisibleClients);
  const show = useViewStore((s) => s.show);
  const [fresh, setFresh] = useState(0);
  const selected = clients.find((c) => c.id === selectedId) ?? null;

  return (
    <div className="library-view">
      <EntityList
        title="Clients"
        items={clients.map((c) => ({ id: c.id, name: c.name, detail: c.clientId }))}
        selectedId={selectedId}
        onSelect={(id) => show({ kind: 'clients', id })}
        newLabel="New client"
        onNew={() => {
          setFresh((n) => n + 1);
          show({ kind: 'clients', id: null });
        }}
        empty="No clients yet. A client is a client_id and secret from Podio’s API keys page."
      />
      <div className="editor-pane">
        <ClientEditor key={selected ? selected.id : `new-${fresh}`} client={selected} />
        {selected && <AppsSection key={`apps-${selected.id}`} client={selected} />}
      </div>
    </div>
  );
}
