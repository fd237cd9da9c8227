import type { EntityKind } from '../../../../preload/contract';
import { failureMessage } from '../../lib/bridge';
import { UNDO_MS, useToastStore } from '../workspace/toast-store';
import { inUseMessage, usersOf } from './library-selectors';
import { useLibraryStore } from './library-store';

interface DeleteRequest {
  kind: EntityKind;
  id: string;
  /** The name the toast quotes. */
  name: string;
  /** Runs once main has deleted it (e.g. to drop a profile's results). */
  onDeleted?: () => void;
  /** Runs after Undo brought it back (e.g. to show it again). */
  onUndo?: () => void;
  /** Put focus on Undo (the delete came from the keyboard and its button goes away). */
  focusUndo?: boolean;
}

/**
 * Deletes with Undo: the entity is hidden at once and main is told only when the Undo toast
 * expires or another toast replaces it, so Undo brings it back whole (a profile's token history
 * included, which main would drop with it). Returns a sentence when the delete is refused
 * because something still uses the entity, or null.
 * Limitation: closing the window while Undo is on offer keeps the entity.
 */
export function deleteWithUndo({
  kind,
  id,
  name,
  onDeleted,
  onUndo,
  focusUndo = false,
}: DeleteRequest): string | null {
  const library = useLibraryStore.getState();
  const users = usersOf(library, kind, id);
  if (users.length > 0) return inUseMessage(kind, users);

  const pending = { kind, id };
  library.markDeleted(pending);
  const toast = useToastStore.getState();

  toast.show({
    message: `Deleted ${kind} "${name}".`,
    actionLabel: 'Undo',
    durationMs: UNDO_MS,
    focusAction: focusUndo,
    onAction: () => {
      useLibraryStore.getState().undoDelete();
      onUndo?.();
    },
    onExpire: () => {
      useLibraryStore
        .getState()
        .commitDelete(pending)
        .then(onDeleted)
        .catch((reason: unknown) =>
          useToastStore.getState().show({
            message: `Could not delete ${kind} "${name}": ${failureMessage(reason)}`,
            tone: 'error',
          }),
        );
    },
  });
  return null;
}
