import type { Channel, EventName, WorkbenchBridge } from '../../preload/contract';

/**
 * Plays the preload in a plain browser: window.workbenchBridge posts to the harness server
 * instead of Electron IPC; the renderer builds its API over it exactly as in the app.
 */
const token = new URLSearchParams(window.location.search).get('token') ?? '';

async function invoke(channel: Channel, payload: unknown): Promise<unknown> {
  const response = await fetch(`/__harness/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-harness-token': token },
    body: JSON.stringify(payload ?? null),
  });
  return response.json();
}

let events: EventSource | null = null;

function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  events ??= new EventSource(`/__harness/events?token=${encodeURIComponent(token)}`);
  const handler = (message: MessageEvent<string>): void => listener(JSON.parse(message.data));
  events.addEventListener(event, handler);
  return () => events?.removeEventListener(event, handler);
}

const bridge: WorkbenchBridge = { invoke, subscribe };
Object.defineProperty(window, 'workbenchBridge', {
  value: Object.freeze(bridge),
  enumerable: true,
});
