import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';

let harness: Harness;
let rendererDir: string;
let token: string;

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'workbench-harness-renderer-'));
  await writeFile(
    join(rendererDir, 'index.html'),
    '<html><head><script type="module" src="./app.js"></script></head></html>',
  );
  await writeFile(join(rendererDir, 'app.js'), 'console.log(1)');
  harness = await startHarness({ rendererDir });
  token = new URL(harness.url).searchParams.get('token') ?? '';
}, 30_000);

afterAll(async () => {
  await harness.close();
  await rm(rendererDir, { recursive: true, force: true });
});

function invoke(channel: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${harness.origin}/__harness/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-harness-token': token, ...headers },
    body,
  });
}

/** A raw request, for Host headers fetch will not let a caller set. */
function rawGet(path: string, host: string): Promise<number> {
  const { port } = new URL(harness.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the browser harness', () => {
  it('serves the page with the bridge script first, only with the per-run token', async () => {
    const page = await fetch(harness.url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html.indexOf('/__harness/bridge.js')).toBeLessThan(html.indexOf('./app.js'));
    expect((await fetch(`${harness.origin}/`)).status).toBe(403);
    expect((await fetch(`${harness.origin}/?token=wrong`)).status).toBe(403);
  });

  it('binds 127.0.0.1 and refuses other Host names (DNS rebinding)', async () => {
    expect(new URL(harness.origin).hostname).toBe('127.0.0.1');
    expect(await rawGet('/app.js', 'attacker.example:80')).toBe(421);
    expect(await rawGet('/app.js', new URL(harness.origin).host)).toBe(200);
  });

  it('refuses calls without the token or from another origin', async () => {
    expect((await invoke('app:info', 'null', { 'x-harness-token': 'nope' })).status).toBe(403);
    expect((await invoke('app:info', 'null', { origin: 'http://evil.example' })).status).toBe(403);
  });

  it('answers every malformed call with an envelope, and keeps serving', async () => {
    const answers = await Promise.all([
      invoke('app:info', 'not json'),
      invoke('%E0%A4%A', 'null'),
      invoke('no:such', 'null'),
      invoke('exchange:refresh', '{"tokenId":42}'),
      invoke('app:info', 'x'.repeat(9 * 1024 * 1024)),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
    expect(await (await invoke('app:info', 'null')).json()).toMatchObject({
      ok: true,
      value: { name: 'Token Workbench' },
    });
  });

  it('serves no file outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/..%2fpackage.json']) {
      expect((await fetch(`${harness.origin}${path}`)).status).toBe(404);
    }
  });
});
