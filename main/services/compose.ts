import type {
  AppInfo,
  AuthorizeProgress,
  EnvironmentInfo,
  SandboxInfo,
} from '../../preload/contract';
import { PODIO_ENVIRONMENT, sandboxEnvironment } from '../environments';
import type { Services } from '../handlers';
import { scoped } from '../log';
import { DEFAULT_DEMO, startSandbox, type Sandbox } from '../sandbox/server';
import { createAuthorizeService } from './authorize-service';
import { createExchangeService } from './exchange-service';

const logger = scoped('services');

export interface ComposeOptions {
  fetch: typeof fetch;
  appInfo: () => AppInfo;
  timeoutMs?: number;
  /** Opens the system browser (shell.openExternal in the app). */
  openExternal: (url: string) => Promise<void>;
  /** Pushes a browser sign-in's progress to the renderer. */
  emitProgress: (progress: AuthorizeProgress) => void;
}

/**
 * Wires the services the handler table runs on. The app and the browser harness both call this,
 * so the harness exercises the very code the app ships. The sandbox starts on first use.
 */
export function composeServices(options: ComposeOptions): Services & { close(): Promise<void> } {
  let sandbox: Promise<Sandbox> | null = null;

  function ensureSandbox(): Promise<Sandbox> {
    if (!sandbox) {
      sandbox = startSandbox({ port: 0 }).then((started: Sandbox) => {
        logger.info(`sandbox listening on ${started.url}`);
        return started;
      });
    }
    return sandbox;
  }

  async function environments(): Promise<EnvironmentInfo[]> {
    const running = await ensureSandbox();
    return [sandboxEnvironment(running.url), PODIO_ENVIRONMENT];
  }

  async function sandboxInfo(): Promise<SandboxInfo> {
    try {
      const running = await ensureSandbox();
      return { running: true, url: running.url, demo: running.demo };
    } catch (error) {
      logger.warn('sandbox failed to start', error);
      sandbox = null;
      return { running: false, url: null, demo: DEFAULT_DEMO };
    }
  }

  const exchange = createExchangeService({
    fetch: options.fetch,
    environments,
    timeoutMs: options.timeoutMs,
  });
  const authorize = createAuthorizeService({
    exchange,
    openExternal: options.openExternal,
    emitProgress: options.emitProgress,
  });

  return {
    appInfo: options.appInfo,
    sandboxInfo,
    environments,
    exchange,
    authorize,
    async close() {
      await authorize.closeAll();
      if (sandbox) await (await sandbox).close();
      sandbox = null;
    },
  };
}
