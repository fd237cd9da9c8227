import { parseArgs } from 'node:util';
import type { Sandbox, SandboxOptions } from './server';

/** What the command line asked for. */
export type CliRequest =
  | { kind: 'help' }
  | { kind: 'run'; options: Required<Pick<SandboxOptions, 'port' | 'host'>>; json: boolean }
  | { kind: 'error'; message: string };

export const USAGE = `Usage: npm run sandbox -- [--port N] [--host 127.0.0.1|::1] [--json]

Runs the Token Workbench sandbox: a local Podio-compatible OAuth server.

  --port N   port to listen on, 0-65535 (default 0: the OS picks a free one)
  --host H   127.0.0.1 (default) or ::1; the sandbox binds loopback only
  --json     print one JSON line with the URL and demo credentials, nothing else
  --help     show this text

Ctrl+C stops the server.
`;

/** Turns argv (without node and script) into options; never throws, never exits. */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  let values: { port?: string; host?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };

  let port = 0;
  if (values.port !== undefined) {
    const text = values.port.trim();
    port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
    if (!(port >= 0 && port <= 65535)) {
      return {
        kind: 'error',
        message: `--port must be a whole number from 0 to 65535 (got "${values.port}")`,
      };
    }
  }

  const host = values.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== '::1') {
    return { kind: 'error', message: `--host must be 127.0.0.1 or ::1 (got "${host}")` };
  }
  return { kind: 'run', options: { port, host }, json: values.json ?? false };
}

type Running = Pick<Sandbox, 'url' | 'tokenUrl' | 'authorizeUrl' | 'demo'>;

/** The --json line: the URL and the demo credentials, snake_case as on the wire. */
export function formatJsonLine(sandbox: Running): string {
  const { demo } = sandbox;
  return `${JSON.stringify({
    url: sandbox.url,
    client_id: demo.clientId,
    client_secret: demo.clientSecret,
    username: demo.username,
    password: demo.password,
    app_id: demo.appId,
    app_token: demo.appToken,
  })}\n`;
}

/** Quotes a value for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The readable banner: where the sandbox is, what it accepts, and a curl to try. */
export function formatBanner(sandbox: Running): string {
  const { demo } = sandbox;
  const row = (name: string, value: string) => `  ${name.padEnd(14)} ${value}`;
  const field = (name: string, value: string) =>
    `    --data-urlencode ${shellQuote(`${name}=${value}`)}`;
  return [
    'Token Workbench sandbox is running.',
    '',
    row('URL', sandbox.url),
    row('Token URL', `${sandbox.tokenUrl}   (JSON style: ${sandbox.tokenUrl}/v2)`),
    row('Authorize URL', sandbox.authorizeUrl),
    '',
    'Demo credentials:',
    row('client_id', demo.clientId),
    row('client_secret', demo.clientSecret),
    row('username', demo.username),
    row('password', demo.password),
    row('app_id', demo.appId),
    row('app_token', demo.appToken),
    '',
    'Try the password grant:',
    `  curl -sS -X POST ${shellQuote(sandbox.tokenUrl)} \\`,
    `${field('grant_type', 'password')} \\`,
    `${field('client_id', demo.clientId)} \\`,
    `${field('client_secret', demo.clientSecret)} \\`,
    `${field('username', demo.username)} \\`,
    field('password', demo.password),
    '',
    'Switch on a fault (latencyMs, status5xxHtml, rateLimit, malformedJson, expiresInAsString,',
    'shortLivedSeconds, omitState, emptyBody, hang):',
    `  curl -sS -X POST ${shellQuote(`${sandbox.url}/__sandbox/faults`)} \\`,
    `    -H 'Content-Type: application/json' -d '{"rateLimit":true}'`,
    'See them with GET and switch them all off with DELETE on the same URL.',
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
