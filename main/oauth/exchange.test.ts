import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LogMessage } from 'electron-log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeRequest, GrantInput, WireStyle } from '../../preload/contract';
import { log } from '../log';
import { runExchange } from './exchange';
import type { ParsedResult } from './parse';
import { closeServers } from '../../test/support/servers';

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];

/** A token endpoint on 127.0.0.1 that records each request and answers with `respond`. */
async function serve(respond: (req: Received, res: ServerResponse) => void) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(seen);
      respond(seen, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { tokenUrl: `http://127.0.0.1:${port}/oauth/token`, port, received };
}

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/podio/${name}`, import.meta.url), 'utf8');

const answer =
  (status: number, body: string, headers: Record<string, string> = {}) =>
  (_req: Received, res: ServerResponse) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(body);
  };

function exchangeTo(tokenUrl: string, grant: GrantInput, wireStyle: WireStyle = 'form') {
  const req: ExchangeRequest = {
    environment: { tokenUrl, wireStyle },
    client: { clientId: 'acme-sync', clientSecret: 'client-secret-0451' },
    grant,
  };
  return req;
}

const captured: LogMessage[] = [];

beforeEach(() => {
  // A transport of our own sees every line at every level, after the logger's hooks.
  log.transports.capture = Object.assign((message: LogMessage) => void captured.push(message), {
    level: 'debug' as const,
    transforms: [],
  });
});

afterEach(async () => {
  delete log.transports.capture;
  captured.length = 0;
  await closeServers(servers);
});

const GRANTS: [GrantInput, Record<string, string>][] = [
  [
    { type: 'password', username: 'ann@example.com', password: 'pw-1' },
    { username: 'ann@example.com', password: 'pw-1' },
  ],
  [
    {
      type: 'authorization_code',
      code: 'c-1',
      redirectUri: 'http://localhost:8/cb',
      codeVerifier: 'v',
    },
    { code: 'c-1', redirect_uri: 'http://localhost:8/cb', code_verifier: 'v' },
  ],
  [{ type: 'refresh_token', refreshToken: 'r-1' }, { refresh_token: 'r-1' }],
  [
    { type: 'app', appId: '4242', appToken: 'at-1' },
    { app_id: '4242', app_token: 'at-1' },
  ],
  [{ type: 'client_credentials', scope: 'global:all' }, { scope: 'global:all' }],
];

function decode(seen: Received): [string, string][] {
  return seen.headers['content-type'] === 'application/json'
    ? Object.entries(JSON.parse(seen.body) as Record<string, string>)
    : [...new URLSearchParams(seen.body).entries()];
}

describe.each<WireStyle>(['form', 'json'])('runExchange over %s', (style) => {
  it.each(GRANTS)('sends exactly the fields of the $type grant', async (grant, fields) => {
    const server = await serve(answer(200, fixture('token-user.json')));
    const result = await runExchange(exchangeTo(server.tokenUrl, grant, style), { fetch });

    expect(result.status).toBe('token');
    expect(server.received).toHaveLength(1);
    const seen = server.received[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.path).toBe(style === 'json' ? '/oauth/token/v2' : '/oauth/token');
    expect(seen.headers['content-type']).toBe(
      style === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
    );
    expect(seen.headers.accept).toBe('application/json');
    expect(seen.headers.authorization).toBeUndefined();
    expect(decode(seen)).toEqual([
      ['grant_type', grant.type],
      ['client_id', 'acme-sync'],
      ['client_secret', 'client-secret-0451'],
      ...Object.entries(fields),
    ]);
  });

  it('delivers special characters in secrets intact', async () => {
    const special = 'a&b=c+d%20e f ünï 🔑';
    const server = await serve(answer(200, fixture('token-user.json')));
    const grants: GrantInput[] = [
      { type: 'password', username: 'ann', password: special },
      { type: 'app', appId: '1', appToken: special },
    ];
    for (const grant of grants) {
      const req = exchangeTo(server.tokenUrl, grant, style);
      req.client.clientSecret = special;
      expect((await runExchange(req, { fetch })).status).toBe('token');
    }

    const [password, app] = server.received.map((seen) => new Map(decode(seen)));
    expect(password?.get('client_secret')).toBe(special);
    expect(password?.get('password')).toBe(special);
    expect(app?.get('app_token')).toBe(special);
  });
});

function expectError(result: ParsedResult) {
  if (result.status !== 'error') throw new Error(`expected an error, got ${result.status}`);
  return result.error;
}

describe('runExchange answers', () => {
  it('reads a user token, keeps rate-limit headers and dates the expiry on arrival', async () => {
    const server = await serve(
      answer(200, fixture('token-user.json'), {
        'X-Rate-Limit-Limit': '250',
        'X-Rate-Limit-Remaining': '249',
      }),
    );
    const clock = [1000, 1250, 1300];
    const now = () => clock.shift() ?? 9999;
    const grant: GrantInput = { type: 'password', username: 'ann', password: 'pw' };
    const result = await runExchange(exchangeTo(server.tokenUrl, grant), { fetch, now });

    if (result.status !== 'token') throw new Error('expected a token');
    expect(result.token.ref).toEqual({ type: 'user', id: 1234567 });
    expect(result.token.expiresAt).toBe(1250 + 28_800_000);
    expect(result.meta).toMatchObject({ status: 200, receivedAt: 1250, latencyMs: 300 });
    expect(result.meta.url).toBe(server.tokenUrl);
    expect(result.meta.headers['x-rate-limit-limit']).toBe('250');
    expect(result.meta.headers['x-rate-limit-remaining']).toBe('249');
    expect(result.meta.rawBody).toBe(fixture('token-user.json'));
  });

  it('reads an app token for the app grant', async () => {
    const server = await serve(answer(200, fixture('token-app.json')));
    const grant: GrantInput = { type: 'app', appId: '4242', appToken: 'at' };
    const result = await runExchange(exchangeTo(server.tokenUrl, grant), { fetch });
    if (result.status !== 'token') throw new Error('expected a token');
    expect(result.token.ref).toEqual({ type: 'app', id: 4242 });
  });

  it('reports two-factor sign-in for a login that has it', async () => {
    const server = await serve(answer(200, fixture('two-factor.json')));
    const grant: GrantInput = { type: 'password', username: 'ann', password: 'pw' };
    const result = await runExchange(exchangeTo(server.tokenUrl, grant), { fetch });
    expect(result).toMatchObject({ status: 'two_factor', serverNonce: 'c0153a05a4e0bcedca893f4a' });
  });

  it.each([
    ['invalid_grant 400', 400, 'error-invalid-grant.json', 'oauth', /^invalid_grant: Invalid user/],
    ['rate limit 420', 420, 'error-rate-limit.json', 'oauth', /^Podio's rate limit was hit/],
    ['proxy HTML 400', 400, 'proxy-400.html', 'http', /^HTTP 400 Bad Request from 127\.0\.0\.1/],
  ])('turns a %s into a typed error', async (_name, status, file, kind, message) => {
    const server = await serve(answer(status, fixture(file)));
    const grant: GrantInput = { type: 'password', username: 'ann', password: 'pw' };
    const error = expectError(await runExchange(exchangeTo(server.tokenUrl, grant), { fetch }));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  it.each([
    ['an empty 200', 200, '', 'malformed', /200 with an empty body/],
    ['a 200 without an access_token', 200, '{"scope":"x"}', 'malformed', /without an access_token/],
    ['a 200 JSON array', 200, '[]', 'malformed', /not an object/],
    ['an HTML 502 page', 502, '<html><body><h1>Bad Gateway</h1></body></html>', 'http', /502 Bad/],
  ])('turns %s into a typed error', async (_name, status, body, kind, message) => {
    const server = await serve(answer(status, body, { 'Content-Type': 'text/html' }));
    const grant: GrantInput = { type: 'refresh_token', refreshToken: 'r' };
    const error = expectError(await runExchange(exchangeTo(server.tokenUrl, grant), { fetch }));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  it('reads expires_in sent as a string and keeps extra fields', async () => {
    const body =
      '{"access_token":"t","token_type":"bearer","expires_in":"28800","transfer_token":"x"}';
    const server = await serve(answer(200, body));
    const grant: GrantInput = { type: 'refresh_token', refreshToken: 'r' };
    const result = await runExchange(exchangeTo(server.tokenUrl, grant), { fetch });
    if (result.status !== 'token') throw new Error('expected a token');
    expect(result.token.expiresIn).toBe(28800);
    expect(result.token.warnings).toEqual([expect.stringMatching(/came as a string/)]);
    expect(result.token.extra).toEqual({ transfer_token: 'x' });
  });

  it('leaves the expiry unknown when expires_in is missing', async () => {
    const server = await serve(answer(200, '{"access_token":"t","token_type":"bearer"}'));
    const grant: GrantInput = { type: 'refresh_token', refreshToken: 'r' };
    const result = await runExchange(exchangeTo(server.tokenUrl, grant), { fetch });
    expect(result).toMatchObject({ status: 'token', token: { expiresIn: null, expiresAt: null } });
  });

  it.each<GrantInput>([
    { type: 'password', username: 'ann', password: ' ' },
    { type: 'authorization_code', code: 'c', redirectUri: 'not a url' },
    { type: 'refresh_token', refreshToken: '' },
    { type: 'app', appId: 'x1', appToken: 't' },
    { type: 'client_credentials' },
  ])('sends nothing when the $type exchange fails validation', async (grant) => {
    const server = await serve(answer(200, fixture('token-user.json')));
    const req = exchangeTo(server.tokenUrl, grant);
    if (grant.type === 'client_credentials') req.client.clientId = '';
    const error = expectError(await runExchange(req, { fetch }));
    expect(error.kind).toBe('validation');
    expect(error.kind === 'validation' && error.issues.length).toBe(1);
    expect(server.received).toHaveLength(0);
  });
});

describe('runExchange logging', () => {
  it('logs one line per exchange: method, host, grant, status and time, no secret', async () => {
    const server = await serve((seen, res) => {
      // The server echoes the whole request body in its error, secrets and all.
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end(`rejected: ${seen.body}`);
    });
    const req = exchangeTo(server.tokenUrl, {
      type: 'password',
      username: 'ann',
      password: 'pw-77x',
    });
    const error = expectError(await runExchange(req, { fetch }));

    const lines = captured
      .filter((message) => message.scope === 'exchange')
      .map((message) => message.data.map(String).join(' '));
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^POST 127\\.0\\.0\\.1:${server.port} grant=password -> 400 http in \\d+ ms$`),
      ),
    ]);
    // Never even handed to the logger: no mask was needed.
    expect(lines.join('\n')).not.toMatch(/pw-77x|client-secret-0451|redacted/);
    expect(JSON.stringify(error)).not.toMatch(/pw-77x|client-secret-0451/);
  });
});
