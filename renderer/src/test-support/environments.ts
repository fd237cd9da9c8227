import type { EnvironmentInfo } from '../../../preload/contract';

/** The built-in environments as main lists them, with the sandbox on a fixed fake port. */
export const SANDBOX_URL = 'http://127.0.0.1:41234';

export const ENVIRONMENTS: EnvironmentInfo[] = [
  {
    id: 'sandbox',
    name: 'Sandbox',
    tokenUrl: `${SANDBOX_URL}/oauth/token`,
    authorizeUrl: `${SANDBOX_URL}/oauth/authorize`,
    apiBaseUrl: SANDBOX_URL,
    verifyPath: '/user/status',
    wireStyle: 'form',
    acceptMissingState: false,
    builtIn: true,
  },
  {
    id: 'podio',
    name: 'Podio',
    tokenUrl: 'https://api.podio.com/oauth/token',
    authorizeUrl: 'https://podio.com/oauth/authorize',
    apiBaseUrl: 'https://api.podio.com',
    verifyPath: '/user/status',
    wireStyle: 'form',
    acceptMissingState: false,
    builtIn: true,
  },
];
