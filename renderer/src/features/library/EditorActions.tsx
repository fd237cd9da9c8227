import type { MouseEvent } from 'react';

interface EditorActionsProps {
  /** The entity's name in the buttons: "Save client", "Delete client". */
  noun: string;
  saving: boolean;
  /** Null for an entity not saved yet: nothing to delete. The event tells keyboard from mouse. */
  onDelete: ((event: MouseEvent) => void) | null;
  /** The polite status after the buttons ("Saved", "Unsaved changes", or nothing). */
  note: string;
}

/** Save and Delete for a library editor, with the saved note read out politely. */
export function EditorActions({ noun, saving, onDelete, note }: EditorActionsProps) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button--accent" disabled={saving}>
        {saving ? 'Saving…' : `Save ${noun}`}
      </button>
      {onDelete && (
        <button type="button" className="button button--danger" onClick={onDelete}>
          Delete {noun}
        </button>
      )}
      <span className="saved-note" aria-live="polite">
        {note}
      </span>
    </div>
  );
}
