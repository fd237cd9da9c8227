import { createApi } from '../../../preload/api';
import type { WorkbenchApi, WorkbenchBridge } from '../../../preload/contract';

let built: { bridge: WorkbenchBridge; api: WorkbenchApi } | null = null;

/** True when the page runs with the preload (or the browser harness) behind it. */
export function hasBridge(): boolean {
  return window.workbenchBridge !== undefined;
}

/** The typed API over the preload's bridge; throws a clear error when there is no bridge. */
export function workbench(): WorkbenchApi {
  const bridge = window.workbenchBridge;
  if (!bridge) {
    throw new Error(
      'The workbench bridge is missing: ' +
        'open this page through Token Workbench or its browser harness.',
    );
  }
  if (built?.bridge !== bridge) built = { bridge, api: createApi(bridge) };
  return built.api;
}

/** A readable sentence from whatever an invoke rejected with (an Error or a BridgeError). */
export function failureMessage(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'object' && reason !== null && 'message' in reason) {
    const { message } = reason;
    if (typeof message === 'string') return message;
  }
  return 'The app did not answer the request.';
}
