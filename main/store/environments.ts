import type { EnvironmentInfo } from '../../preload/contract';
import type { StoredEnvironment } from './schema';

export const PODIO_ENVIRONMENT_ID = 'podio';
export const SANDBOX_ENVIRONMENT_ID = 'sandbox';
export const BUILT_IN_ENVIRONMENT_IDS: ReadonlySet<string> = new Set([
  PODIO_ENVIRONMENT_ID,
  SANDBOX_ENVIRONMENT_ID,
]);

/** An environment as callers see it: built-in or custom, always with every URL field. */
export type Environment = EnvironmentInfo;

export const PODIO_TOKEN_URL = 'https://api.podio.com/oauth/token';

export const PODIO_ENVIRONMENT: Environment = {
  id: PODIO_ENVIRONMENT_ID,
  name: 'Podio',
  tokenUrl: PODIO_TOKEN_URL,
  authorizeUrl: 'https://podio.com/oauth/authorize',
  apiBaseUrl: 'https://api.podio.com',
  verifyPath: '/user/status',
  wireStyle: 'form',
  acceptMissingState: false,
  builtIn: true,
};

/**
 * The sandbox's URLs depend on the port it got this run, so only its id is ever stored. With
 * no running sandbox (baseUrl null) the URLs are empty strings.
 */
export function sandboxEnvironment(baseUrl: string | null): Environment {
  const base = baseUrl?.replace(/\/+$/, '') ?? null;
  return {
    id: SANDBOX_ENVIRONMENT_ID,
    name: 'Sandbox',
    tokenUrl: base === null ? '' : `${base}/oauth/token`,
    authorizeUrl: base === null ? '' : `${base}/oauth/authorize`,
    apiBaseUrl: base ?? '',
    verifyPath: '/user/status',
    wireStyle: 'form',
    acceptMissingState: false,
    builtIn: true,
  };
}

/** A stored custom environment in the caller's shape. */
export function customEnvironment(stored: StoredEnvironment): Environment {
  return { ...stored, acceptMissingState: stored.acceptMissingState ?? false, builtIn: false };
}
