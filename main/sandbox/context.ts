import type { SandboxDirectory } from './demo';
import type { SandboxFaults } from './faults';
import type { RateCounter } from './rate-limit';
import type { TokenStore } from './tokens';

/** What every route of one running sandbox shares. */
export interface SandboxContext {
  baseUrl: string;
  directory: SandboxDirectory;
  tokens: TokenStore;
  rates: RateCounter;
  faults: () => Readonly<SandboxFaults>;
  now: () => number;
  accessTokenTtlSeconds: number;
  codeTtlSeconds: number;
  /** Hosts a redirect_uri may point at (Podio registers a domain per client). */
  redirectHosts: ReadonlySet<string>;
}
