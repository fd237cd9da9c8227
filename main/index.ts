import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, net, safeStorage, session, shell } from 'electron';
import { createSafeStorageBox } from './adapters/safe-storage-box';
import type { AuthorizeProgress } from '../preload/contract';
import { createDispatcher } from './dispatch';
import { createHandlers } from './handlers';
import { registerIpc } from './ipc';
import { log, scoped } from './log';
import { createRendererUrlCheck } from './renderer-origin';
import { composeServices } from './services/compose';
import { createMainWindow } from './window';

const logger = scoped('app');
const here = dirname(fileURLToPath(import.meta.url));

// electron-vite sets this under `npm run dev`; a packaged or built app loads its own file.
const rendererUrl =
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href;
const isOwnRenderer = createRendererUrlCheck(rendererUrl);
const preloadPath = join(here, '../preload/index.cjs');

// net.fetch goes through Chromium's network stack: system proxy settings and OS certificates.
const fetchViaNet: typeof fetch = (input, init) =>
  net.fetch(input instanceof URL ? input.href : input, init);

// Only web pages go to the system browser: never file:, javascript: or custom schemes.
async function openInBrowser(url: string): Promise<void> {
  const { protocol } = new URL(url);
  if (protocol !== 'https:' && protocol !== 'http:')
    throw new Error(`Refused to open a ${protocol} URL`);
  await shell.openExternal(url);
}

function sendProgress(progress: AuthorizeProgress): void {
  for (const window of BrowserWindow.getAllWindows()) {
    window.webContents.send('authorize:progress', progress);
  }
}

function openWindow(): void {
  createMainWindow({ preloadPath, rendererUrl, isOwnRenderer });
}

function start(): void {
  log.transports.file.level = 'info';
  // The workbench needs no camera, notifications or geolocation: refuse every permission.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, grant) =>
    grant(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);

  const services = composeServices({
    fetch: fetchViaNet,
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      plainTextSecrets: false,
    }),
    storeDir: app.getPath('userData'),
    secretBox: createSafeStorageBox(safeStorage),
    openExternal: openInBrowser,
    emitProgress: sendProgress,
  });
  registerIpc(createDispatcher(createHandlers(services)), isOwnRenderer);
  app.on('will-quit', () => {
    void services.close();
  });
  openWindow();
  logger.info(`started ${app.getName()} ${app.getVersion()}`);
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.whenReady().then(start, (error: unknown) => logger.error('failed to start', error));
}
