import type { EnvironmentInfo } from '../preload/contract';

export const SANDBOX_ENVIRONMENT_ID = 'sandbox';
export const PODIO_ENVIRONMENT_ID = 'podio';

/** Podio's production endpoints, as its API docs and client libraries use them. */
export const PODIO_ENVIRONMENT: EnvironmentInfo = {
  id: PODIO_ENVIRONMENT_ID,
  name: 'Podio',
  tokenUrl: 'https://api.podio.com/oauth/token',
  authorizeUrl: 'https://podio.com/oauth/authorize',
  apiBaseUrl: 'https://api.podio.com',
  wireStyle: 'form',
  builtIn: true,
};

/** The built-in sandbox at wherever it is listening this run (its port changes per start). */
export function sandboxEnvironment(baseUrl: string): EnvironmentInfo {
  return {
    id: SANDBOX_ENVIRONMENT_ID,
    name: 'Sandbox',
    tokenUrl: `${baseUrl}/oauth/token`,
    authorizeUrl: `${baseUrl}/oauth/authorize`,
    apiBaseUrl: baseUrl,
    wireStyle: 'form',
    builtIn: true,
  };
}
