import { useEffect } from 'react';
import { listenForProgress } from './features/authorize/authorize-store';
import { useLibraryStore } from './features/library/library-store';
import { selectProfileIndex } from './features/profiles/profile-index';
import { Sidebar } from './features/profiles/Sidebar';
import { selectEnvironment, useProfileStore } from './features/profile-form/profile-store';
import { Banners } from './features/workspace/Banners';
import { startView } from './features/workspace/start-view';
import { ToastHost } from './features/workspace/ToastHost';
import { useViewStore } from './features/workspace/view-store';
import { Dialogs, Workspace } from './features/workspace/Workspace';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The quick exchange's environment, shown in the header while that view is open. */
function EnvironmentBadge() {
  const environment = useProfileStore(selectEnvironment);
  const quick = useViewStore((s) => s.view.kind === 'quick');
  if (!environment || !quick) return null;
  return (
    <p className="environment" data-testid="environment-in-use">
      <span className="environment-name">{environment.name}</span>
      {environment.tokenUrl && (
        <span className="environment-host">{hostOf(environment.tokenUrl)}</span>
      )}
    </p>
  );
}

/** The window: header, the profiles sidebar, and the view it picked. */
export function App() {
  const load = useProfileStore((s) => s.load);
  const loadLibrary = useLibraryStore((s) => s.load);
  const libraryReady = useLibraryStore((s) => s.loadStatus === 'ready');

  useEffect(() => {
    void load();
    void loadLibrary();
  }, [load, loadLibrary]);

  // A returning user starts on their last profile; a new one on the quick exchange.
  useEffect(() => {
    if (!libraryReady) return;
    const library = useLibraryStore.getState();
    useViewStore.getState().start(startView(selectProfileIndex(library), library.settings));
  }, [libraryReady]);

  // Subscribed before any sign-in starts: main can report a flow before authorize:start answers.
  useEffect(() => listenForProgress(), []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Token Workbench</h1>
        <EnvironmentBadge />
      </header>
      <div className="app-body">
        <Sidebar />
        <main className="workspace">
          <Banners />
          <Workspace />
        </main>
      </div>
      <ToastHost />
      <Dialogs />
    </div>
  );
}
