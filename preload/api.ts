import type {
  BridgeError,
  Channel,
  Envelope,
  EventName,
  Events,
  RequestOf,
  ResponseOf,
  ValidationIssue,
  WorkbenchApi,
  WorkbenchBridge,
} from './contract';
import { CHANNELS } from './contract';

/** How calls leave the renderer: Electron IPC in the app, HTTP in the browser harness. */
export type Transport = WorkbenchBridge;

/** A failure reported by main for a call (bad payload, unknown id, internal fault). */
export class WorkbenchCallError extends Error {
  readonly kind: BridgeError['kind'];
  /** Every problem with its field or path, when main named them. */
  readonly issues: ValidationIssue[];

  constructor(error: BridgeError) {
    super(error.message);
    this.name = 'WorkbenchCallError';
    this.kind = error.kind;
    this.issues = error.issues ?? [];
  }
}

const KNOWN_CHANNELS: ReadonlySet<string> = new Set(CHANNELS);

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

/**
 * The renderer's typed API over a bridge. It runs in the renderer's own world, so the
 * WorkbenchCallError it throws keeps its kind and issues (contextBridge would drop them).
 */
export function createApi(transport: Transport): WorkbenchApi {
  return {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      if (!KNOWN_CHANNELS.has(channel)) {
        throw new WorkbenchCallError({
          kind: 'validation',
          message: `Unknown channel "${channel}"`,
        });
      }
      const reply = await transport.invoke(channel, request);
      if (!isEnvelope(reply)) {
        throw new WorkbenchCallError({
          kind: 'internal',
          message: 'Main answered in an unknown shape',
        });
      }
      if (!reply.ok) throw new WorkbenchCallError(reply.error);
      // The envelope's value was built by main's handler for this very channel.
      return reply.value as ResponseOf<C>;
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      return transport.subscribe(event, (payload) => listener(payload as Events[E]));
    },
  };
}
