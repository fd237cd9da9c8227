/**
 * The one typed contract between main, preload and renderer. Types only: nothing here runs,
 * so every process can import it without pulling code across the process border.
 */

/** Podio's four grants, plus client_credentials for generic OAuth 2 providers. */
export type GrantType =
  'password' | 'authorization_code' | 'refresh_token' | 'app' | 'client_credentials';

/**
 * How the token request is encoded: Podio's form body to /oauth/token,
 * or JSON to /oauth/token/v2.
 */
export type WireStyle = 'form' | 'json';

/** Where a token request goes. */
export interface EnvironmentTarget {
  /** Form-style token URL, e.g. https://api.podio.com/oauth/token (JSON style appends /v2). */
  tokenUrl: string;
  wireStyle: WireStyle;
}

/** An API client: client_id + client_secret. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The grant-specific half of one exchange. Empty strings are caught as validation errors. */
export type GrantInput =
  | { type: 'password'; username: string; password: string }
  | { type: 'authorization_code'; code: string; redirectUri: string; codeVerifier?: string }
  | { type: 'refresh_token'; refreshToken: string }
  | { type: 'app'; appId: string; appToken: string }
  | { type: 'client_credentials'; scope?: string };

/** Everything one exchange needs. */
export interface ExchangeRequest {
  environment: EnvironmentTarget;
  client: ClientCredentials;
  grant: GrantInput;
}

/** The owner of a token: a Podio user or app ("user" | "app"); other providers may say more. */
export interface TokenRef {
  type: string;
  id: number | string;
}

/** What was observed on the wire for one exchange, success or not. */
export interface ExchangeMeta {
  /** The URL the request was posted to. */
  url: string;
  status: number;
  latencyMs: number;
  /** Epoch ms when the response arrived; expiry is computed from it. */
  receivedAt: number;
  /** Response headers, lower-cased names. */
  headers: Record<string, string>;
  /** The raw body as text, cut to a bounded length; shown behind the "raw" toggle. */
  rawBody: string;
}

/** One response field decoded with a one-line explanation for the person reading it. */
export interface DecodedField {
  name: string;
  /** The value as JSON text (strings quoted), so the view never guesses types. */
  value: string;
  explanation: string;
  /** True for access_token, refresh_token and other values the view masks by default. */
  secret: boolean;
}

/** A successful token response, normalised. */
export interface TokenSuccess {
  accessToken: string;
  tokenType: string;
  /** Seconds; null when the server sent none (then expiresAt is null too). */
  expiresIn: number | null;
  refreshToken: string | null;
  scope: string | null;
  ref: TokenRef | null;
  /** Epoch ms = receivedAt + expiresIn * 1000. */
  expiresAt: number | null;
  /** Fields the server sent beyond the known ones, kept as they came. */
  extra: Record<string, unknown>;
  /** Non-fatal oddities (e.g. expires_in sent as a string), shown as warnings. */
  warnings: string[];
  fields: DecodedField[];
}

export type ExchangeErrorKind =
  'oauth' | 'http' | 'network' | 'timeout' | 'malformed' | 'validation';

/** A typed failure. `message` is always a sentence a person understands. */
export type ExchangeError =
  | {
      kind: 'oauth';
      message: string;
      error: string;
      errorDescription: string | null;
      errorDetail: string | null;
      errorParameters: Record<string, unknown> | null;
      errorPropagate: boolean | null;
      meta: ExchangeMeta;
    }
  | { kind: 'http'; message: string; bodyExcerpt: string; contentType: string; meta: ExchangeMeta }
  | { kind: 'network'; message: string; code: string | null }
  | { kind: 'timeout'; message: string; timeoutMs: number }
  | { kind: 'malformed'; message: string; bodyExcerpt: string; meta: ExchangeMeta }
  | { kind: 'validation'; message: string; issues: ValidationIssue[] };

export interface ValidationIssue {
  /** The form field at fault, in the product's words' camelCase (e.g. "clientId", "password"). */
  field: string;
  message: string;
}

/** The result of one exchange as the renderer sees it. */
export type ExchangeOutcome =
  | { status: 'token'; tokenId: string; grant: GrantType; token: TokenSuccess; meta: ExchangeMeta }
  | {
      status: 'two_factor';
      grant: GrantType;
      serverNonce: string;
      message: string;
      meta: ExchangeMeta;
    }
  | { status: 'error'; grant: GrantType; error: ExchangeError };

/** A profile as the form holds it (issue 2's one-screen form; saved profiles come later). */
export interface ProfileDraft {
  environmentId: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  appId: string;
  appToken: string;
  /** For a manual authorization_code exchange. */
  code: string;
  redirectUri: string;
}

/** A selectable environment: built-ins (Sandbox, Podio) and custom ones. */
export interface EnvironmentInfo {
  id: string;
  name: string;
  tokenUrl: string;
  authorizeUrl: string;
  apiBaseUrl: string;
  /** An API path that checks a token, e.g. /user/status; empty when there is none. */
  verifyPath: string;
  wireStyle: WireStyle;
  /** Accept a browser sign-in's redirect without `state` (servers that don't echo it). */
  acceptMissingState: boolean;
  builtIn: boolean;
}

// ---- Saved entities (profiles and what they tie together). Views never hold secret values:
// a secret shows as a has* flag, and secret:reveal hands out one value when the person asks.

export interface ClientView {
  id: string;
  name: string;
  clientId: string;
  redirectUri?: string;
  fixedPort?: number;
  hasSecret: boolean;
}

export interface AppView {
  id: string;
  name: string;
  appId: string;
  /** The client this app belongs to. */
  clientRef: string;
  hasSecret: boolean;
}

export interface LoginView {
  id: string;
  name?: string;
  username: string;
  hasSecret: boolean;
}

/** A profile ties an environment and a client to an app or a login (or neither). */
export interface ProfileView {
  id: string;
  name: string;
  environmentRef: string;
  clientRef: string;
  appRef?: string;
  loginRef?: string;
}

/** A kept token without its secret values. */
export interface TokenView {
  id: string;
  profileRef: string;
  grant: GrantType;
  receivedAt: number;
  expiresAt: number | null;
  tokenType: string;
  scope: string | null;
  ref: TokenRef | null;
  extra: Record<string, unknown>;
  secretExtraKeys: string[];
  hasAccessToken: boolean;
  hasRefreshToken: boolean;
  /** The token URL and client_id it came from; null for tokens kept before this was recorded. */
  issuedBy: { tokenUrl: string; clientId: string } | null;
  /** A refresh succeeded from this token, so its refresh token is spent. */
  refreshed: boolean;
}

export interface SettingsView {
  lastProfileRef?: string;
  allowPlainTextSecrets: boolean;
  /** True when the OS keeps secrets as plain text (Linux without a keyring). */
  plainTextBackend: boolean;
}

/** Told once after start when the store file needed repair; nothing was silently dropped. */
export interface RecoveryNotice {
  problem: 'corrupt' | 'unreadable' | 'newer_version' | 'invalid_entries';
  message: string;
  /** Where the original file was kept, byte for byte. */
  keptAt: string;
  dropped: { path: string; message: string }[];
}

/** Everything the sidebar and editors show, in one answer. */
export interface StoreSnapshot {
  environments: EnvironmentInfo[];
  clients: ClientView[];
  apps: AppView[];
  logins: LoginView[];
  profiles: ProfileView[];
  settings: SettingsView;
  recovery: RecoveryNotice | null;
}

/** A secret in a form: omitted keeps the saved value, null or '' clears it. */
type SecretInput = string | null | undefined;

export interface EnvironmentInput {
  name: string;
  tokenUrl: string;
  authorizeUrl: string;
  apiBaseUrl: string;
  verifyPath: string;
  wireStyle: WireStyle;
  acceptMissingState?: boolean;
}
export interface ClientInput {
  name: string;
  clientId: string;
  clientSecret?: SecretInput;
  redirectUri?: string;
  fixedPort?: number;
}
export interface AppInput {
  name: string;
  appId: string;
  appToken?: SecretInput;
  clientRef: string;
}
export interface LoginInput {
  name?: string;
  username: string;
  password?: SecretInput;
}
export interface ProfileInput {
  name: string;
  environmentRef: string;
  clientRef: string;
  appRef?: string;
  loginRef?: string;
}

/** Which saved entity a call is about, with its input type. */
export interface EntityInputs {
  environment: EnvironmentInput;
  client: ClientInput;
  app: AppInput;
  login: LoginInput;
  profile: ProfileInput;
}
export type EntityKind = keyof EntityInputs;

/** Creates (id null) or updates one entity. */
export type EntitySave = {
  [K in EntityKind]: { kind: K; id: string | null; input: EntityInputs[K] };
}[EntityKind];

export type SecretRef =
  | { entity: 'client'; id: string; field: 'clientSecret' }
  | { entity: 'app'; id: string; field: 'appToken' }
  | { entity: 'login'; id: string; field: 'password' }
  | { entity: 'token'; id: string; field: 'accessToken' | 'refreshToken' };

export interface ImportSummary {
  added: Record<'environments' | 'clients' | 'apps' | 'logins' | 'profiles', number>;
  /** Entries already in the store exactly as in the file, not added again. */
  unchanged: number;
  renamedIds: number;
  secrets: number;
}

/** The demo credentials the sandbox accepts. */
export interface SandboxDemo {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  appId: string;
  appToken: string;
}

export interface SandboxInfo {
  running: boolean;
  url: string | null;
  demo: SandboxDemo;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** True when secrets at rest would be stored with a plain-text backend. */
  plainTextSecrets: boolean;
}

/** How the browser sign-in listens for its redirect. */
export interface AuthorizeOptions {
  /** `localhost` (Podio's default: keys are registered by domain) or `127.0.0.1`. */
  redirectHost: 'localhost' | '127.0.0.1';
  /** A fixed port (providers that register an exact URI); null lets the OS pick a free one. */
  port: number | null;
  /** The redirect path, e.g. /callback. */
  path: string;
  /** false: a fresh random segment is added under path (Podio, sandbox); true: path as is. */
  exactPath: boolean;
  /** PKCE (S256), for generic providers; Podio ignores it. */
  usePkce: boolean;
  /** Accept a redirect without `state` (servers that don't echo it); the result says so. */
  acceptMissingState: boolean;
  scope: string;
  /** How long to wait for the browser; default 5 minutes. */
  timeoutMs?: number;
}

/** A browser sign-in that is waiting for its redirect. */
export interface AuthorizeStarted {
  flowId: string;
  /** The exact redirect_uri sent on the authorize URL and in the exchange. */
  redirectUri: string;
  /** What to register with the provider: Podio matches the domain only. */
  registerAs: string;
  authorizeUrl: string;
  /** Where the listener waits, e.g. ["127.0.0.1:53121", "[::1]:53121"]. */
  listenAddresses: string[];
}

export type AuthorizePhase =
  'waiting_for_browser' | 'code_received' | 'exchanging' | 'done' | 'failed' | 'cancelled';

/** Progress of a browser sign-in, pushed by main as it happens. */
export interface AuthorizeProgress {
  flowId: string;
  phase: AuthorizePhase;
  message: string | null;
  /** On done (and on a failed exchange): the exchange's outcome. */
  outcome: ExchangeOutcome | null;
  /** True when the server's redirect carried no state and the environment accepts that. */
  stateMissing: boolean;
}

/** Each channel: [request payload, response]. A typo in a channel name is a compile error. */
export interface Channels {
  'app:info': [void, AppInfo];
  'sandbox:info': [void, SandboxInfo];
  'environments:list': [void, EnvironmentInfo[]];
  'exchange:run': [{ draft: ProfileDraft; grant: GrantType }, ExchangeOutcome];
  'exchange:refresh': [{ tokenId: string }, ExchangeOutcome];
  'authorize:start': [{ draft: ProfileDraft; options: AuthorizeOptions }, AuthorizeStarted];
  'authorize:cancel': [{ flowId: string }, { cancelled: boolean }];
  'store:snapshot': [void, StoreSnapshot];
  'entity:save': [EntitySave, { id: string; snapshot: StoreSnapshot }];
  'entity:delete': [{ kind: EntityKind; id: string }, StoreSnapshot];
  'profile:duplicate': [{ id: string }, { id: string; snapshot: StoreSnapshot }];
  'secret:reveal': [SecretRef, { value: string | null; warning: string | null }];
  'settings:update': [{ allowPlainTextSecrets?: boolean; lastProfileRef?: string }, SettingsView];
  'tokens:list': [{ profileId: string }, TokenView[]];
  'tokens:delete': [{ id: string }, TokenView[]];
  /** One exchange for a saved profile; a token joins the profile's history. */
  'profile:exchange': [{ profileId: string; grant: GrantType }, ExchangeOutcome];
  /** Browser sign-in for a saved profile; the token joins the profile's history. */
  'profile:authorize': [{ profileId: string; options: AuthorizeOptions }, AuthorizeStarted];
  'transfer:export': [{ passphrase: string | null }, { json: string; warnings: string[] }];
  'transfer:import': [{ json: string; passphrase: string | null }, ImportSummary];
}

export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = Channels[C][0];
export type ResponseOf<C extends Channel> = Channels[C][1];

/** Events main pushes to the renderer. */
export interface Events {
  'authorize:progress': AuthorizeProgress;
}
export type EventName = keyof Events;

/**
 * Every channel name, for checks that each one has a handler
 * (the contract's one runtime value).
 */
export const CHANNELS = [
  'app:info',
  'sandbox:info',
  'environments:list',
  'exchange:run',
  'exchange:refresh',
  'authorize:start',
  'authorize:cancel',
  'store:snapshot',
  'entity:save',
  'entity:delete',
  'profile:duplicate',
  'secret:reveal',
  'settings:update',
  'tokens:list',
  'tokens:delete',
  'profile:exchange',
  'profile:authorize',
  'transfer:export',
  'transfer:import',
] as const satisfies readonly Channel[];

/**
 * Replies cross the border wrapped, so an Error thrown in main reaches the renderer as data
 * with its kind instead of Electron's generic "Error invoking remote method" text.
 */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export interface BridgeError {
  kind: 'validation' | 'not_found' | 'internal' | 'forbidden';
  message: string;
  /** Every problem with its field or path, e.g. `data.apps[2].appId` in an import file. */
  issues?: ValidationIssue[];
}

/**
 * What the preload exposes as window.workbenchBridge: plain envelopes only. contextBridge copies
 * a thrown Error without its custom fields, so errors are rebuilt on the renderer's side.
 */
export interface WorkbenchBridge {
  invoke(channel: Channel, payload: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** The typed API the renderer uses, built over the bridge by preload/api.ts's createApi. */
export interface WorkbenchApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
