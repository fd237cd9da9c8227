import { create } from 'zustand';

/** What the main area shows. Library views carry the entity being edited (null: a new one). */
export type View =
  | { kind: 'quick' }
  | { kind: 'profile'; id: string }
  | { kind: 'new-profile' }
  | { kind: 'environments'; id: string | null }
  | { kind: 'clients'; id: string | null }
  | { kind: 'logins'; id: string | null };

export type DialogKind = 'import' | 'export';

interface ViewState {
  view: View;
  dialog: DialogKind | null;
  /** True once the person navigated, so the start view chosen after loading does not override. */
  navigated: boolean;
  show: (view: View) => void;
  /** Picks the start view without counting as the person's navigation. */
  start: (view: View) => void;
  openDialog: (dialog: DialogKind) => void;
  closeDialog: () => void;
}

const initialState = {
  view: { kind: 'quick' } as View,
  dialog: null as DialogKind | null,
  navigated: false,
};

export const useViewStore = create<ViewState>()((set, get) => ({
  ...initialState,

  show: (view) => set({ view, navigated: true }),

  start: (view) => {
    if (!get().navigated) set({ view });
  },

  openDialog: (dialog) => set({ dialog }),

  closeDialog: () => set({ dialog: null }),
}));

/** The id of the profile on screen, or null when another view is shown. */
export function selectOpenProfileId(state: ViewState): string | null {
  return state.view.kind === 'profile' ? state.view.id : null;
}

/** Back to the quick exchange with no dialog; for tests. */
export function resetViewStore(): void {
  useViewStore.setState(initialState);
}
