import { scoped } from '../log';
import { registerSecret } from '../redact';
import { Collection } from './collection';
import type { StoreHost } from './collection';
import { entitySpecs } from './entity-specs';
import type {
  AppInput,
  ClientInput,
  EnvironmentInput,
  LoginInput,
  ProfileInput,
} from './entity-specs';
import { customEnvironment, PODIO_ENVIRONMENT, sandboxEnvironment } from './environments';
import type { Environment } from './environments';
import { PlainTextSecretsError, StoreError } from './errors';
import { openStoreFile } from './file-store';
import type { RecoveryNotice } from './file-store';
import { settingsSchema, TOKENS_PER_PROFILE } from './schema';
import type { Settings, StoreData, StoredEnvironment, StoredProfile, StoredToken } from './schema';
import type { SealedSecret, SecretBox } from './secret-box';
import { appendToken, buildToken } from './token-history';
import type { NewToken } from './token-history';
import { tokenView } from './views';
import type { AppView, ClientView, LoginView, ProfileView, SettingsView, TokenView } from './views';

const log = scoped('store');

export type { NewToken };

export interface ProfileStoreOptions {
  /** The folder for `<name>.json`; the app passes app.getPath('userData'). */
  dir: string;
  secretBox: SecretBox;
  name?: string;
  /** The running sandbox's base URL, or null while it is stopped. */
  sandboxUrl?: () => string | null;
  tokensPerProfile?: number;
  now?: () => Date;
}

/** Everything an exchange needs for one profile, secrets decrypted. */
export interface ResolvedProfile {
  profile: ProfileView;
  environment: Environment;
  client: Omit<ClientView, 'hasSecret'> & { clientSecret: string | null };
  app: (Omit<AppView, 'hasSecret'> & { appToken: string | null }) | null;
  login: (Omit<LoginView, 'hasSecret'> & { password: string | null }) | null;
  /** Secrets that could not be decrypted, as sentences for the user. */
  warnings: string[];
}

export interface SecretFields {
  client: 'clientSecret';
  app: 'appToken';
  login: 'password';
  token: 'accessToken' | 'refreshToken' | `extra.${string}`;
}
export type SecretEntity = keyof SecretFields;

export interface RevealedSecret {
  value: string | null;
  warning: string | null;
}

/** Saved environments, clients, apps, logins, profiles, token history and settings. */
export class ProfileStore implements StoreHost {
  readonly path: string;
  /** Set when the file needed repair at open; the app shows it once. */
  readonly recovery: RecoveryNotice | null;
  readonly environments: Collection<StoredEnvironment, EnvironmentInput, Environment>;
  readonly clients: Collection<StoreData['clients'][number], ClientInput, ClientView>;
  readonly apps: Collection<StoreData['apps'][number], AppInput, AppView>;
  readonly logins: Collection<StoreData['logins'][number], LoginInput, LoginView>;
  readonly profiles: Collection<StoredProfile, ProfileInput, ProfileView>;

  private current: StoreData;
  private readonly save: (data: StoreData) => void;
  private readonly box: SecretBox;
  private readonly sandboxUrl: () => string | null;
  private readonly tokensPerProfile: number;
  // Ciphertexts that failed to decrypt this run: they read as missing from then on.
  // Limitation: views do not decrypt, so hasSecret turns false only after a failed attempt.
  private readonly unreadable = new Set<string>();

  constructor(options: ProfileStoreOptions) {
    const file = openStoreFile(options);
    this.path = file.path;
    this.recovery = file.recovery;
    this.current = file.data;
    this.save = file.save;
    this.box = options.secretBox;
    this.sandboxUrl = options.sandboxUrl ?? (() => null);
    this.tokensPerProfile = options.tokensPerProfile ?? TOKENS_PER_PROFILE;

    const has = (sealed: SealedSecret | null | undefined) =>
      sealed != null && !this.unreadable.has(sealed.enc);
    const builtIns = () => [sandboxEnvironment(this.sandboxUrl()), { ...PODIO_ENVIRONMENT }];
    const specs = entitySpecs(this, has, builtIns);
    this.environments = new Collection(this, specs.environments);
    this.clients = new Collection(this, specs.clients);
    this.apps = new Collection(this, specs.apps);
    this.logins = new Collection(this, specs.logins);
    this.profiles = new Collection(this, specs.profiles);
  }

  // data, commit, seal and open serve the collections and transfer.ts; callers use the rest.
  get data(): StoreData {
    return this.current;
  }

  commit(next: StoreData): void {
    this.save(next);
    this.current = next;
  }

  seal(plain: string): SealedSecret {
    if (this.box.isPlainText() && !this.current.settings.allowPlainTextSecrets) {
      throw new PlainTextSecretsError();
    }
    return { enc: this.box.encrypt(plain) };
  }

  /** Decrypts one secret; a failure reads as missing and adds a warning naming `what`. */
  open(sealed: SealedSecret | null | undefined, what: string, warnings: string[]): string | null {
    if (sealed == null) return null;
    try {
      const plain = this.box.decrypt(sealed.enc);
      registerSecret(plain);
      return plain;
    } catch {
      this.unreadable.add(sealed.enc);
      log.warn('a saved secret could not be decrypted', { what });
      warnings.push(
        `The saved ${what} could not be decrypted (the key may have changed); enter it again.`,
      );
      return null;
    }
  }

  /** Builds every exchange input of a profile, with secrets decrypted. */
  resolveProfile(id: string): ResolvedProfile {
    const profile = this.profiles.get(id);
    const environment = this.environment(profile.environmentRef);
    const warnings: string[] = [];
    const { clientSecret, ...client } = this.find('clients', profile.clientRef, 'client');
    const app = profile.appRef ? this.find('apps', profile.appRef, 'app') : null;
    const login = profile.loginRef ? this.find('logins', profile.loginRef, 'login') : null;

    return {
      profile,
      environment,
      client: { ...client, clientSecret: this.open(clientSecret, 'client secret', warnings) },
      app: app && {
        id: app.id,
        name: app.name,
        appId: app.appId,
        clientRef: app.clientRef,
        appToken: this.open(app.appToken, 'app token', warnings),
      },
      login: login && {
        id: login.id,
        ...(login.name === undefined ? {} : { name: login.name }),
        username: login.username,
        password: this.open(login.password, 'password', warnings),
      },
      warnings,
    };
  }

  private environment(id: string): Environment {
    if (id === 'sandbox') {
      const environment = sandboxEnvironment(this.sandboxUrl());
      if (environment.tokenUrl === '') {
        throw new StoreError('sandbox_unavailable', 'The sandbox is not running; start it first.');
      }
      return environment;
    }
    if (id === PODIO_ENVIRONMENT.id) return { ...PODIO_ENVIRONMENT };
    return customEnvironment(this.find('environments', id, 'environment'));
  }

  private find<K extends 'environments' | 'clients' | 'apps' | 'logins' | 'tokens'>(
    key: K,
    id: string,
    label: string,
  ): StoreData[K][number] {
    const list: ReadonlyArray<StoreData[K][number]> = this.current[key];
    const found = list.find((item) => item.id === id);
    if (!found) throw new StoreError('not_found', `No ${label} with that id.`);
    return found;
  }

  // Limitation: on a plain-text backend without the user's consent this throws
  // PlainTextSecretsError; the exchange handler shows the token without keeping it.
  /** Keeps a token response; the profile's oldest tokens beyond the limit are dropped. */
  addToken(input: NewToken): TokenView {
    this.profiles.get(input.profileRef);
    const token = buildToken(input, (plain) => this.seal(plain));
    const tokens = appendToken(this.current.tokens, token, this.tokensPerProfile);
    this.commit({ ...this.current, tokens });
    return this.tokenView(token);
  }

  /** A profile's tokens, newest first. */
  listTokens(profileRef: string): TokenView[] {
    return this.current.tokens
      .filter((token) => token.profileRef === profileRef)
      .reverse()
      .map((token) => this.tokenView(token));
  }

  getToken(id: string): TokenView {
    return this.tokenView(this.find('tokens', id, 'token'));
  }

  /** After a successful refresh: the old token's refresh token is spent, so it is dropped. */
  markTokenRefreshed(id: string): TokenView {
    const token = this.find('tokens', id, 'token');
    const spent: StoredToken = { ...token, refreshToken: null, refreshed: true };
    this.commit({
      ...this.current,
      tokens: this.current.tokens.map((t) => (t.id === id ? spent : t)),
    });
    return this.tokenView(spent);
  }

  deleteToken(id: string): void {
    this.find('tokens', id, 'token');
    this.commit({ ...this.current, tokens: this.current.tokens.filter((t) => t.id !== id) });
  }

  private tokenView(token: StoredToken): TokenView {
    return tokenView(token, (sealed) => sealed != null && !this.unreadable.has(sealed.enc));
  }

  /** One secret value, for the moment the person asks to see or copy it. */
  revealSecret<E extends SecretEntity>(
    entity: E,
    id: string,
    field: SecretFields[E],
  ): RevealedSecret {
    const warnings: string[] = [];
    const wrongField = () =>
      new StoreError('validation', `A ${entity} has no secret of that name.`);
    let sealed: SealedSecret | null | undefined;
    let what: string;
    if (entity === 'client' && field === 'clientSecret') {
      [sealed, what] = [this.find('clients', id, 'client').clientSecret, 'client secret'];
    } else if (entity === 'app' && field === 'appToken') {
      [sealed, what] = [this.find('apps', id, 'app').appToken, 'app token'];
    } else if (entity === 'login' && field === 'password') {
      [sealed, what] = [this.find('logins', id, 'login').password, 'password'];
    } else if (entity === 'token') {
      const token = this.find('tokens', id, 'token');
      if (field === 'accessToken') [sealed, what] = [token.accessToken, 'access token'];
      else if (field === 'refreshToken') [sealed, what] = [token.refreshToken, 'refresh token'];
      else if (field.startsWith('extra.')) {
        what = field.slice('extra.'.length);
        sealed = token.secretExtra?.[what];
        const json = this.open(sealed, what, warnings);
        const value: unknown = json === null ? null : JSON.parse(json);
        const text = value === null || typeof value === 'string' ? value : JSON.stringify(value);
        return { value: text, warning: warnings[0] ?? null };
      } else throw wrongField();
    } else throw wrongField();
    return { value: this.open(sealed, what, warnings), warning: warnings[0] ?? null };
  }

  getSettings(): SettingsView {
    return { ...this.current.settings, plainTextBackend: this.box.isPlainText() };
  }

  setSettings(patch: Partial<Settings>): SettingsView {
    const parsed = settingsSchema.safeParse({ ...this.current.settings, ...patch });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        field: i.path.join('.'),
        message: i.message,
      }));
      throw new StoreError('validation', 'Check the settings.', issues);
    }
    const last = parsed.data.lastProfileRef;
    if (last !== undefined && !this.current.profiles.some((p) => p.id === last)) {
      throw new StoreError('validation', 'The last profile does not exist.', [
        { field: 'lastProfileRef', message: 'the selected profile does not exist' },
      ]);
    }
    this.commit({ ...this.current, settings: parsed.data });
    return this.getSettings();
  }
}

/** Opens the store in `dir`, repairing a damaged file; see `recovery` for what happened. */
export function openProfileStore(options: ProfileStoreOptions): ProfileStore {
  return new ProfileStore(options);
}
