/**
 * Our exchange against an OAuth 2 server nobody on this team wrote: @node-oauth/oauth2-server,
 * behind node:http on 127.0.0.1, with a small in-memory model.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OAuth2Server from '@node-oauth/oauth2-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeRequest, GrantInput } from '../../preload/contract';
import { runExchange } from '../../main/oauth/exchange';
import type { ParsedResult } from '../../main/oauth/parse';

const CLIENT = { clientId: 'third-party-client', clientSecret: 'tp secret&=+%20 1' };
const LOGIN = { username: 'ann@example.com', password: 'c0rrect horse&battery=staple+1' };

type Model = OAuth2Server.PasswordModel & OAuth2Server.RefreshTokenModel;

/** Tokens live in maps; a refresh revokes the refresh token it used, as RFC 6749 allows. */
function memoryModel() {
  const client: OAuth2Server.Client = {
    id: CLIENT.clientId,
    grants: ['password', 'refresh_token'],
  };
  const user = { id: 'ann' };
  const accessTokens = new Map<string, OAuth2Server.Token>();
  const refreshTokens = new Map<string, OAuth2Server.RefreshToken>();
  const model: Model = {
    getClient: (id, secret) =>
      Promise.resolve(id === CLIENT.clientId && secret === CLIENT.clientSecret ? client : null),
    getUser: (username, password) =>
      Promise.resolve(username === LOGIN.username && password === LOGIN.password ? user : null),
    generateAccessToken: () => Promise.resolve(randomBytes(32).toString('hex')),
    saveToken: (token, tokenClient, tokenUser) => {
      const saved = { ...token, client: tokenClient, user: tokenUser };
      accessTokens.set(token.accessToken, saved);
      if (token.refreshToken)
        refreshTokens.set(token.refreshToken, { ...saved, refreshToken: token.refreshToken });
      return Promise.resolve(saved);
    },
    getAccessToken: (accessToken) => Promise.resolve(accessTokens.get(accessToken) ?? null),
    getRefreshToken: (refreshToken) => Promise.resolve(refreshTokens.get(refreshToken) ?? null),
    revokeToken: (token) => Promise.resolve(refreshTokens.delete(token.refreshToken)),
  };
  return { model, accessTokens, refreshTokens };
}

let server: Server | null = null;
let tokenUrl = '';
let store: ReturnType<typeof memoryModel>;

beforeEach(async () => {
  store = memoryModel();
  const oauth = new OAuth2Server({ model: store.model, accessTokenLifetime: 3600 });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const request = new OAuth2Server.Request({
        headers: req.headers as Record<string, string> & IncomingHttpHeaders,
        method: req.method ?? '',
        query: {},
        body,
      });
      const response = new OAuth2Server.Response();
      const send = () => {
        res.writeHead(response.status ?? 500, {
          ...response.headers,
          'Content-Type': 'application/json',
        });
        res.end(JSON.stringify(response.body as unknown));
      };
      oauth.token(request, response).then(send, send);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth/token`;
});

afterEach(async () => {
  const closing = server;
  server = null;
  if (!closing) return;
  closing.closeAllConnections();
  await new Promise<void>((resolve) => closing.close(() => resolve()));
});

const exchange = (grant: GrantInput): ExchangeRequest => ({
  environment: { tokenUrl, wireStyle: 'form' },
  client: { ...CLIENT },
  grant,
});

function tokenOf(result: ParsedResult) {
  if (result.status !== 'token') throw new Error(`expected a token: ${JSON.stringify(result)}`);
  return result.token;
}

describe('runExchange against @node-oauth/oauth2-server', () => {
  it('gets a token with the password grant, then a new one with its refresh token', async () => {
    const first = tokenOf(await runExchange(exchange({ type: 'password', ...LOGIN }), { fetch }));
    expect(store.accessTokens.has(first.accessToken)).toBe(true);
    expect(first.tokenType).toBe('Bearer');
    expect(first.expiresIn).toBeGreaterThan(3590);
    expect(first.expiresIn).toBeLessThanOrEqual(3600);
    expect(first.refreshToken).toMatch(/^[0-9a-f]{40,}$/);

    const refreshToken = first.refreshToken!;
    const grant: GrantInput = { type: 'refresh_token', refreshToken };
    const second = tokenOf(await runExchange(exchange(grant), { fetch }));
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(store.accessTokens.has(second.accessToken)).toBe(true);
    expect(second.refreshToken).not.toBe(refreshToken);
    expect(store.refreshTokens.has(refreshToken)).toBe(false);
  });

  it('reports a wrong password as an oauth invalid_grant error', async () => {
    const grant: GrantInput = { type: 'password', username: LOGIN.username, password: 'wrong' };
    const result = await runExchange(exchange(grant), { fetch });
    if (result.status !== 'error' || result.error.kind !== 'oauth')
      throw new Error(`expected an oauth error: ${JSON.stringify(result)}`);
    expect(result.error.error).toBe('invalid_grant');
    expect(result.error.meta.status).toBe(400);
    expect(result.error.message).toBe('invalid_grant: Invalid grant: user credentials are invalid');
  });

  // 400, not 401: RFC 6749 keeps 401 for clients that authenticated with an Authorization header.
  it('reports a wrong client secret as an oauth invalid_client error', async () => {
    const req = exchange({ type: 'password', ...LOGIN });
    req.client.clientSecret = 'not it';
    const result = await runExchange(req, { fetch });
    expect(result).toMatchObject({
      status: 'error',
      error: { kind: 'oauth', error: 'invalid_client', meta: { status: 400 } },
    });
  });
});
