import { create } from 'zustand';
import type { ExchangeOutcome, GrantType, TokenView } from '../../../../preload/contract';
import { failureMessage, workbench } from '../../lib/bridge';
import { usedRefresh } from '../exchange/exchange-store';
import type { Settled, SpentTokens, TokenOutcome } from '../exchange/exchange-store';

type HistoryStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** One profile's results: kept apart per profile so one profile never shows another's token. */
export interface ProfileResult {
  running: boolean;
  /** The latest exchange's outcome in this session. */
  outcome: ExchangeOutcome | null;
  /** When the call itself failed (no outcome came back), a sentence saying why. */
  failure: string | null;
  /** Counts settled exchanges, so views can key on "a new result". */
  seq: number;
  /** The profile's kept tokens, newest first, as main lists them. */
  history: TokenView[];
  historyStatus: HistoryStatus;
  historyError: string | null;
  /** The history token picked for the result pane; null shows the latest outcome. */
  shownTokenId: string | null;
  /** Tokens received in this session, by id, so picking one shows its decoded fields. */
  live: Record<string, TokenOutcome>;
  /** What the failure is of: a Refresh of a kept token, or an exchange. */
  failedCall: 'exchange' | 'refresh';
  /**
   * Kept tokens whose refresh token is used up: by a Refresh in this session (the new token's
   * id), or as main's list says (`refreshed`, null here: the newer token may be gone).
   */
  spent: SpentTokens;
}

export const EMPTY_RESULT: ProfileResult = {
  running: false,
  outcome: null,
  failure: null,
  failedCall: 'exchange',
  seq: 0,
  history: [],
  historyStatus: 'idle',
  historyError: null,
  shownTokenId: null,
  live: {},
  spent: {},
};

interface ResultsState {
  byProfile: Record<string, ProfileResult>;
  /** Fetches the profile's kept tokens. */
  loadHistory: (profileId: string) => Promise<void>;
  /** Runs profile:exchange; the outcome lands with this profile even if another is on screen. */
  exchange: (profileId: string, grant: GrantType) => Promise<void>;
  /** Takes an outcome that arrived another way (a browser sign-in) for a profile. */
  receive: (profileId: string, outcome: ExchangeOutcome) => void;
  /** Exchanges a kept token's refresh token; the new token joins this profile's history. */
  refresh: (profileId: string, tokenId: string) => Promise<void>;
  /** Shows a history token in the result pane. */
  showToken: (profileId: string, tokenId: string) => void;
  deleteToken: (profileId: string, tokenId: string) => Promise<void>;
  /** Drops everything kept for a profile (it was deleted). */
  forget: (profileId: string) => void;
}

export const useProfileResultsStore = create<ResultsState>()((set, get) => {
  const patch = (profileId: string, change: (r: ProfileResult) => Partial<ProfileResult>) =>
    set((s) => {
      const before = s.byProfile[profileId] ?? EMPTY_RESULT;
      return { byProfile: { ...s.byProfile, [profileId]: { ...before, ...change(before) } } };
    });

  const settled = (profileId: string, outcome: ExchangeOutcome) =>
    patch(profileId, (r) => ({
      running: false,
      failure: null,
      outcome,
      seq: r.seq + 1,
      shownTokenId: outcome.status === 'token' ? outcome.tokenId : null,
      live: outcome.status === 'token' ? { ...r.live, [outcome.tokenId]: outcome } : r.live,
    }));

  /**
   * Runs one call for a profile; null when one is running already. A failed call replaces the
   * shown result (the picked token included): an older one under it would read as this run's.
   */
  const settle = async (
    profileId: string,
    call: () => Promise<ExchangeOutcome>,
    failedCall: ProfileResult['failedCall'] = 'exchange',
  ): Promise<Settled | null> => {
    // One exchange per profile at a time: the button is disabled too, this guards Enter.
    if (get().byProfile[profileId]?.running) return null;
    patch(profileId, () => ({ running: true, failure: null }));

    try {
      const outcome = await call();
      settled(profileId, outcome);
      if (outcome.status === 'token') await get().loadHistory(profileId);
      return { ok: true, outcome };
    } catch (reason) {
      patch(profileId, (r) => ({
        running: false,
        seq: r.seq + 1,
        outcome: null,
        shownTokenId: null,
        failure: failureMessage(reason),
        failedCall,
      }));
      return { ok: false, reason };
    }
  };

  return {
    byProfile: {},

    loadHistory: async (profileId) => {
      patch(profileId, () => ({ historyStatus: 'loading', historyError: null }));
      try {
        const history = await workbench().invoke('tokens:list', { profileId });
        patch(profileId, (r) => ({
          history,
          historyStatus: 'ready',
          spent: withRefreshed(r, history),
        }));
      } catch (reason) {
        patch(profileId, () => ({ historyStatus: 'failed', historyError: failureMessage(reason) }));
      }
    },

    exchange: async (profileId, grant) => {
      await settle(profileId, () => workbench().invoke('profile:exchange', { profileId, grant }));
    },

    receive: (profileId, outcome) => {
      settled(profileId, outcome);
      if (outcome.status === 'token') void get().loadHistory(profileId);
    },

    refresh: async (profileId, tokenId) => {
      const ended = await settle(
        profileId,
        () => workbench().invoke('exchange:refresh', { tokenId }),
        'refresh',
      );
      // Only a Refresh that made a new token marks the old one here. A refused one is not guessed
      // at: main also refuses a token the profile no longer points at (another token URL or
      // client), whose refresh token is not used up; main's own `refreshed` comes with the list.
      const used = usedRefresh(ended);
      if (ended?.ok && typeof used === 'string') {
        patch(profileId, (r) => ({ spent: { ...r.spent, [tokenId]: used } }));
      }
      if (ended?.ok === false) await get().loadHistory(profileId);
    },

    // Picking a token is the person's next step after a failure: it replaces the failure.
    showToken: (profileId, tokenId) =>
      patch(profileId, () => ({ shownTokenId: tokenId, failure: null })),

    deleteToken: async (profileId, tokenId) => {
      const history = await workbench().invoke('tokens:delete', { id: tokenId });
      patch(profileId, (r) => {
        const live = { ...r.live };
        delete live[tokenId];
        const wasLatest = r.outcome?.status === 'token' && r.outcome.tokenId === tokenId;
        return {
          history,
          live,
          outcome: wasLatest ? null : r.outcome,
          shownTokenId: r.shownTokenId === tokenId ? null : r.shownTokenId,
        };
      });
    },

    forget: (profileId) =>
      set((s) => {
        const byProfile = { ...s.byProfile };
        delete byProfile[profileId];
        return { byProfile };
      }),
  };
});

/** The session's marks, plus a null mark for each token main lists as refreshed. */
function withRefreshed(result: ProfileResult, history: TokenView[]): SpentTokens {
  const spent = { ...result.spent };
  for (const token of history) {
    if (token.refreshed && !(token.id in spent)) spent[token.id] = null;
  }
  return spent;
}

/** What the result pane shows for a profile. */
export type ShownResult =
  | { kind: 'live'; outcome: TokenOutcome }
  | { kind: 'stored'; token: TokenView }
  | { kind: 'outcome'; outcome: ExchangeOutcome }
  | { kind: 'none' };

/**
 * The picked token (decoded when it came in this session), else the latest outcome, else the
 * newest kept token: a profile opened in a new session still shows its latest result.
 */
export function shownResult(result: ProfileResult): ShownResult {
  const picked = result.shownTokenId;
  if (picked !== null) {
    const live = result.live[picked];
    if (live) return { kind: 'live', outcome: live };
    const stored = result.history.find((t) => t.id === picked);
    if (stored) return { kind: 'stored', token: stored };
  }
  if (result.outcome) return { kind: 'outcome', outcome: result.outcome };
  const newest = result.history[0];
  if (newest) {
    const live = result.live[newest.id];
    return live ? { kind: 'live', outcome: live } : { kind: 'stored', token: newest };
  }
  return { kind: 'none' };
}

/** The newest kept token with a refresh token not used up yet, for the "Refresh token" grant. */
export function refreshableTokenId(result: ProfileResult): string | null {
  return result.history.find((t) => t.hasRefreshToken && !(t.id in result.spent))?.id ?? null;
}

/** No results for any profile; for tests. */
export function resetProfileResultsStore(): void {
  useProfileResultsStore.setState({ byProfile: {} });
}
