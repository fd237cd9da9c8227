import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGN_IN_FORM,
  pathError,
  portError,
  signInErrors,
  toAuthorizeOptions,
} from './sign-in-options';

describe('portError', () => {
  it('accepts an empty port: any free port', () => {
    expect(portError('')).toBeNull();
  });

  it('accepts the bounds 1024 and 65535', () => {
    expect([portError('1024'), portError('65535')]).toEqual([null, null]);
  });

  it.each(['80', '1023', '65536', '99999', '8o80', '-1', '8080.5', '1e4'])('refuses %s', (port) => {
    expect(portError(port)).toBe('Use 1024–65535, or leave it empty for any free port');
  });
});

describe('pathError', () => {
  it('accepts /callback', () => {
    expect(pathError('/callback')).toBeNull();
  });

  it('wants a leading slash', () => {
    expect(pathError('callback')).toBe('Start the path with /');
  });

  it.each(['/a b', '/a?b', '/a#b', '/a%20b', '/café'])('refuses %s', (path) => {
    expect(pathError(path)).toBe('Use visible ASCII only, without spaces, ?, # or %');
  });
});

describe('toAuthorizeOptions', () => {
  it('turns the defaults into the options authorize:start takes', () => {
    expect(toAuthorizeOptions(DEFAULT_SIGN_IN_FORM)).toEqual({
      redirectHost: 'localhost',
      port: null,
      path: '/callback',
      exactPath: false,
      usePkce: false,
      acceptMissingState: false,
      scope: '',
    });
  });

  it('reads a typed port as a number and trims the scope', () => {
    const options = toAuthorizeOptions({ ...DEFAULT_SIGN_IN_FORM, port: ' 8765 ', scope: ' a b ' });

    expect([options.port, options.scope]).toEqual([8765, 'a b']);
  });

  it('names each field at fault', () => {
    expect(signInErrors({ ...DEFAULT_SIGN_IN_FORM, port: '80', path: 'x' })).toEqual({
      port: 'Use 1024–65535, or leave it empty for any free port',
      path: 'Start the path with /',
    });
  });
});
