import { create } from 'zustand';
import type {
  AuthorizeOptions,
  AuthorizePhase,
  AuthorizeProgress,
  AuthorizeStarted,
  ProfileDraft,
} from '../../../../preload/contract';
import { failureMessage, hasBridge, workbench } from '../../lib/bridge';
import { payloadOutcome, useExchangeStore } from '../exchange/exchange-store';
import { issueText } from '../profile-form/grants';
import { useLibraryStore } from '../library/library-store';
import { useProfileResultsStore } from '../profiles/profile-results-store';
import { DEFAULT_SIGN_IN_FORM } from './sign-in-options';
import type { SignInForm } from './sign-in-options';
import type { SignInContext } from './sign-in-text';

const TERMINAL: ReadonlySet<AuthorizePhase> = new Set(['done', 'failed', 'cancelled']);

/** Whether a phase ends the flow: done, failed or cancelled. */
export function isTerminal(phase: AuthorizePhase): boolean {
  return TERMINAL.has(phase);
}

interface AuthorizeState {
  /** The browser sign-in settings as typed. */
  form: SignInForm;
  /** authorize:start is on its way; the flow id is not known yet. */
  starting: boolean;
  /** The running (or last) sign-in, as authorize:start answered. */
  flow: AuthorizeStarted | null;
  /** The saved profile the sign-in is for; null for the quick exchange. */
  target: string | null;
  /** The environment and path mode the sign-in started with, for the register hint. */
  context: SignInContext | null;
  /** The latest progress of that flow; null until the first event. */
  progress: AuthorizeProgress | null;
  /** Progress that arrived before authorize:start answered, latest per flow id. */
  early: Record<string, AuthorizeProgress>;
  cancelling: boolean;
  /** authorize:start or authorize:cancel itself failed: the sentence main answered. */
  error: string | null;
  setForm: (patch: Partial<SignInForm>) => void;
  /** Starts a browser sign-in; the previous flow's panel and the shown result are cleared. */
  start: (draft: ProfileDraft, options: AuthorizeOptions) => Promise<void>;
  /** Starts a saved profile's browser sign-in; its token joins that profile's results. */
  startForProfile: (profileId: string, options: AuthorizeOptions) => Promise<void>;
  /** Asks main to stop the running flow; its 'cancelled' progress event ends it here. */
  cancel: () => Promise<void>;
  /**
   * Drops a sign-in that ended (or never started) from the pane of `target`, when another
   * exchange takes the pane over; one still waiting for the browser stays.
   */
  dismissEnded: (target: string | null) => void;
  /** Applies one authorize:progress event; an ending with an outcome goes to the result pane. */
  handleProgress: (event: AuthorizeProgress) => void;
}

// Limitation: the sign-in settings live in memory for this session; they are not saved with a
// profile (the client's fixed port and redirect URI in the store come with saved profiles).
const initialState = {
  form: DEFAULT_SIGN_IN_FORM,
  starting: false,
  flow: null as AuthorizeStarted | null,
  target: null as string | null,
  context: null as SignInContext | null,
  progress: null as AuthorizeProgress | null,
  early: {} as Record<string, AuthorizeProgress>,
  cancelling: false,
  error: null as string | null,
};

/**
 * Why a sign-in did not start, in one sentence. A quick sign-in's draft field main refused (a
 * value too long) is also marked on the form, through the exchange store's validation outcome.
 */
function startFailure(target: string | null, reason: unknown): string {
  const refused = payloadOutcome(reason, 'authorization_code');
  if (refused?.status !== 'error' || refused.error.kind !== 'validation') {
    return failureMessage(reason);
  }
  if (target === null) useExchangeStore.getState().showOutcome(refused);
  const issues = refused.error.issues.map((issue) => issueText(issue.field, issue.message));
  return `${issues.join('; ')}.`;
}

// Limitation: one sign-in is shown at a time; starting one (quick or for a profile) drops the
// panel of the one before, whose listener main closes on its own timeout.
export const useAuthorizeStore = create<AuthorizeState>()((set, get) => {
  const begin = async (
    target: string | null,
    context: SignInContext,
    call: () => Promise<AuthorizeStarted>,
  ) => {
    set({
      starting: true,
      flow: null,
      target,
      context,
      progress: null,
      early: {},
      cancelling: false,
      error: null,
    });

    try {
      const flow = await call();
      const early = get().early[flow.flowId];
      set({ starting: false, flow, early: {} });
      if (early) get().handleProgress(early);
    } catch (reason) {
      set({ starting: false, early: {}, error: startFailure(target, reason) });
    }
  };

  return {
    ...initialState,

    setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),

    start: async (draft, options) => {
      if (get().starting) return;
      // A new sign-in owns the result pane: an old token or error there would read as its result.
      useExchangeStore.getState().clear();
      const context = { environmentId: draft.environmentId, exactPath: options.exactPath };
      await begin(null, context, () => workbench().invoke('authorize:start', { draft, options }));
    },

    startForProfile: async (profileId, options) => {
      if (get().starting) return;
      const profile = useLibraryStore.getState().profiles.find((p) => p.id === profileId);
      const context = {
        environmentId: profile?.environmentRef ?? null,
        exactPath: options.exactPath,
      };
      await begin(profileId, context, () =>
        workbench().invoke('profile:authorize', { profileId, options }),
      );
    },

    cancel: async () => {
      const { flow, progress, cancelling } = get();
      if (!flow || cancelling || (progress && isTerminal(progress.phase))) return;
      set({ cancelling: true });

      try {
        await workbench().invoke('authorize:cancel', { flowId: flow.flowId });
        // Limitation: { cancelled: false } (the flow had just ended) is not shown; the flow's own
        // terminal event, already on its way, says how it ended.
        set({ cancelling: false });
      } catch (reason) {
        set({
          cancelling: false,
          error: `Could not cancel the sign-in: ${failureMessage(reason)}`,
        });
      }
    },

    dismissEnded: (target) => {
      const { flow, progress, starting, target: shownFor } = get();
      if (shownFor !== target || starting) return;
      if (flow && !(progress && isTerminal(progress.phase))) return;
      set({ flow: null, progress: null, error: null, cancelling: false });
    },

    handleProgress: (event) => {
      const { flow, progress, starting } = get();

      if (flow?.flowId !== event.flowId) {
        // Main may report a flow before authorize:start's reply names it; keep it until then.
        // Events of other flows (one this start replaced, say) are dropped.
        if (starting) set((s) => ({ early: { ...s.early, [event.flowId]: event } }));
        return;
      }

      // A flow ends once; anything after its ending would only repeat or contradict it.
      if (progress && isTerminal(progress.phase)) return;
      set({ progress: event });

      if (isTerminal(event.phase) && event.outcome) {
        const { target } = get();
        if (target === null) useExchangeStore.getState().showOutcome(event.outcome);
        else useProfileResultsStore.getState().receive(target, event.outcome);
      }
    },
  };
});

/** The phase shown: before the first event a started flow is waiting for the browser. */
export function selectPhase(state: AuthorizeState): AuthorizePhase | null {
  if (!state.flow) return null;
  return state.progress?.phase ?? 'waiting_for_browser';
}

/**
 * Subscribes to authorize:progress for the app's lifetime; returns the unsubscribe. Without the
 * bridge it does nothing: the form's load already says the bridge is missing.
 */
export function listenForProgress(): () => void {
  if (!hasBridge()) return () => {};
  return workbench().on('authorize:progress', (event) =>
    useAuthorizeStore.getState().handleProgress(event),
  );
}

/** Back to no flow and the default settings; for tests. */
export function resetAuthorizeStore(): void {
  useAuthorizeStore.setState(initialState);
}
