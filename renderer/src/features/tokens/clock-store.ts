import { useSyncExternalStore } from 'react';

/*
 * One shared clock for every countdown: a single setInterval runs while at least one component
 * subscribes and stops with the last one, so fifty countdowns cost one timer, not fifty.
 */

const TICK_MS = 1000;

let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(tick, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function getSnapshot(): number {
  // While stopped the cached time goes stale; refresh it so a first render is not seconds off,
  // yet keep it stable within one render (React reads the snapshot more than once).
  if (timer === null && Date.now() - now >= TICK_MS) now = Date.now();
  return now;
}

/** Epoch ms, updated once a second for every subscriber together. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** True while the shared interval runs (for tests and diagnostics). */
export function isClockRunning(): boolean {
  return timer !== null;
}

/** Stops the clock and forgets subscribers; for tests. */
export function resetClock(): void {
  if (timer !== null) clearInterval(timer);
  timer = null;
  listeners.clear();
  now = Date.now();
}
