import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function runCli(args: string[]): ChildProcessWithoutNullStreams {
  // Without VITEST in its environment the child logs at info, as a person running it sees.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
  );
  return spawn(TSX, ['main/sandbox/cli.ts', ...args], { cwd: ROOT, env });
}

/** Collects a stream's text as it comes. */
function collect(stream: NodeJS.ReadableStream): { text: string } {
  const sink = { text: '' };
  stream.on('data', (chunk) => (sink.text += String(chunk)));
  return sink;
}

/** Waits until the child's stdout holds a full first line, and returns it. */
async function firstLine(
  child: ChildProcessWithoutNullStreams,
  stdout: { text: string },
): Promise<string> {
  while (!stdout.text.includes('\n')) {
    if (child.exitCode !== null) throw new Error(`cli exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return stdout.text.slice(0, stdout.text.indexOf('\n'));
}

async function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

describe('npm run sandbox', () => {
  it('--json prints one JSON line whose credentials get a token', async () => {
    const child = runCli(['--json', '--port', '0']);
    const stdout = collect(child.stdout);
    try {
      const line = await firstLine(child, stdout);
      const info = JSON.parse(line) as Record<string, string>;

      const response = await fetch(`${info.url}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: info.client_id!,
          client_secret: info.client_secret!,
          username: info.username!,
          password: info.password!,
        }).toString(),
      });

      expect(Object.keys(info)).toEqual([
        'url',
        'client_id',
        'client_secret',
        'username',
        'password',
        'app_id',
        'app_token',
      ]);
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(response.status).toBe(200);
    } finally {
      await stop(child);
    }
  });

  it('SIGTERM closes the server and exits 0 with nothing more on stdout', async () => {
    const child = runCli(['--json']);
    const stdout = collect(child.stdout);
    const stderr = collect(child.stderr);
    try {
      const line = await firstLine(child, stdout);
      const { url } = JSON.parse(line) as { url: string };
      await fetch(`${url}/user/status`);

      expect(await stop(child)).toBe(0);
      expect(stdout.text).toBe(`${line}\n`);
      expect(stderr.text).toMatch(/GET \/user\/status 401 \d+ms/);
      await expect(fetch(`${url}/user/status`)).rejects.toThrow();
    } finally {
      await stop(child);
    }
  });

  it('a bad --port exits 2 with a clear message', async () => {
    const child = runCli(['--port', '99999']);
    const stderr = collect(child.stderr);
    try {
      const [code] = (await once(child, 'exit')) as [number | null];

      expect(code).toBe(2);
      expect(stderr.text).toContain('--port must be a whole number from 0 to 65535');
    } finally {
      await stop(child);
    }
  });
});
