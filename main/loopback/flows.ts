import { randomUUID } from 'node:crypto';
import { scoped } from '../log';
import { endedFlow, startFlow } from './flow';
import type { FlowHandle, FlowOptions } from './flow';

const log = scoped('loopback');

/** A running flow as the app lists it. */
export interface ActiveFlow {
  flowId: string;
  profileKey: string;
  redirectUri: string;
  listenAddresses: string[];
  startedAt: number;
}

export interface FlowManager {
  /** Starts a flow; one already running for the same profile is cancelled (and closed) first. */
  start<T>(profileKey: string, opts: FlowOptions<T>): Promise<FlowHandle<T>>;
  /** False when no such flow is running. */
  cancel(flowId: string): boolean;
  /** Cancels every flow and resolves once all their listeners have closed (for app quit). */
  cancelAll(): Promise<void>;
  active(): ActiveFlow[];
}

interface Slot {
  profileKey: string;
  startedAt: number;
  cancelled: boolean;
  handle?: FlowHandle<unknown>;
  /** Resolves when this slot's flow has ended and its listener is closed. */
  ended: Promise<void>;
}

/** Keeps at most one authorization-code flow per profile. */
export function createFlowManager(): FlowManager {
  const slots = new Map<string, Slot>();

  const cancelSlot = (slot: Slot): void => {
    slot.cancelled = true;
    slot.handle?.cancel();
  };

  const start = async <T>(profileKey: string, opts: FlowOptions<T>): Promise<FlowHandle<T>> => {
    const previous = slots.get(profileKey);
    let markEnded: () => void = () => undefined;
    const slot: Slot = {
      profileKey,
      startedAt: Date.now(),
      cancelled: false,
      ended: new Promise<void>((resolve) => (markEnded = resolve)),
    };
    slots.set(profileKey, slot);

    try {
      if (previous) {
        log.info(
          'a new sign-in for the same profile replaces flow ' +
            (previous.handle?.flowId ?? '(starting)'),
        );
        cancelSlot(previous);
        // Its port must be free again before a flow with the same fixed port can bind it.
        await previous.ended;
      }

      let handle: FlowHandle<T>;
      if (slot.cancelled) {
        // Cancelled (by a newer start or cancelAll) while waiting: open no browser at all.
        const message = 'The sign-in was cancelled.';
        opts.onPhase?.('cancelled', { message });
        handle = endedFlow<T>(randomUUID(), 'cancelled', message);
      } else {
        // A newer start can cancel this slot while it binds: then the browser stays shut.
        const openExternal = (url: string): Promise<void> =>
          slot.cancelled ? Promise.resolve() : opts.openExternal(url);
        handle = await startFlow({ ...opts, openExternal });
      }
      slot.handle = handle;
      void handle.result.then(() => {
        if (slots.get(profileKey) === slot) slots.delete(profileKey);
        markEnded();
      });
      // A newer start for this profile may have arrived while this one was binding.
      if (slot.cancelled) handle.cancel();
      return handle;
    } catch (err) {
      if (slots.get(profileKey) === slot) slots.delete(profileKey);
      markEnded();
      throw err;
    }
  };

  const running = (): Slot[] => [...slots.values()];

  return {
    start,
    cancel: (flowId) => {
      const slot = running().find((s) => s.handle?.flowId === flowId);
      if (!slot) return false;
      cancelSlot(slot);
      return true;
    },
    cancelAll: async () => {
      const all = running();
      all.forEach(cancelSlot);
      await Promise.all(all.map((slot) => slot.ended));
    },
    active: () =>
      running().flatMap((slot) =>
        slot.handle
          ? [
              {
                flowId: slot.handle.flowId,
                profileKey: slot.profileKey,
                redirectUri: slot.handle.redirectUri,
                listenAddresses: slot.handle.listenAddresses,
                startedAt: slot.startedAt,
              },
            ]
          : [],
      ),
  };
}
