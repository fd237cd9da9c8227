import type { SettingsView } from '../../../../preload/contract';
import type { ProfileIndex } from '../profiles/profile-index';
import { rowsInOrder } from '../profiles/profile-index';
import type { View } from './view-store';

/** The last used profile, else the first in the sidebar; the quick exchange when there is none. */
export function startView(index: ProfileIndex, settings: SettingsView): View {
  const rows = rowsInOrder(index.groups);
  const last = rows.find((row) => row.id === settings.lastProfileRef);
  const first = last ?? rows[0];
  return first ? { kind: 'profile', id: first.id } : { kind: 'quick' };
}
