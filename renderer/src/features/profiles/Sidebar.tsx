import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { SEARCH_MAX } from '../../lib/input-limits';
import { useLibraryStore } from '../library/library-store';
import { selectOpenProfileId, useViewStore } from '../workspace/view-store';
import type { View } from '../workspace/view-store';
import { countText, filterProfileIndex, rowsInOrder, selectProfileIndex } from './profile-index';
import { focusOption, ProfileList } from './ProfileList';

function NavButton({
  label,
  current,
  onClick,
}: {
  label: string;
  current: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="list-button nav-button"
      aria-current={current ? 'page' : undefined}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

const LIBRARY: ReadonlyArray<{ label: string; kind: 'environments' | 'clients' | 'logins' }> = [
  { label: 'Environments', kind: 'environments' },
  { label: 'Clients', kind: 'clients' },
  { label: 'Logins', kind: 'logins' },
];

/** The left column: quick exchange, profile search and list, the library, import and export. */
export function Sidebar() {
  const index = useLibraryStore(selectProfileIndex);
  const loadStatus = useLibraryStore((s) => s.loadStatus);
  const loadError = useLibraryStore((s) => s.loadError);
  const view = useViewStore((s) => s.view);
  const openProfileId = useViewStore(selectOpenProfileId);
  const show = useViewStore((s) => s.show);
  const openDialog = useViewStore((s) => s.openDialog);
  const [query, setQuery] = useState('');
  // Typing stays responsive with a thousand profiles: the list catches up a frame later.
  const deferredQuery = useDeferredValue(query);
  const filtered = useMemo(() => filterProfileIndex(index, deferredQuery), [index, deferredQuery]);

  const openProfile = useCallback((id: string) => show({ kind: 'profile', id }), [show]);
  const go = (next: View) => () => show(next);

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      const first = rowsInOrder(filtered.groups)[0];
      if (first && focusOption(first.id)) event.preventDefault();
    } else if (event.key === 'Enter') {
      // Enter in the search opens the only or first match, as a launcher would.
      const first = rowsInOrder(filtered.groups)[0];
      if (first) openProfile(first.id);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
    }
  };

  return (
    <nav aria-label="Profiles" className="sidebar">
      <div className="sidebar-top">
        <NavButton
          label="Quick exchange"
          current={view.kind === 'quick'}
          onClick={go({ kind: 'quick' })}
        />
        <div className="sidebar-search">
          <input
            type="search"
            aria-label="Search profiles"
            placeholder="Search profiles"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
            maxLength={SEARCH_MAX}
            spellCheck={false}
            autoComplete="off"
          />
          <button
            type="button"
            className="button button--small"
            aria-current={view.kind === 'new-profile' ? 'page' : undefined}
            onClick={go({ kind: 'new-profile' })}
          >
            New profile
          </button>
        </div>
        <p className="profile-count" data-testid="profile-count" aria-live="polite">
          {loadStatus === 'failed' ? 'Profiles unavailable' : countText(filtered)}
        </p>
      </div>

      <div className="sidebar-list">
        {loadStatus === 'failed' && <p className="hint sidebar-note">{loadError}</p>}
        {loadStatus === 'ready' && index.total === 0 && (
          <p className="hint sidebar-note">
            No saved profiles yet. Add a client, then press New profile.
          </p>
        )}
        {index.total > 0 && filtered.shown === 0 && (
          <p className="hint sidebar-note">No profile matches “{deferredQuery.trim()}”.</p>
        )}
        <ProfileList groups={filtered.groups} selectedId={openProfileId} onOpen={openProfile} />
      </div>

      <div className="sidebar-bottom">
        <div className="sidebar-library" role="group" aria-label="Library">
          {LIBRARY.map(({ label, kind }) => (
            <NavButton
              key={kind}
              label={label}
              current={view.kind === kind}
              onClick={go({ kind, id: null })}
            />
          ))}
        </div>
        <div className="sidebar-transfer">
          <button
            type="button"
            className="button button--small"
            onClick={() => openDialog('import')}
          >
            Import…
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => openDialog('export')}
          >
            Export…
          </button>
        </div>
      </div>
    </nav>
  );
}
