// Loads the built main bundle against the fake electron module, exercises what it wired up,
// prints one JSON report line on stdout, and quits. Run by test/node/launch-smoke.test.ts.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./electron-hooks.mjs', import.meta.url);
const { recorder, app } = await import('./fake-electron.mjs');
const mainBundle = process.argv[2];
await import(pathToFileURL(mainBundle).href);

const deadline = Date.now() + 10_000;
while (recorder.windows.length === 0 || !recorder.windows[0].loadedUrl) {
  if (Date.now() > deadline) throw new Error('main did not create and load a window in 10 s');
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const window = recorder.windows[0];
const contents = window.webContents;
const ownUrl = window.loadedUrl;

function navigationPrevented(url) {
  let prevented = false;
  contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

function trustedEvent(url) {
  const frame = { url };
  return { sender: { mainFrame: frame }, senderFrame: frame };
}

async function call(channel, payload, event) {
  const handler = recorder.ipcHandlers.get(channel);
  return handler ? handler(event, payload) : null;
}

const subframe = { url: ownUrl };
const report = {
  sandboxEnabled: recorder.sandboxEnabled,
  singleInstanceLock: recorder.singleInstanceLock,
  windowCount: recorder.windows.length,
  webPreferences: window.options.webPreferences,
  loadedUrl: ownUrl,
  ipcChannels: [...recorder.ipcHandlers.keys()].sort(),
  windowOpen: contents.windowOpenHandler?.({ url: 'https://example.invalid/' }) ?? null,
  navigationAwayPrevented: navigationPrevented('https://example.invalid/'),
  navigationToSelfPrevented: navigationPrevented(ownUrl),
  permissionGranted: await new Promise((resolve) =>
    recorder.permissionRequestHandler?.(null, 'notifications', resolve),
  ),
  environmentsFromOwnWindow: await call('environments:list', undefined, trustedEvent(ownUrl)),
  environmentsFromOtherPage: await call(
    'environments:list',
    undefined,
    trustedEvent('https://example.invalid/'),
  ),
  environmentsFromSubframe: await call('environments:list', undefined, {
    sender: { mainFrame: { url: ownUrl } },
    senderFrame: subframe,
  }),
  badPayload: await call('exchange:refresh', { tokenId: 42 }, trustedEvent(ownUrl)),
};

process.stdout.write(`${JSON.stringify(report)}\n`);
app.quit();
setTimeout(() => process.exit(0), 200);
