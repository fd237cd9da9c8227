import { create } from 'zustand';
import type {
  EnvironmentInfo,
  GrantType,
  ProfileDraft,
  SandboxInfo,
} from '../../../../preload/contract';
import { failureMessage, workbench } from '../../lib/bridge';

export const EMPTY_DRAFT: ProfileDraft = {
  environmentId: '',
  clientId: '',
  clientSecret: '',
  username: '',
  password: '',
  appId: '',
  appToken: '',
  code: '',
  redirectUri: '',
};

type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

interface ProfileState {
  draft: ProfileDraft;
  grant: GrantType;
  environments: EnvironmentInfo[];
  sandbox: SandboxInfo | null;
  loadStatus: LoadStatus;
  loadError: string | null;
  setField: (field: keyof ProfileDraft, value: string) => void;
  setGrant: (grant: GrantType) => void;
  /** Fetches environments and the sandbox's demo credentials, and prefills an empty form. */
  load: () => Promise<void>;
}

const initialState = {
  draft: EMPTY_DRAFT,
  grant: 'password' as GrantType,
  environments: [] as EnvironmentInfo[],
  sandbox: null as SandboxInfo | null,
  loadStatus: 'idle' as LoadStatus,
  loadError: null as string | null,
};

/** A first-run draft: the sandbox (listed first) and its demo client, login and app. */
export function prefillDraft(environments: EnvironmentInfo[], sandbox: SandboxInfo): ProfileDraft {
  const environment = environments.find((e) => e.id === 'sandbox') ?? environments[0];
  const { demo } = sandbox;
  return {
    ...EMPTY_DRAFT,
    environmentId: environment?.id ?? '',
    clientId: demo.clientId,
    clientSecret: demo.clientSecret,
    username: demo.username,
    password: demo.password,
    appId: demo.appId,
    appToken: demo.appToken,
  };
}

export const useProfileStore = create<ProfileState>()((set, get) => ({
  ...initialState,

  setField: (field, value) => set((s) => ({ draft: { ...s.draft, [field]: value } })),

  setGrant: (grant) => set({ grant }),

  load: async () => {
    // StrictMode mounts effects twice; one load is enough.
    if (get().loadStatus === 'loading' || get().loadStatus === 'ready') return;
    set({ loadStatus: 'loading', loadError: null });

    try {
      const api = workbench();
      const [environments, sandbox] = await Promise.all([
        api.invoke('environments:list', undefined),
        api.invoke('sandbox:info', undefined),
      ]);
      // Limitation: saved profiles come in a later issue, so every start is a first run and the
      // form is prefilled unless the person already typed something.
      const untouched = get().draft === EMPTY_DRAFT;
      set({
        environments,
        sandbox,
        loadStatus: 'ready',
        ...(untouched ? { draft: prefillDraft(environments, sandbox) } : {}),
      });
    } catch (reason) {
      set({ loadStatus: 'failed', loadError: failureMessage(reason) });
    }
  },
}));

/** The environment the draft points at, if it is known. */
export function selectEnvironment(state: ProfileState): EnvironmentInfo | undefined {
  return state.environments.find((e) => e.id === state.draft.environmentId);
}

/** Back to the empty, unloaded form; for tests. */
export function resetProfileStore(): void {
  useProfileStore.setState(initialState);
}
