import type { WorkbenchBridge } from '../../preload/contract';

declare global {
  interface Window {
    /** Exposed by the preload (or the browser harness); absent when the page is opened alone. */
    workbenchBridge?: WorkbenchBridge;
  }
}

export {};
