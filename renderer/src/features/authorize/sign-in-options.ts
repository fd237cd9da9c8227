import type { AuthorizeOptions } from '../../../../preload/contract';

/** The browser sign-in settings as the form holds them: the port as typed. */
export interface SignInForm {
  redirectHost: AuthorizeOptions['redirectHost'];
  /** Empty lets the OS pick a free port. */
  port: string;
  path: string;
  exactPath: boolean;
  usePkce: boolean;
  acceptMissingState: boolean;
  scope: string;
}

/** Podio's defaults: keys are registered by domain, so localhost and a random path segment. */
export const DEFAULT_SIGN_IN_FORM: SignInForm = {
  redirectHost: 'localhost',
  port: '',
  path: '/callback',
  exactPath: false,
  usePkce: false,
  acceptMissingState: false,
  scope: '',
};

export const REDIRECT_HOSTS: ReadonlyArray<AuthorizeOptions['redirectHost']> = [
  'localhost',
  '127.0.0.1',
];

/** Why the typed port cannot be used, or null when it can (empty means any free port). */
export function portError(port: string): string | null {
  const text = port.trim();
  if (text === '') return null;
  // Below 1024 needs privileges the app does not have; main refuses those ports as well.
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1024 || Number(text) > 65535) {
    return 'Use 1024–65535, or leave it empty for any free port';
  }
  return null;
}

/** Why the redirect path cannot be used, or null; the listener compares the raw request path. */
export function pathError(path: string): string | null {
  if (!path.startsWith('/')) return 'Start the path with /';
  if (!/^\/[\x21-\x7e]*$/.test(path) || /[?#%]/.test(path)) {
    return 'Use visible ASCII only, without spaces, ?, # or %';
  }
  return null;
}

/** The messages per field, empty when the form can start a sign-in. */
export function signInErrors(form: SignInForm): { port?: string; path?: string } {
  const port = portError(form.port);
  const path = pathError(form.path);
  return { ...(port ? { port } : {}), ...(path ? { path } : {}) };
}

/** The options authorize:start takes; call only when signInErrors(form) is empty. */
export function toAuthorizeOptions(form: SignInForm): AuthorizeOptions {
  const port = form.port.trim();
  return {
    redirectHost: form.redirectHost,
    port: port === '' ? null : Number(port),
    path: form.path,
    exactPath: form.exactPath,
    usePkce: form.usePkce,
    acceptMissingState: form.acceptMissingState,
    scope: form.scope.trim(),
  };
}
