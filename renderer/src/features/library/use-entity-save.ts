import { useState } from 'react';
import type { EntitySave } from '../../../../preload/contract';
import { formFailure, localFailure } from './form-issues';
import type { FormFailure } from './form-issues';
import { useLibraryStore } from './library-store';

interface EntitySaveState {
  saving: boolean;
  failure: FormFailure | null;
  /** Counts successful saves, so a form can say "Saved" and reset its secret inputs. */
  savedCount: number;
  /** Saves; resolves with the id, or null when it failed (the failure is kept for the form). */
  submit: (request: EntitySave, localIssues?: Record<string, string>) => Promise<string | null>;
  setFailure: (failure: FormFailure | null) => void;
}

/** Save state for one entity form; `labels` names its fields so issues land under them. */
export function useEntitySave(labels: Record<string, string>): EntitySaveState {
  const save = useLibraryStore((s) => s.save);
  // The store's flag, not local state: it is set synchronously, so a second submit in the same
  // frame is refused there.
  const saving = useLibraryStore((s) => s.saving);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [savedCount, setSavedCount] = useState(0);

  const submit = async (request: EntitySave, localIssues: Record<string, string> = {}) => {
    const local = localFailure(localIssues);
    if (local) {
      setFailure(local);
      return null;
    }
    if (useLibraryStore.getState().saving) return null;
    setFailure(null);
    try {
      const id = await save(request);
      if (id !== null) setSavedCount((n) => n + 1);
      return id;
    } catch (reason) {
      setFailure(formFailure(reason, labels));
      return null;
    }
  };

  return { saving, failure, savedCount, submit, setFailure };
}
