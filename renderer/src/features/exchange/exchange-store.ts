import { create } from 'zustand';
import type {
  ExchangeOutcome,
  GrantType,
  ProfileDraft,
  ValidationIssue,
} from '../../../../preload/contract';
import { failureMessage, workbench } from '../../lib/bridge';

/** A token outcome: what the history keeps. */
export type TokenOutcome = Extract<ExchangeOutcome, { status: 'token' }>;

// Limitation: history lives in memory for this session only; stored history comes later.
const HISTORY_LIMIT = 50;

interface ExchangeState {
  running: boolean;
  /** What the result pane shows: the latest outcome, or a token picked from history. */
  outcome: ExchangeOutcome | null;
  /** This session's tokens, newest first. */
  history: TokenOutcome[];
  /** Counts settled exchanges, so views can key on "a new result" and drop stale local state. */
  seq: number;
  /** When the call itself failed (no outcome came back), a sentence saying why. */
  failure: string | null;
  /** Runs one exchange with the draft and grant. */
  run: (draft: ProfileDraft, grant: GrantType) => Promise<void>;
  /** Exchanges a kept token's refresh token for a new token. */
  refresh: (tokenId: string) => Promise<void>;
  /** Shows a token from the history. */
  show: (tokenId: string) => void;
  /** Shows an outcome that arrived another way (a browser sign-in), as if run had produced it. */
  showOutcome: (outcome: ExchangeOutcome) => void;
  /** Empties the result pane (history stays), e.g. when a browser sign-in starts. */
  clear: () => void;
}

const initialState = {
  running: false,
  outcome: null as ExchangeOutcome | null,
  history: [] as TokenOutcome[],
  failure: null as string | null,
  seq: 0,
};

export const useExchangeStore = create<ExchangeState>()((set, get) => {
  const shown = (s: ExchangeState, outcome: ExchangeOutcome): Partial<ExchangeState> => ({
    seq: s.seq + 1,
    outcome,
    failure: null,
    history:
      outcome.status === 'token' ? [outcome, ...s.history].slice(0, HISTORY_LIMIT) : s.history,
  });

  const settle = async (call: () => Promise<ExchangeOutcome>): Promise<void> => {
    // One exchange at a time: the buttons are disabled too, this guards Enter and double clicks.
    if (get().running) return;
    set({ running: true, failure: null });

    try {
      const outcome = await call();
      set((s) => ({ ...shown(s, outcome), running: false }));
    } catch (reason) {
      set((s) => ({ running: false, seq: s.seq + 1, failure: failureMessage(reason) }));
    }
  };

  return {
    ...initialState,

    run: (draft, grant) => settle(() => workbench().invoke('exchange:run', { draft, grant })),

    refresh: (tokenId) => settle(() => workbench().invoke('exchange:refresh', { tokenId })),

    show: (tokenId) => {
      const picked = get().history.find((t) => t.tokenId === tokenId);
      if (picked) set({ outcome: picked, failure: null });
    },

    showOutcome: (outcome) => set((s) => shown(s, outcome)),

    clear: () => set((s) => ({ outcome: null, failure: null, seq: s.seq + 1 })),
  };
});

const NO_ISSUES: ValidationIssue[] = [];

/** The validation issues of the shown outcome (a stable empty array when there are none). */
export function selectIssues(state: ExchangeState): ValidationIssue[] {
  const { outcome } = state;
  if (outcome?.status === 'error' && outcome.error.kind === 'validation') {
    return outcome.error.issues;
  }
  return NO_ISSUES;
}

/** The newest token that can be refreshed, for the "Refresh token" grant. */
export function selectRefreshableTokenId(state: ExchangeState): string | null {
  return state.history.find((t) => t.token.refreshToken !== null)?.tokenId ?? null;
}

/** Back to no outcome and no history; for tests. */
export function resetExchangeStore(): void {
  useExchangeStore.setState(initialState);
}
