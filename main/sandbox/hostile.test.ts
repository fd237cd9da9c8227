import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './server';
import type { Sandbox } from './server';
import { exchange } from './test-kit';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

/** Sends raw bytes and collects what comes back until the server closes or 1 s passes. */
function raw(bytes: string | Buffer): Promise<string> {
  const { port } = new URL(sandbox.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, 1000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', done);
    socket.write(bytes);
  });
}

const statusOf = (response: string) => /^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 'none';

/** The server still hands out tokens: the proof it survived. */
async function stillAnswers(): Promise<void> {
  const reply = await exchange(sandbox, 'form', { grant_type: 'client_credentials' });
  expect(reply.status).toBe(200);
}

describe('hostile input', () => {
  it.each([
    ['a made-up method', 'BREW /oauth/token HTTP/1.1\r\nHost: x\r\n\r\n', '400'],
    ['garbage instead of HTTP', '\x00\x01\x02 nonsense\r\n\r\n', '400'],
    [
      'a header with a bare LF injection',
      'GET /user/status HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n',
      '400',
    ],
    [
      'an oversized header',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      '431',
    ],
    [
      'a path with raw bytes',
      'GET /\xff\xfe%%% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      '400',
    ],
    [
      'an absolute-form target',
      'GET http://evil.test/oauth/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      '404',
    ],
    [
      'a double-slash path',
      'GET //oauth/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      '404',
    ],
    [
      'DELETE on the token URL',
      'DELETE /oauth/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      '405',
    ],
  ])('%s is answered and the server survives', async (_name, request, status) => {
    const response = await raw(request);

    expect(statusOf(response)).toBe(status);
    await stillAnswers();
  });

  it('a huge declared Content-Length is refused with 413 before any body is sent', async () => {
    const response = await raw(
      'POST /oauth/token HTTP/1.1\r\nHost: x\r\n' +
        'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 999999999\r\n\r\n',
    );

    expect(statusOf(response)).toBe('413');
    await stillAnswers();
  });

  it('a chunked body past the limit is refused with 413', async () => {
    const chunk = 'a'.repeat(16 * 1024);
    const chunks = Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    const response = await raw(
      'POST /oauth/token HTTP/1.1\r\nHost: x\r\n' +
        'Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n' +
        `${chunks.join('')}0\r\n\r\n`,
    );

    expect(statusOf(response)).toBe('413');
    await stillAnswers();
  });

  it('bad percent-encoding in a form body is read as text, not a crash', async () => {
    const response = await fetch(sandbox.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=%E0%A4%A&client_id=%zz&client_secret=%',
    });

    expect(response.status).toBe(400);
    await stillAnswers();
  });

  it('bad percent-encoding in the authorize query gets an error page', async () => {
    const response = await fetch(`${sandbox.authorizeUrl}?client_id=%zz&redirect_uri=%E0%A4%A`);

    expect(response.status).toBe(400);
    await stillAnswers();
  });

  it('an encoded CR LF in redirect_uri never reaches a Location header', async () => {
    const response = await fetch(
      `${sandbox.authorizeUrl}?client_id=workbench-demo&response_type=x` +
        '&redirect_uri=http%3A%2F%2Flocalhost%2Fcb%0D%0ASet-Cookie%3A%20a%3Db',
      { redirect: 'manual' },
    );

    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('a JSON body with a __proto__ key is handled as plain data', async () => {
    const response = await fetch(`${sandbox.tokenUrl}/v2`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"__proto__":{"grant_type":"password"},"constructor":"x"}',
    });

    expect(response.status).toBe(400);
    await stillAnswers();
  });

  it('a client that hangs up mid-body does not hurt the server', async () => {
    const { port } = new URL(sandbox.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /oauth/token HTTP/1.1\r\nHost: x\r\n' +
            'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ngrant_',
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });

    await stillAnswers();
  });
});

describe('routing', () => {
  it('an unknown path is 404 in Podio shape', async () => {
    const response = await fetch(`${sandbox.url}/nope?x=1`);

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: 'not_found',
      request: { url: `${sandbox.url}/nope`, query_string: 'x=1', method: 'GET' },
    });
  });

  it('a wrong method is 405 with Allow', async () => {
    const response = await fetch(sandbox.tokenUrl);

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});
