import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizeOptions, AuthorizeProgress, ProfileDraft } from '../../preload/contract';
import { sandboxEnvironment } from '../store/environments';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { actAsBrowser } from '../sandbox/test-kit';
import { createAuthorizeService, type AuthorizeService } from './authorize-service';
import { createExchangeService } from './exchange-service';

let sandbox: Sandbox;
let service: AuthorizeService;
let opened: string[];
let progress: AuthorizeProgress[];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox.close();
});

afterEach(async () => {
  await service.closeAll();
  sandbox.resetFaults();
});

function setup(): void {
  opened = [];
  progress = [];
  service = createAuthorizeService({
    exchange: createExchangeService({
      fetch,
      environments: () =>
        Promise.resolve([
          sandboxEnvironment(sandbox.url),
          // The same server, set up as one known not to echo state.
          { ...sandboxEnvironment(sandbox.url), id: 'no-state', acceptMissingState: true },
        ]),
    }),
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    emitProgress: (event) => progress.push(event),
  });
}

function draft(): ProfileDraft {
  return {
    environmentId: 'sandbox',
    clientId: sandbox.demo.clientId,
    clientSecret: sandbox.demo.clientSecret,
    username: '',
    password: '',
    appId: '',
    appToken: '',
    code: '',
    redirectUri: '',
  };
}

const OPTIONS: AuthorizeOptions = {
  redirectHost: '127.0.0.1',
  port: null,
  path: '/callback',
  exactPath: false,
  usePkce: false,
  acceptMissingState: false,
  scope: '',
};

function browserDecides(decision: 'allow' | 'deny'): Promise<string> {
  return actAsBrowser(opened[0]!, decision);
}

async function lastPhase(): Promise<AuthorizeProgress> {
  await expect.poll(() => progress.at(-1)?.phase).toMatch(/done|failed|cancelled/);
  return progress.at(-1)!;
}

describe('the browser sign-in against the sandbox', () => {
  it('opens the authorize URL, catches the redirect, exchanges the code for a token', async () => {
    setup();
    const started = await service.start(draft(), OPTIONS);
    expect(started.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\/[\w-]+$/);
    expect(started.registerAs).toBe('127.0.0.1');
    const authorize = new URL(opened[0]!);
    expect(authorize.origin + authorize.pathname).toBe(sandbox.authorizeUrl);
    expect(authorize.searchParams.get('redirect_uri')).toBe(started.redirectUri);

    const page = await browserDecides('allow');
    expect(page).toContain('got a token for user 1234567');
    const end = await lastPhase();
    expect(end.phase).toBe('done');
    expect(end.flowId).toBe(started.flowId);
    expect(end.outcome?.status).toBe('token');
    if (end.outcome?.status === 'token') {
      expect(end.outcome.grant).toBe('authorization_code');
      expect(page).not.toContain(end.outcome.token.accessToken);
    }
    expect(progress.map((event) => event.phase)).toEqual(
      expect.arrayContaining(['code_received', 'exchanging', 'done']),
    );
  });

  it('reports access denied when the person presses Deny', async () => {
    setup();
    await service.start(draft(), OPTIONS);
    await browserDecides('deny');
    const end = await lastPhase();
    expect(end.phase).toBe('failed');
    expect(end.message?.toLowerCase()).toContain('access denied');
    expect(end.outcome).toBeNull();
  });

  it('accepts a server that drops state only when told to, and says so', async () => {
    setup();
    sandbox.setFaults({ omitState: true });
    await service.start(draft(), OPTIONS);
    await browserDecides('allow');
    expect((await lastPhase()).phase).toBe('failed');

    setup();
    await service.start(draft(), { ...OPTIONS, acceptMissingState: true });
    await browserDecides('allow');
    const end = await lastPhase();
    expect(end.phase).toBe('done');
    expect(end.stateMissing).toBe(true);
  });

  it('takes the environment switch for servers that do not echo state', async () => {
    setup();
    sandbox.setFaults({ omitState: true });
    await service.start({ ...draft(), environmentId: 'no-state' }, OPTIONS);
    await browserDecides('allow');
    const end = await lastPhase();
    expect(end.phase).toBe('done');
    expect(end.stateMissing).toBe(true);
  });

  it('cancels a waiting sign-in', async () => {
    setup();
    const started = await service.start(draft(), OPTIONS);
    expect(service.cancel(started.flowId)).toEqual({ cancelled: true });
    expect((await lastPhase()).phase).toBe('cancelled');
    expect(service.cancel(started.flowId)).toEqual({ cancelled: false });
  });

  it('refuses a fixed port that is taken, naming the port', async () => {
    setup();
    const port = Number(new URL(sandbox.url).port);
    await expect(service.start(draft(), { ...OPTIONS, port })).rejects.toThrow(String(port));
    expect(opened).toEqual([]);
  });
});
