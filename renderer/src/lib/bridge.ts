import type { WorkbenchApi } from '../../../preload/contract';

/** The API main exposes; throws a clear error when the page runs without the preload. */
export function workbench(): WorkbenchApi {
  const api = window.workbench;
  if (!api) {
    throw new Error(
      'window.workbench is missing: open this page through Token Workbench or its browser harness.',
    );
  }
  return api;
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
