import { create } from 'zustand';
import type {
  AppInfo,
  AppView,
  ClientView,
  EntityKind,
  EntitySave,
  EnvironmentInfo,
  LoginView,
  ProfileView,
  SettingsView,
  StoreSnapshot,
} from '../../../../preload/contract';
import { failureMessage, workbench } from '../../lib/bridge';

type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** A deleted entity, hidden now and sent to main once Undo is no longer offered. */
export interface PendingDelete {
  kind: EntityKind;
  id: string;
}

export interface LibraryState {
  environments: EnvironmentInfo[];
  clients: ClientView[];
  apps: AppView[];
  logins: LoginView[];
  /** Every saved profile, pending deletes included (the visible* selectors hide those). */
  profiles: ProfileView[];
  settings: SettingsView;
  recovery: StoreSnapshot['recovery'];
  recoveryDismissed: boolean;
  appInfo: AppInfo | null;
  loadStatus: LoadStatus;
  loadError: string | null;
  pendingDelete: PendingDelete | null;
  /** Ids whose delete is on its way to main; hidden like a pending delete. */
  deleting: string[];
  /** A save is on its way to main; another save waits for it (checked in the action). */
  saving: boolean;
  /** A duplicate is on its way to main. */
  duplicating: boolean;
  /** Fetches the snapshot and app info once. */
  load: () => Promise<void>;
  /** Fetches the snapshot again (after an import, say). */
  reload: () => Promise<void>;
  /**
   * Saves one entity; resolves with its id, null when another save is still running (two
   * submits in one frame), or rejects with main's WorkbenchCallError.
   */
  save: (request: EntitySave) => Promise<string | null>;
  /** Resolves with the copy's id, or null when a duplicate is already running. */
  duplicateProfile: (id: string) => Promise<string | null>;
  /** Hides an entity until commitDelete or undoDelete; returns the pending delete it replaces. */
  markDeleted: (pending: PendingDelete) => PendingDelete | null;
  undoDelete: () => void;
  /** Sends a delete to main; rejects with main's error, and the entity shows again. */
  commitDelete: (pending: PendingDelete) => Promise<void>;
  /** Lets main save secrets although the OS keeps them as plain text. */
  allowPlainTextSecrets: () => Promise<void>;
  rememberProfile: (id: string) => void;
  dismissRecovery: () => void;
}

const initialState = {
  environments: [] as EnvironmentInfo[],
  clients: [] as ClientView[],
  apps: [] as AppView[],
  logins: [] as LoginView[],
  profiles: [] as ProfileView[],
  settings: { allowPlainTextSecrets: false, plainTextBackend: false } as SettingsView,
  recovery: null as StoreSnapshot['recovery'],
  recoveryDismissed: false,
  appInfo: null as AppInfo | null,
  loadStatus: 'idle' as LoadStatus,
  loadError: null as string | null,
  pendingDelete: null as PendingDelete | null,
  deleting: [] as string[],
  saving: false,
  duplicating: false,
};

function fromSnapshot(snapshot: StoreSnapshot) {
  return {
    environments: snapshot.environments,
    clients: snapshot.clients,
    apps: snapshot.apps,
    logins: snapshot.logins,
    profiles: snapshot.profiles,
    settings: snapshot.settings,
    recovery: snapshot.recovery,
  };
}

function samePending(a: PendingDelete | null, b: PendingDelete): boolean {
  return a !== null && a.id === b.id && a.kind === b.kind;
}

export const useLibraryStore = create<LibraryState>()((set, get) => ({
  ...initialState,

  load: async () => {
    // StrictMode mounts effects twice; one load is enough.
    if (get().loadStatus === 'loading' || get().loadStatus === 'ready') return;
    set({ loadStatus: 'loading', loadError: null });

    try {
      const api = workbench();
      const [snapshot, appInfo] = await Promise.all([
        api.invoke('store:snapshot', undefined),
        api.invoke('app:info', undefined),
      ]);
      set({ ...fromSnapshot(snapshot), appInfo, loadStatus: 'ready' });
    } catch (reason) {
      set({ loadStatus: 'failed', loadError: failureMessage(reason) });
    }
  },

  reload: async () => {
    const snapshot = await workbench().invoke('store:snapshot', undefined);
    set({ ...fromSnapshot(snapshot), loadStatus: 'ready', loadError: null });
  },

  // The flags are read and set in the same tick, before any await: a disabled button re-renders
  // a frame later, so a double click or two requestSubmit() calls would otherwise both get here.
  save: async (request) => {
    if (get().saving) return null;
    set({ saving: true });

    try {
      const { id, snapshot } = await workbench().invoke('entity:save', request);
      set(fromSnapshot(snapshot));
      return id;
    } finally {
      set({ saving: false });
    }
  },

  duplicateProfile: async (id) => {
    if (get().duplicating) return null;
    set({ duplicating: true });

    try {
      const copy = await workbench().invoke('profile:duplicate', { id });
      set(fromSnapshot(copy.snapshot));
      return copy.id;
    } finally {
      set({ duplicating: false });
    }
  },

  markDeleted: (pending) => {
    const previous = get().pendingDelete;
    set({ pendingDelete: pending });
    return previous;
  },

  undoDelete: () => set({ pendingDelete: null }),

  commitDelete: async (pending) => {
    // Still hidden while main works, so the row does not flash back before the new snapshot.
    set((s) => ({
      pendingDelete: samePending(s.pendingDelete, pending) ? null : s.pendingDelete,
      deleting: [...s.deleting, pending.id],
    }));

    try {
      const snapshot = await workbench().invoke('entity:delete', pending);
      set(fromSnapshot(snapshot));
    } finally {
      set((s) => ({ deleting: s.deleting.filter((id) => id !== pending.id) }));
    }
  },

  allowPlainTextSecrets: async () => {
    const settings = await workbench().invoke('settings:update', { allowPlainTextSecrets: true });
    set({ settings });
  },

  rememberProfile: (id) => {
    if (get().settings.lastProfileRef === id) return;
    // Best effort: the last profile only decides what opens first next time.
    void workbench()
      .invoke('settings:update', { lastProfileRef: id })
      .then((settings) => set({ settings }))
      .catch(() => undefined);
  },

  dismissRecovery: () => set({ recoveryDismissed: true }),
}));

/** Back to nothing loaded; for tests. */
export function resetLibraryStore(): void {
  useLibraryStore.setState(initialState);
}
