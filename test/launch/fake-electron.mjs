// A stand-in for the `electron` module, for loading the built main bundle under plain Node
// where no Electron binary exists. It records what main asks of Electron so a test can read it.
import { EventEmitter } from 'node:events';

export const recorder = {
  sandboxEnabled: false,
  singleInstanceLock: false,
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  ipcHandlers: new Map(),
  windows: [],
  quitCalls: 0,
};

class FakeApp extends EventEmitter {
  #ready;
  constructor() {
    super();
    this.#ready = new Promise((resolve) => setTimeout(resolve, 10));
  }
  whenReady() {
    return this.#ready;
  }
  isReady() {
    return true;
  }
  enableSandbox() {
    recorder.sandboxEnabled = true;
  }
  requestSingleInstanceLock() {
    recorder.singleInstanceLock = true;
    return true;
  }
  getName() {
    return 'token-workbench';
  }
  getVersion() {
    return '0.0.0-smoke';
  }
  getPath() {
    const dir = process.env.FAKE_ELECTRON_USER_DATA;
    if (!dir) throw new Error('set FAKE_ELECTRON_USER_DATA to a temp folder');
    return dir;
  }
  quit() {
    recorder.quitCalls += 1;
    this.emit('will-quit');
  }
}

export const app = new FakeApp();

class FakeWebContents extends EventEmitter {
  windowOpenHandler = null;
  mainFrame = { url: '' };
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send() {}
}

export class BrowserWindow extends EventEmitter {
  static #all = [];
  static getAllWindows() {
    return [...BrowserWindow.#all];
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    this.loadedUrl = null;
    BrowserWindow.#all.push(this);
    recorder.windows.push(this);
  }
  loadURL(url) {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    setTimeout(() => this.emit('ready-to-show'), 1);
    return Promise.resolve();
  }
  loadFile(path) {
    return this.loadURL(`file://${path}`);
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
}

export const ipcMain = {
  handle(channel, handler) {
    if (recorder.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    recorder.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    recorder.ipcHandlers.delete(channel);
  },
  on() {},
};

const defaultSession = {
  setPermissionRequestHandler(handler) {
    recorder.permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler) {
    recorder.permissionCheckHandler = handler;
  },
  webRequest: { onHeadersReceived() {} },
};

export const session = { defaultSession };
export const net = { fetch: (input, init) => globalThis.fetch(input, init) };
export const shell = { openExternal: () => Promise.resolve() };
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(`fake:${text}`),
  decryptString: (buffer) => buffer.toString().replace(/^fake:/, ''),
};
export const clipboard = { writeText() {} };
export const contextBridge = { exposeInMainWorld() {} };
export const ipcRenderer = { invoke() {}, on() {}, removeListener() {} };

export default {
  app,
  BrowserWindow,
  ipcMain,
  session,
  net,
  shell,
  safeStorage,
  clipboard,
  contextBridge,
  ipcRenderer,
};
