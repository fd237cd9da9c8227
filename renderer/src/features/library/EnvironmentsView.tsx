import { EditorActions } from './EditorActions';
import { useRef, useState } from 'react';
import type { FormEvent, MouseEvent } from 'react';
import type { EnvironmentInfo, EnvironmentInput, WireStyle } from '../../../../preload/contract';
import { Checkbox } from '../authorize/Checkbox';
import { focusedButton, focusSoon } from '../../lib/focus-soon';
import { FormField } from '../profile-form/FormField';
import { useViewStore } from '../workspace/view-store';
import { deleteWithUndo } from './delete-entity';
import { EntityList } from './EntityList';
import { FormAlert } from './FormAlert';
import { selectVisibleEnvironments } from './library-selectors';
import { useLibraryStore } from './library-store';
import { SelectField } from './SelectField';
import { useEntitySave } from './use-entity-save';
import { useFocusInvalid } from './use-focus-invalid';

const READ_ONLY_HINT =
  'Built-in environments cannot be changed. ' +
  'Copy one to post to other URLs or in Podio’s JSON style.';

const LABELS: Record<keyof EnvironmentInput, string> = {
  name: 'Name',
  tokenUrl: 'Token URL',
  authorizeUrl: 'Authorize URL',
  apiBaseUrl: 'API base URL',
  verifyPath: 'Verify path',
  wireStyle: 'Wire style',
  acceptMissingState: 'Accept a sign-in redirect without state',
};

const WIRE_STYLES = [
  { value: 'form', label: 'Form (/oauth/token)' },
  { value: 'json', label: 'JSON (/oauth/token/v2)' },
];

const EMPTY: EnvironmentInput = {
  name: '',
  tokenUrl: '',
  authorizeUrl: '',
  apiBaseUrl: '',
  verifyPath: '',
  wireStyle: 'form',
  acceptMissingState: false,
};

function inputOf(environment: EnvironmentInfo): EnvironmentInput {
  const { name, tokenUrl, authorizeUrl, apiBaseUrl, verifyPath, wireStyle } = environment;
  const { acceptMissingState } = environment;
  return { name, tokenUrl, authorizeUrl, apiBaseUrl, verifyPath, wireStyle, acceptMissingState };
}

interface EditorProps {
  environment: EnvironmentInfo | null;
  initial: EnvironmentInput;
  onCopy: (input: EnvironmentInput) => void;
}

function EnvironmentEditor({ environment, initial, onCopy }: EditorProps) {
  const [draft, setDraft] = useState(initial);
  const { saving, failure, savedCount, submit, setFailure } = useEntitySave(LABELS);
  const show = useViewStore((s) => s.show);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusInvalid(formRef, failure);
  const readOnly = environment?.builtIn ?? false;
  type TextField = Exclude<keyof EnvironmentInput, 'wireStyle' | 'acceptMissingState'>;
  const set = (field: TextField) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly || saving) return;
    const from = focusedButton();
    const id = await submit({ kind: 'environment', id: environment?.id ?? null, input: draft });
    if (id === null) return;
    if (environment === null) show({ kind: 'environments', id });
    focusSoon(`environment:${id}`, from);
  };

  const onDelete = (event: MouseEvent) => {
    if (!environment) return;
    const refused = deleteWithUndo({
      kind: 'environment',
      id: environment.id,
      name: draft.name,
      focusUndo: event.detail === 0,
    });
    if (refused) setFailure({ kind: 'validation', message: refused, byField: {}, other: [] });
    else show({ kind: 'environments', id: null });
  };

  const text = (field: TextField, placeholder = '') => (
    <FormField
      id={`environment-${field}`}
      label={LABELS[field]}
      value={draft[field]}
      onChange={set(field)}
      error={failure?.byField[field]}
      readOnly={readOnly}
      placeholder={placeholder}
      inputMode={field.endsWith('Url') ? 'url' : 'text'}
    />
  );

  return (
    <form
      ref={formRef}
      className="entity-form"
      aria-label="Environment"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2
        className="editor-title"
        tabIndex={-1}
        data-focus={`environment:${environment?.id ?? 'new'}`}
      >
        {environment ? environment.name : 'New environment'}
        {readOnly && <span className="badge">Built-in</span>}
      </h2>
      {readOnly && <p className="hint">{READ_ONLY_HINT}</p>}
      <FormAlert failure={failure} />
      {text('name')}
      {text('tokenUrl', 'e.g. https://api.podio.com/oauth/token')}
      {text('authorizeUrl', 'e.g. https://podio.com/oauth/authorize')}
      {text('apiBaseUrl', 'e.g. https://api.podio.com')}
      {text('verifyPath', 'e.g. /user/status')}
      <SelectField
        id="environment-wireStyle"
        label={LABELS.wireStyle}
        value={draft.wireStyle}
        options={WIRE_STYLES}
        onChange={(value) => setDraft((d) => ({ ...d, wireStyle: value as WireStyle }))}
        error={failure?.byField.wireStyle}
        disabled={readOnly}
      />
      <Checkbox
        id="environment-acceptMissingState"
        label={LABELS.acceptMissingState}
        checked={draft.acceptMissingState ?? false}
        onChange={(checked) => setDraft((d) => ({ ...d, acceptMissingState: checked }))}
        hint="Only for servers that do not echo state; a sign-in then says the check was skipped."
        disabled={readOnly}
      />
      {readOnly ? (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={() => environment && onCopy(inputOf(environment))}
          >
            Copy as new environment
          </button>
        </div>
      ) : (
        <EditorActions
          noun="environment"
          saving={saving}
          onDelete={environment ? onDelete : null}
          note={savedCount > 0 && !failure ? 'Saved' : ''}
        />
      )}
    </form>
  );
}

/** Built-in and custom environments: the list and the editor of the picked one. */
export function EnvironmentsView({ selectedId }: { selectedId: string | null }) {
  const environments = useLibraryStore(selectVisibleEnvironments);
  const show = useViewStore((s) => s.show);
  const [template, setTemplate] = useState<{ input: EnvironmentInput; n: number }>({
    input: EMPTY,
    n: 0,
  });
  const selected = environments.find((e) => e.id === selectedId) ?? null;

  const copy = (input: EnvironmentInput) => {
    setTemplate((t) => ({ input: { ...input, name: `${input.name} (copy)` }, n: t.n + 1 }));
    show({ kind: 'environments', id: null });
  };

  return (
    <div className="library-view">
      <EntityList
        title="Environments"
        items={environments.map((e) => ({
          id: e.id,
          name: e.name,
          detail: e.tokenUrl || 'starts with the app',
          ...(e.builtIn ? { badge: 'Built-in' } : {}),
        }))}
        selectedId={selectedId}
        onSelect={(id) => show({ kind: 'environments', id })}
        newLabel="New environment"
        onNew={() => {
          setTemplate((t) => ({ input: EMPTY, n: t.n + 1 }));
          show({ kind: 'environments', id: null });
        }}
        empty="No environments."
      />
      <div className="editor-pane">
        <EnvironmentEditor
          key={selected ? selected.id : `new-${template.n}`}
          environment={selected}
          initial={selected ? inputOf(selected) : template.input}
          onCopy={copy}
        />
      </div>
    </div>
  );
}
