import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { WorkbenchBridge } from './contract';
import { CHANNELS } from './contract';

const KNOWN: ReadonlySet<string> = new Set(CHANNELS);

// The renderer gets only this narrow bridge: no ipcRenderer, no channel it could pick freely.
const bridge: WorkbenchBridge = {
  invoke: (channel, payload) =>
    KNOWN.has(channel)
      ? ipcRenderer.invoke(channel, payload)
      : Promise.resolve({ ok: false, error: { kind: 'validation', message: 'Unknown channel' } }),
  subscribe: (event, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, handler);
    return () => {
      ipcRenderer.removeListener(event, handler);
    };
  },
};

contextBridge.exposeInMainWorld('workbenchBridge', bridge);
