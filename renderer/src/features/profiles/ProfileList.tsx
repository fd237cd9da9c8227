import { memo, useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import type { ProfileGroup, ProfileRow } from './profile-index';
import { rowsInOrder } from './profile-index';

/** The DOM id of a profile's option, for focus moves. */
export function optionId(profileId: string): string {
  return `profile-option-${profileId}`;
}

interface OptionProps {
  row: ProfileRow;
  selected: boolean;
  /** The one option reachable with Tab (roving tabindex). */
  tabbable: boolean;
  onOpen: (id: string) => void;
}

// Memoised: typing in the search box re-renders the list, not the thousand rows it keeps.
const ProfileOption = memo(function ProfileOption({
  row,
  selected,
  tabbable,
  onOpen,
}: OptionProps) {
  const detailId = `${optionId(row.id)}-detail`;
  return (
    <div
      id={optionId(row.id)}
      role="option"
      className="profile-option"
      aria-selected={selected}
      aria-label={row.name}
      aria-describedby={row.detail ? detailId : undefined}
      tabIndex={tabbable ? 0 : -1}
      data-profile-id={row.id}
      onClick={() => onOpen(row.id)}
    >
      <span className="profile-option-name">{row.name}</span>
      {row.detail && (
        <span id={detailId} className="profile-option-detail">
          {row.detail}
        </span>
      )}
    </div>
  );
});

const ProfileGroupView = memo(function ProfileGroupView({
  group,
  selectedId,
  tabbableId,
  onOpen,
}: {
  group: ProfileGroup;
  selectedId: string | null;
  tabbableId: string | null;
  onOpen: (id: string) => void;
}) {
  return (
    <div role="group" aria-label={group.label} className="profile-group">
      <div className="profile-group-label" aria-hidden="true" title={group.label}>
        {group.label}
      </div>
      {group.rows.map((row) => (
        <ProfileOption
          key={row.id}
          row={row}
          selected={row.id === selectedId}
          tabbable={row.id === tabbableId}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
});

interface ProfileListProps {
  groups: ProfileGroup[];
  selectedId: string | null;
  onOpen: (id: string) => void;
}

/** Focuses a profile's option and keeps it in view; false when it is not on screen. */
export function focusOption(profileId: string): boolean {
  const element = document.getElementById(optionId(profileId));
  if (!element) return false;
  element.focus();
  element.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/**
 * The saved profiles as a listbox grouped by environment and client. Arrow keys, Home and End
 * move the focus; Enter or Space opens the focused profile.
 * Limitation: every option is in the DOM (no windowing), so each stays findable by name; memoised
 * rows and CSS content-visibility keep 1,000 of them cheap to filter and scroll.
 */
export function ProfileList({ groups, selectedId, onOpen }: ProfileListProps) {
  const rows = useMemo(() => rowsInOrder(groups), [groups]);
  const tabbableId =
    selectedId !== null && rows.some((r) => r.id === selectedId)
      ? selectedId
      : (rows[0]?.id ?? null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const current = target.dataset.profileId;
    if (current === undefined) return;
    const at = rows.findIndex((r) => r.id === current);
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = Math.min(at + 1, rows.length - 1);
        break;
      case 'ArrowUp':
        next = Math.max(at - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = rows.length - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        onOpen(current);
        return;
      default:
        return;
    }
    event.preventDefault();
    const row = rows[next];
    if (row) focusOption(row.id);
  };

  return (
    <div role="listbox" aria-label="Saved profiles" className="profile-list" onKeyDown={onKeyDown}>
      {groups.map((group) => (
        <ProfileGroupView
          key={group.key}
          group={group}
          selectedId={selectedId}
          tabbableId={tabbableId}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
}
