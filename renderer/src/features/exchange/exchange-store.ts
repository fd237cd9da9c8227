import { create } from 'zustand';
import type {
  ExchangeOutcome,
  GrantType,
  ProfileDraft,
  ValidationIssue,
} from '../../../../preload/contract';
import { WorkbenchCallError } from '../../../../preload/api';
import { failureMessage, workbench } from '../../lib/bridge';
import { payloadIssues } from '../../lib/payload-issues';

/** A token outcome: what the history keeps. */
export type TokenOutcome = Extract<ExchangeOutcome, { status: 'token' }>;

/**
 * Tokens whose refresh token is used up: the id of the token a Refresh from it produced, or null
 * when main said it has no usable refresh token (Podio rotates them: one refresh each).
 */
export type SpentTokens = Record<string, string | null>;

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
  /** History tokens that cannot be refreshed again. */
  spent: SpentTokens;
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
  spent: {} as SpentTokens,
  seq: 0,
};

/**
 * A payload main's schema refused for the draft's fields (a value too long, say), as the
 * validation outcome the form already marks fields for; null for any other failure.
 */
export function payloadOutcome(reason: unknown, grant: GrantType): ExchangeOutcome | null {
  const issues = payloadIssues(reason);
  if (issues.length === 0) return null;
  return {
    status: 'error',
    grant,
    error: { kind: 'validation', message: 'Some fields were refused', issues },
  };
}

/** How a call ended: its outcome, or what it was rejected with. */
export type Settled = { ok: true; outcome: ExchangeOutcome } | { ok: false; reason: unknown };

/**
 * What a Refresh's ending says about the old token's refresh token: used up by the new token
 * (its id), dead by main's word (null: "no usable refresh token", "no longer kept"), or still
 * usable as far as is known (undefined).
 */
export function usedRefresh(settled: Settled | null): string | null | undefined {
  if (settled === null) return undefined;
  if (settled.ok) return settled.outcome.status === 'token' ? settled.outcome.tokenId : undefined;
  const { reason } = settled;
  const dead =
    reason instanceof WorkbenchCallError &&
    (reason.kind === 'validation' || reason.kind === 'not_found') &&
    payloadIssues(reason).length === 0;
  return dead ? null : undefined;
}

export const useExchangeStore = create<ExchangeState>()((set, get) => {
  const shown = (s: ExchangeState, outcome: ExchangeOutcome): Partial<ExchangeState> => ({
    seq: s.seq + 1,
    outcome,
    failure: null,
    history:
      outcome.status === 'token' ? [outcome, ...s.history].slice(0, HISTORY_LIMIT) : s.history,
  });

  /**
   * Runs one call and shows what it ended with; null when another call is running. A failure
   * replaces the shown result: an old token under "did not run" would read as this run's.
   * `grant` is the draft's, so a refused payload marks its fields; null for a Refresh.
   */
  const settle = async (
    call: () => Promise<ExchangeOutcome>,
    grant: GrantType | null,
  ): Promise<Settled | null> => {
    // One exchange at a time: the buttons are disabled too, this guards Enter and double clicks.
    if (get().running) return null;
    set({ running: true, failure: null });

    try {
      const outcome = await call();
      set((s) => ({ ...shown(s, outcome), running: false }));
      return { ok: true, outcome };
    } catch (reason) {
      const refused = grant === null ? null : payloadOutcome(reason, grant);
      if (refused) {
        set((s) => ({ ...shown(s, refused), running: false }));
      } else {
        set((s) => ({
          running: false,
          seq: s.seq + 1,
          outcome: null,
          failure: failureMessage(reason),
        }));
      }
      return { ok: false, reason };
    }
  };

  return {
    ...initialState,

    run: async (draft, grant) => {
      await settle(() => workbench().invoke('exchange:run', { draft, grant }), grant);
    },

    refresh: async (tokenId) => {
      const settled = await settle(() => workbench().invoke('exchange:refresh', { tokenId }), null);
      const used = usedRefresh(settled);
      if (used !== undefined) set((s) => ({ spent: { ...s.spent, [tokenId]: used } }));
    },

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
  return (
    state.history.find((t) => t.token.refreshToken !== null && !(t.tokenId in state.spent))
      ?.tokenId ?? null
  );
}

/** Back to no outcome and no history; for tests. */
export function resetExchangeStore(): void {
  useExchangeStore.setState(initialState);
}
