import type {
  EntityKind,
  EntitySave,
  ExchangeOutcome,
  GrantInput,
  GrantType,
  ImportSummary,
  SecretRef,
  SettingsView,
  StoreSnapshot,
  TokenView,
} from '../../preload/contract';
import type { ProfileStore, ResolvedProfile } from '../store/profile-store';
import { exportStore, importIntoStore } from '../store/transfer';
import type { SignInTarget } from './authorize-service';
import type { ExchangeService } from './exchange-service';

export interface StoreServiceDeps {
  store: ProfileStore;
  exchange: ExchangeService;
  /** Started before a sandbox profile resolves: its URLs exist only while it runs. */
  ensureSandbox: () => Promise<unknown>;
}

function collection(store: ProfileStore, kind: EntityKind) {
  const byKind = {
    environment: store.environments,
    client: store.clients,
    app: store.apps,
    login: store.logins,
    profile: store.profiles,
  } as const;
  return byKind[kind];
}

/** The grant half of a saved profile's exchange, or an outcome saying why there is none. */
function grantFor(resolved: ResolvedProfile, grant: GrantType): GrantInput | ExchangeOutcome {
  const refuse = (field: string, message: string): ExchangeOutcome => ({
    status: 'error',
    grant,
    error: { kind: 'validation', message, issues: [{ field, message }] },
  });
  switch (grant) {
    case 'password':
      if (!resolved.login) return refuse('loginRef', 'This profile has no login: pick one');
      return {
        type: 'password',
        username: resolved.login.username,
        password: resolved.login.password ?? '',
      };
    case 'app':
      if (!resolved.app) return refuse('appRef', 'This profile has no app: pick one');
      return { type: 'app', appId: resolved.app.appId, appToken: resolved.app.appToken ?? '' };
    case 'client_credentials':
      return { type: 'client_credentials' };
    case 'authorization_code':
      return refuse('grant', 'Use Sign in with browser for the authorization-code grant');
    case 'refresh_token':
      return refuse('grant', 'Press Refresh on one of the profile’s tokens');
  }
}

/** Saved profiles and their parts, token history, settings, import and export. */
export function createStoreService(deps: StoreServiceDeps) {
  const { store } = deps;

  async function snapshot(): Promise<StoreSnapshot> {
    await deps.ensureSandbox().catch(() => undefined);
    return {
      environments: store.environments.list(),
      clients: store.clients.list(),
      apps: store.apps.list(),
      logins: store.logins.list(),
      profiles: store.profiles.list(),
      settings: store.getSettings(),
      recovery: store.recovery,
    };
  }

  return {
    snapshot,

    async save(request: EntitySave): Promise<{ id: string; snapshot: StoreSnapshot }> {
      // Each kind's collection validates its own input (field rules, references, secrets).
      const target = collection(store, request.kind) as {
        create(input: unknown): { id: string };
        replace(id: string, input: unknown): { id: string };
      };
      // A form sends the whole entity: what it leaves out is cleared, secrets aside.
      const saved =
        request.id === null
          ? target.create(request.input)
          : target.replace(request.id, request.input);
      return { id: saved.id, snapshot: await snapshot() };
    },

    async remove(kind: EntityKind, id: string): Promise<StoreSnapshot> {
      collection(store, kind).delete(id);
      return snapshot();
    },

    async duplicateProfile(id: string): Promise<{ id: string; snapshot: StoreSnapshot }> {
      const copy = store.profiles.duplicate(id);
      return { id: copy.id, snapshot: await snapshot() };
    },

    reveal(ref: SecretRef): { value: string | null; warning: string | null } {
      return store.revealSecret(ref.entity, ref.id, ref.field);
    },

    updateSettings(patch: {
      allowPlainTextSecrets?: boolean;
      lastProfileRef?: string;
    }): SettingsView {
      return store.setSettings(patch);
    },

    listTokens: (profileId: string): TokenView[] => store.listTokens(profileId),

    deleteToken(id: string): TokenView[] {
      const { profileRef } = store.getToken(id);
      store.deleteToken(id);
      return store.listTokens(profileRef);
    },

    async exchange(profileId: string, grant: GrantType): Promise<ExchangeOutcome> {
      await deps.ensureSandbox().catch(() => undefined);
      const resolved = store.resolveProfile(profileId);
      // A saved secret that no longer decrypts (the OS key changed) is named as such, rather
      // than reported as a missing field the person never left empty.
      if (resolved.warnings.length > 0) {
        return {
          status: 'error',
          grant,
          error: {
            kind: 'validation',
            message: resolved.warnings.join(' '),
            issues: resolved.warnings.map((message) => ({ field: 'profile', message })),
          },
        };
      }
      const grantInput = grantFor(resolved, grant);
      if ('status' in grantInput) return grantInput;
      store.setSettings({ lastProfileRef: profileId });
      return deps.exchange.runRequest(
        {
          environment: {
            tokenUrl: resolved.environment.tokenUrl,
            wireStyle: resolved.environment.wireStyle,
          },
          client: {
            clientId: resolved.client.clientId,
            clientSecret: resolved.client.clientSecret ?? '',
          },
          grant: grantInput,
        },
        grant,
        profileId,
      );
    },

    /** The environment and client a saved profile signs in with, secrets decrypted. */
    async signInTarget(profileId: string): Promise<SignInTarget> {
      await deps.ensureSandbox().catch(() => undefined);
      const resolved = store.resolveProfile(profileId);
      return {
        environment: resolved.environment,
        client: {
          clientId: resolved.client.clientId,
          clientSecret: resolved.client.clientSecret ?? '',
        },
        profileId,
      };
    },

    exportAll: (passphrase: string | null) =>
      exportStore(store, passphrase === null ? {} : { passphrase }),

    importFile: (json: string, passphrase: string | null): Promise<ImportSummary> =>
      importIntoStore(store, json, passphrase === null ? {} : { passphrase }),
  };
}

export type StoreService = ReturnType<typeof createStoreService>;
