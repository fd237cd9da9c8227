import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from './server';
import type { Sandbox } from './server';
import { exchange, jsonOf, postJson } from './test-kit';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox();
});

afterEach(async () => {
  await sandbox.close();
});

const passwordGrant = () => ({
  grant_type: 'password',
  username: sandbox.demo.username,
  password: sandbox.demo.password,
});

describe('faults', () => {
  it('latencyMs delays the answer', async () => {
    sandbox.setFaults({ latencyMs: 300 });

    const started = performance.now();
    const reply = await exchange(sandbox, 'form', passwordGrant());

    expect(reply.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('status5xxHtml answers a 502 HTML page', async () => {
    sandbox.setFaults({ status5xxHtml: true });

    const reply = await exchange(sandbox, 'form', passwordGrant());

    expect(reply.status).toBe(502);
    expect(reply.headers.get('content-type')).toContain('text/html');
    expect(reply.text).toContain('<title>502 Bad Gateway</title>');
  });

  it('rateLimit answers 420 rate_limit with no calls remaining', async () => {
    sandbox.setFaults({ rateLimit: true });

    const reply = await exchange(sandbox, 'json', passwordGrant());

    expect(reply.status).toBe(420);
    expect(reply.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(jsonOf(reply)).toMatchObject({
      error: 'rate_limit',
      error_description: 'You have hit the rate limit. Please wait 300 seconds before trying again',
    });
  });

  it('malformedJson answers 200 with JSON that does not parse', async () => {
    sandbox.setFaults({ malformedJson: true });

    const reply = await exchange(sandbox, 'form', passwordGrant());

    expect(reply.status).toBe(200);
    expect(reply.text.startsWith('{"access_token":"')).toBe(true);
    expect(() => JSON.parse(reply.text) as unknown).toThrow(SyntaxError);
  });

  it('malformedJson leaves error answers whole', async () => {
    sandbox.setFaults({ malformedJson: true });

    const reply = await exchange(sandbox, 'form', { ...passwordGrant(), password: 'nope' });

    expect(jsonOf(reply).error).toBe('invalid_grant');
  });

  it('expiresInAsString sends expires_in as text', async () => {
    sandbox.setFaults({ expiresInAsString: true });

    const reply = await exchange(sandbox, 'form', passwordGrant());

    expect(jsonOf(reply).expires_in).toBe('28800');
  });

  it('shortLivedSeconds shows in expires_in', async () => {
    sandbox.setFaults({ shortLivedSeconds: 30 });

    const reply = await exchange(sandbox, 'form', passwordGrant());

    expect(jsonOf(reply).expires_in).toBe(30);
  });

  it('emptyBody answers 200 with nothing', async () => {
    sandbox.setFaults({ emptyBody: true });

    const reply = await exchange(sandbox, 'form', passwordGrant());

    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
  });

  it('hang never answers, until the fault is gone for later requests', async () => {
    sandbox.setFaults({ hang: true });

    const hung = await fetch(sandbox.tokenUrl, {
      method: 'POST',
      signal: AbortSignal.timeout(300),
    }).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.name : 'other'),
    );
    sandbox.resetFaults();
    const later = await exchange(sandbox, 'form', passwordGrant());

    expect(hung).toBe('TimeoutError');
    expect(later.status).toBe(200);
  });

  it('close() finishes promptly while a request hangs', async () => {
    const local = await startSandbox();
    try {
      local.setFaults({ hang: true });
      const pending = fetch(local.tokenUrl, { method: 'POST' }).catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 100));

      const started = performance.now();
      await local.close();

      expect(performance.now() - started).toBeLessThan(1000);
      expect(await pending).toBeInstanceOf(Error);
    } finally {
      await local.close();
    }
  });

  it('faults do not touch the authorize page', async () => {
    sandbox.setFaults({ status5xxHtml: true });

    const response = await fetch(
      `${sandbox.authorizeUrl}?client_id=workbench-demo&redirect_uri=http://localhost:1/cb`,
    );

    expect(response.status).toBe(200);
  });

  it('resetFaults turns every fault off', async () => {
    sandbox.setFaults({ rateLimit: true, expiresInAsString: true });
    sandbox.resetFaults();

    const reply = await exchange(sandbox, 'form', passwordGrant());

    expect(reply.status).toBe(200);
    expect(jsonOf(reply).expires_in).toBe(28800);
  });

  it('setFaults with an invalid value throws and changes nothing', async () => {
    expect(() => sandbox.setFaults({ latencyMs: -1 })).toThrow(TypeError);

    const reply = await exchange(sandbox, 'form', passwordGrant());
    expect(reply.status).toBe(200);
  });
});

describe('faults over HTTP', () => {
  it('POST /__sandbox/faults switches a fault on and answers the full set', async () => {
    const set = await postJson(`${sandbox.url}/__sandbox/faults`, { rateLimit: true });
    const reply = await exchange(sandbox, 'form', passwordGrant());

    expect(set.status).toBe(200);
    expect(jsonOf(set)).toMatchObject({ rateLimit: true, hang: false, latencyMs: 0 });
    expect(reply.status).toBe(420);
  });

  it('DELETE /__sandbox/faults resets them', async () => {
    sandbox.setFaults({ emptyBody: true });

    await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    const reply = await exchange(sandbox, 'form', passwordGrant());

    expect(reply.status).toBe(200);
    expect(reply.text).not.toBe('');
  });

  it.each([{ latencyMs: 'slow' }, { unknownFault: true }, [true]])(
    'an invalid faults body %j is 400 and changes nothing',
    async (body) => {
      const set = await postJson(`${sandbox.url}/__sandbox/faults`, body);
      const current = jsonOf(await postJson(`${sandbox.url}/__sandbox/faults`, {}));

      expect(set.status).toBe(400);
      expect(current).toMatchObject({ latencyMs: 0, rateLimit: false });
    },
  );

  it('the faults endpoint is not itself hit by faults', async () => {
    sandbox.setFaults({ hang: true });

    const reply = await postJson(`${sandbox.url}/__sandbox/faults`, { hang: false });

    expect(reply.status).toBe(200);
  });
});
