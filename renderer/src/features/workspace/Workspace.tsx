import { focusSoon } from '../../lib/focus-soon';
import { ClientsView } from '../library/ClientsView';
import { EnvironmentsView } from '../library/EnvironmentsView';
import { LoginsView } from '../library/LoginsView';
import { ProfileEditor } from '../profiles/ProfileEditor';
import { ProfileView } from '../profiles/ProfileView';
import { ExportDialog } from '../transfer/ExportDialog';
import { ImportDialog } from '../transfer/ImportDialog';
import { QuickExchange } from './QuickExchange';
import { useViewStore } from './view-store';

function NewProfileView() {
  const show = useViewStore((s) => s.show);
  return (
    <div className="profile-view">
      <header className="view-head">
        <div>
          <h2 className="view-title">New profile</h2>
          <p className="subtle">An environment, a client, and the app or login it signs in as.</p>
        </div>
      </header>
      <div className="pane pane--narrow">
        <ProfileEditor
          profile={null}
          onSaved={(id, from) => {
            show({ kind: 'profile', id });
            focusSoon(`profile:${id}`, from);
          }}
        />
      </div>
    </div>
  );
}

/** The main area: the view the sidebar picked. */
export function Workspace() {
  const view = useViewStore((s) => s.view);

  switch (view.kind) {
    case 'quick':
      return <QuickExchange />;
    case 'profile':
      // Keyed: a grant picked or a secret revealed for one profile never shows on another.
      return <ProfileView key={view.id} profileId={view.id} />;
    case 'new-profile':
      return <NewProfileView />;
    case 'environments':
      return <EnvironmentsView selectedId={view.id} />;
    case 'clients':
      return <ClientsView selectedId={view.id} />;
    case 'logins':
      return <LoginsView selectedId={view.id} />;
  }
}

/** The import or export dialog, when one is open. */
export function Dialogs() {
  const dialog = useViewStore((s) => s.dialog);
  const close = useViewStore((s) => s.closeDialog);
  if (dialog === 'export') return <ExportDialog onClose={close} />;
  if (dialog === 'import') return <ImportDialog onClose={close} />;
  return null;
}
