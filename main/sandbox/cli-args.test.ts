import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatBanner, formatJsonLine, parseCliArgs, shellQuote } from './cli-args';
import { DEFAULT_DEMO } from './server';

const running = {
  url: 'http://127.0.0.1:5000',
  tokenUrl: 'http://127.0.0.1:5000/oauth/token',
  authorizeUrl: 'http://127.0.0.1:5000/oauth/authorize',
  demo: DEFAULT_DEMO,
};

describe('parseCliArgs', () => {
  it('defaults to port 0 on 127.0.0.1, readable output', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'run',
      options: { port: 0, host: '127.0.0.1' },
      json: false,
    });
  });

  it('reads --port, --host and --json', () => {
    expect(parseCliArgs(['--port', '8080', '--host', '::1', '--json'])).toEqual({
      kind: 'run',
      options: { port: 8080, host: '::1' },
      json: true,
    });
  });

  it('accepts --port=N and the ends of the range', () => {
    expect(parseCliArgs(['--port=65535'])).toMatchObject({ options: { port: 65535 } });
    expect(parseCliArgs(['--port', '0'])).toMatchObject({ options: { port: 0 } });
  });

  it.each(['65536', '-1', 'abc', '80.5', '', '1e3', '0x50'])('rejects --port %j', (value) => {
    const parsed = parseCliArgs([`--port=${value}`]);

    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toContain('0 to 65535');
  });

  it.each(['0.0.0.0', 'localhost', '192.168.1.1'])('rejects --host %s', (host) => {
    expect(parseCliArgs(['--host', host])).toEqual({
      kind: 'error',
      message: `--host must be 127.0.0.1 or ::1 (got "${host}")`,
    });
  });

  it('rejects unknown flags and stray arguments', () => {
    expect(parseCliArgs(['--verbose']).kind).toBe('error');
    expect(parseCliArgs(['serve']).kind).toBe('error');
  });

  it('--help and -h ask for help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['-h', '--port', 'x'])).toEqual({ kind: 'help' });
  });
});

describe('output', () => {
  it('the JSON line holds exactly the URL and demo credentials', () => {
    const line = formatJsonLine(running);

    expect(line.endsWith('\n')).toBe(true);
    expect(line.trim().includes('\n')).toBe(false);
    expect(JSON.parse(line)).toEqual({
      url: 'http://127.0.0.1:5000',
      client_id: DEFAULT_DEMO.clientId,
      client_secret: DEFAULT_DEMO.clientSecret,
      username: DEFAULT_DEMO.username,
      password: DEFAULT_DEMO.password,
      app_id: DEFAULT_DEMO.appId,
      app_token: DEFAULT_DEMO.appToken,
    });
  });

  it('the banner names the URLs and every demo credential', () => {
    const banner = formatBanner(running);

    for (const value of [running.url, running.tokenUrl, running.authorizeUrl]) {
      expect(banner).toContain(value);
    }
    for (const value of Object.values(DEFAULT_DEMO)) expect(banner).toContain(value);
  });

  it("the banner's curl example is a valid shell command with the password grant", () => {
    const banner = formatBanner(running);
    const curl = banner.slice(
      banner.indexOf('curl'),
      banner.indexOf('\n\n', banner.indexOf('curl')),
    );

    // bash -n parses without running: proves the quoting and line continuations hold.
    execFileSync('bash', ['-n', '-c', curl]);
    expect(curl).toContain("--data-urlencode 'grant_type=password'");
    expect(curl).toContain(`--data-urlencode 'password=${DEFAULT_DEMO.password}'`);
  });

  it('shellQuote survives a single quote', () => {
    const echoed = execFileSync('bash', ['-c', `printf %s ${shellQuote("it's $HOME")}`]);

    expect(echoed.toString()).toBe("it's $HOME");
  });
});
