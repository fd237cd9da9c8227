import { BrowserWindow } from 'electron';
import type { WebPreferences } from 'electron';
import { scoped } from './log';

const logger = scoped('window');

export interface WindowOptions {
  preloadPath: string;
  /** file://…/out/renderer/index.html in the app, the dev server's URL under `npm run dev`. */
  rendererUrl: string;
  isOwnRenderer: (url: string) => boolean;
}

//#region Security related measures — every guard of the window, each with why.
export const SECURE_WEB_PREFERENCES: Readonly<WebPreferences> = {
  // The renderer shows tokens but never holds Node or Electron: main does the secret work.
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  // The preload's world stays apart from the page's, so the page can't reach its internals.
  contextIsolation: true,
  // OS-level sandbox for the renderer process.
  sandbox: true,
  // Same-origin policy stays on; no http content inside our https/file page.
  webSecurity: true,
  allowRunningInsecureContent: false,
  // No <webview>: nothing should embed remote pages in the workbench.
  webviewTag: false,
  // Typed secrets must not go to a spell-check service.
  spellcheck: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
};

function applyGuards(window: BrowserWindow, options: WindowOptions): void {
  const contents = window.webContents;
  // New windows (target=_blank, window.open) are refused; links to docs open nowhere.
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn(`blocked new window to ${new URL(url).origin}`);
    return { action: 'deny' };
  });
  // The window only ever shows our renderer; any navigation away is cancelled.
  contents.on('will-navigate', (event, url) => {
    if (!options.isOwnRenderer(url)) {
      event.preventDefault();
      logger.warn('blocked navigation away from the renderer');
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!options.isOwnRenderer(url)) event.preventDefault();
  });
  // A page that tries to attach a webview anyway gets nothing.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
//#endregion

/** Creates the one app window with the secure preferences and guards, and loads the renderer. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Token Workbench',
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadPath },
  });
  applyGuards(window, options);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.rendererUrl);
  return window;
}
