import { afterEach, describe, expect, it } from 'vitest';
import type { FlowOptions } from './flow';
import { testFlowOptions } from './flow-driver';
import { createFlowManager } from './flows';
import type { FlowManager } from './flows';
import { closeNet, connectError, occupy, portOf } from './test-support';

const managers: FlowManager[] = [];
afterEach(async () => {
  await Promise.all(managers.splice(0).map((manager) => manager.cancelAll()));
});

function manager(): FlowManager {
  const created = createFlowManager();
  managers.push(created);
  return created;
}

function options(overrides: Partial<FlowOptions<string>> = {}): FlowOptions<string> & {
  opened: string[];
} {
  const opened: string[] = [];
  return {
    ...testFlowOptions<string>(
      () => Promise.resolve({ ok: true, message: 'kept', value: 'token-record' }),
      opened,
    ),
    ...overrides,
    opened,
  };
}

const portOfUri = (uri: string): number => Number(new URL(uri).port);

describe('createFlowManager', () => {
  it('lists a running flow under its profile and forgets it once it ends', async () => {
    const flows = manager();
    const handle = await flows.start('profile-a', options());
    expect(flows.active()).toEqual([
      expect.objectContaining({
        flowId: handle.flowId,
        profileKey: 'profile-a',
        redirectUri: handle.redirectUri,
        listenAddresses: handle.listenAddresses,
      }),
    ]);
    handle.cancel();
    await handle.result;
    expect(flows.active()).toEqual([]);
  });

  it('cancels the first flow of a profile when a second one starts for it', async () => {
    const flows = manager();
    const first = await flows.start('profile-a', options());
    const second = await flows.start('profile-a', options());
    expect(await first.result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(await connectError('127.0.0.1', portOfUri(first.redirectUri))).toBe('ECONNREFUSED');
    expect(flows.active().map((flow) => flow.flowId)).toEqual([second.flowId]);

    const target = new URL(second.redirectUri);
    target.search = `code=c&state=${new URL(second.authorizeUrl).searchParams.get('state')}`;
    expect((await fetch(target)).status).toBe(200);
    expect(await second.result).toMatchObject({ ok: true, value: 'token-record' });
  });

  it('frees a fixed port before the replacing flow binds the same port', async () => {
    const probe = await occupy('127.0.0.1');
    const port = portOf(probe);
    await closeNet(probe);
    const redirect = { host: '127.0.0.1' as const, port, path: '/callback', exactPath: true };
    const flows = manager();
    const first = await flows.start('profile-a', options({ redirect }));
    const second = await flows.start('profile-a', options({ redirect }));
    expect(await first.result).toMatchObject({ reason: 'cancelled' });
    expect(second.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
    expect(second.listenAddresses).toEqual([`127.0.0.1:${port}`]);
  });

  it('opens no browser for a start replaced before it finished binding', async () => {
    const flows = manager();
    const firstOptions = options();
    const firstStart = flows.start('profile-a', firstOptions);
    const second = await flows.start('profile-a', options());
    const first = await firstStart;
    expect(await first.result).toMatchObject({ reason: 'cancelled' });
    expect(firstOptions.opened).toEqual([]);
    expect(flows.active().map((flow) => flow.flowId)).toEqual([second.flowId]);
  });

  it('keeps flows of different profiles apart', async () => {
    const flows = manager();
    const a = await flows.start('profile-a', options());
    const b = await flows.start('profile-b', options());
    expect(
      flows
        .active()
        .map((flow) => flow.profileKey)
        .sort(),
    ).toEqual(['profile-a', 'profile-b']);
    expect(a.redirectUri).not.toBe(b.redirectUri);
  });

  it('cancels one flow by id and reports whether it knew the id', async () => {
    const flows = manager();
    const handle = await flows.start('profile-a', options());
    expect(flows.cancel('no-such-flow')).toBe(false);
    expect(flows.cancel(handle.flowId)).toBe(true);
    expect(await handle.result).toMatchObject({ reason: 'cancelled' });
  });

  it('cancelAll ends every flow and resolves once their listeners are closed', async () => {
    const flows = manager();
    const a = await flows.start('profile-a', options());
    const b = await flows.start('profile-b', options());
    await flows.cancelAll();
    expect(flows.active()).toEqual([]);
    expect(await a.result).toMatchObject({ reason: 'cancelled' });
    expect(await b.result).toMatchObject({ reason: 'cancelled' });
    expect(await connectError('127.0.0.1', portOfUri(a.redirectUri))).toBe('ECONNREFUSED');
    expect(await connectError('127.0.0.1', portOfUri(b.redirectUri))).toBe('ECONNREFUSED');
  });
});
