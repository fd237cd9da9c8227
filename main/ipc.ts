import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../preload/contract';
import { CHANNELS } from '../preload/contract';
import type { Dispatch } from './dispatch';
import { scoped } from './log';

const logger = scoped('ipc');

function isTrustedSender(
  event: IpcMainInvokeEvent,
  isOwnRenderer: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  // Only our renderer's top frame may call main; a subframe or a navigated page may not.
  if (!frame || frame !== event.sender.mainFrame) return false;
  return isOwnRenderer(frame.url);
}

/** Registers one ipcMain handler per contract channel; returns a function that removes them. */
export function registerIpc(
  dispatch: Dispatch,
  isOwnRenderer: (url: string) => boolean,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event, isOwnRenderer)) {
        logger.warn(
          `dropped ${channel} from untrusted frame ${event.senderFrame?.url ?? '(gone)'}`,
        );
        return Promise.resolve({
          ok: false,
          error: { kind: 'forbidden', message: 'Calls are accepted from the app window only' },
        });
      }
      return dispatch(channel, payload);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
