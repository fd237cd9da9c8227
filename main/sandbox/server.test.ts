import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { LogMessage, Transport } from 'electron-log';
import { afterEach, describe, expect, it } from 'vitest';
import { log } from '../log';
import { DEFAULT_DEMO, startSandbox } from './server';
import type { Sandbox } from './server';
import { authorizeCode, exchange, jsonOf, REDIRECT_URI } from './test-kit';

const opened: Sandbox[] = [];

async function start(options: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  const sandbox = await startSandbox(options);
  opened.push(sandbox);
  return sandbox;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((sandbox) => sandbox.close()));
});

describe('startSandbox', () => {
  it('listens on 127.0.0.1 on a port the OS picked and names its URLs', async () => {
    const sandbox = await start();

    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.url.endsWith(':0')).toBe(false);
    expect(sandbox.tokenUrl).toBe(`${sandbox.url}/oauth/token`);
    expect(sandbox.authorizeUrl).toBe(`${sandbox.url}/oauth/authorize`);
  });

  it('the default demo has the documented values', () => {
    expect(DEFAULT_DEMO).toMatchObject({
      clientId: 'workbench-demo',
      username: 'demo@example.com',
      password: 'demo-password',
      appId: '4242',
    });
    expect(DEFAULT_DEMO.clientSecret).toHaveLength(40);
    expect(DEFAULT_DEMO.appToken).toMatch(/^[0-9a-f]{32}$/);
  });

  it('can listen on ::1', async (context) => {
    const sandbox = await startSandbox({ host: '::1' }).catch(() => null);
    if (!sandbox) return context.skip('this machine has no IPv6 loopback');
    opened.push(sandbox);

    const reply = await exchange(sandbox, 'form', { grant_type: 'client_credentials' });

    expect(sandbox.url).toMatch(/^http:\/\/\[::1\]:\d+$/);
    expect(reply.status).toBe(200);
  });

  it('refuses a host that is not loopback', async () => {
    const options = { host: '0.0.0.0' } as unknown as Parameters<typeof startSandbox>[0];

    await expect(startSandbox(options)).rejects.toThrow('loopback only');
  });

  it('rejects when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      await expect(startSandbox({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('a demo override changes what the token endpoint accepts', async () => {
    const sandbox = await start({ demo: { password: 'other-password' } });

    const old = await exchange(sandbox, 'form', {
      grant_type: 'password',
      username: 'demo@example.com',
      password: 'demo-password',
    });
    const fresh = await exchange(sandbox, 'form', {
      grant_type: 'password',
      username: 'demo@example.com',
      password: 'other-password',
    });

    expect(sandbox.demo.password).toBe('other-password');
    expect(old.status).toBe(400);
    expect(fresh.status).toBe(200);
  });

  it('close() twice is harmless and the port stops answering', async () => {
    const sandbox = await start();

    await sandbox.close();
    await sandbox.close();

    await expect(fetch(sandbox.tokenUrl, { method: 'POST' })).rejects.toThrow();
  });
});

describe('request log', () => {
  it('writes one line per request with method, path, status and ms, and no secrets', async () => {
    const lines: string[] = [];
    const capture = Object.assign(
      (message: LogMessage) => {
        if (message.scope === 'sandbox') lines.push(message.data.map(String).join(' '));
      },
      { level: 'info', transforms: [] },
    ) as Transport;
    log.transports.sandboxCapture = capture;
    try {
      const sandbox = await start();
      const { demo } = sandbox;
      const code = await authorizeCode(sandbox);
      const token = jsonOf(
        await exchange(sandbox, 'form', {
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT_URI,
        }),
      );

      expect(lines).toEqual([
        expect.stringMatching(/^GET \/oauth\/authorize 200 \d+ms$/),
        expect.stringMatching(/^POST \/oauth\/authorize\/decision 302 \d+ms$/),
        expect.stringMatching(/^POST \/oauth\/token 200 \d+ms$/),
      ]);
      const text = lines.join('\n');
      for (const secret of [demo.clientSecret, code, String(token.access_token), 'st-1']) {
        expect(text).not.toContain(secret);
      }
    } finally {
      delete log.transports.sandboxCapture;
    }
  });
});
