import type {
  AppInfo,
  AuthorizeProgress,
  EnvironmentInfo,
  SandboxInfo,
} from '../../preload/contract';
import type { Services } from '../handlers';
import { scoped } from '../log';
import { DEFAULT_DEMO, startSandbox, type Sandbox } from '../sandbox/server';
import { openProfileStore } from '../store/profile-store';
import type { SecretBox } from '../store/secret-box';
import { createAuthorizeService } from './authorize-service';
import { createExchangeService } from './exchange-service';
import { createStoreService } from './store-service';
import { createStoreKeeper } from './token-keepers';

const logger = scoped('services');

export interface ComposeOptions {
  fetch: typeof fetch;
  appInfo: () => AppInfo;
  /** Where the profile store file lives (the app's userData folder). */
  storeDir: string;
  secretBox: SecretBox;
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
  let sandboxUrl: string | null = null;

  function ensureSandbox(): Promise<Sandbox> {
    if (!sandbox) {
      sandbox = startSandbox({ port: 0 }).then((started: Sandbox) => {
        sandboxUrl = started.url;
        logger.info(`sandbox listening on ${started.url}`);
        return started;
      });
      sandbox.catch(() => {
        sandbox = null;
      });
    }
    return sandbox;
  }

  const store = openProfileStore({
    dir: options.storeDir,
    secretBox: options.secretBox,
    sandboxUrl: () => sandboxUrl,
  });
  if (store.recovery) logger.warn(store.recovery.message);

  async function environments(): Promise<EnvironmentInfo[]> {
    await ensureSandbox().catch((error: unknown) => logger.warn('sandbox failed to start', error));
    return store.environments.list();
  }

  async function sandboxInfo(): Promise<SandboxInfo> {
    try {
      const running = await ensureSandbox();
      return { running: true, url: running.url, demo: running.demo };
    } catch (error) {
      logger.warn('sandbox failed to start', error);
      return { running: false, url: null, demo: DEFAULT_DEMO };
    }
  }

  const exchange = createExchangeService({
    fetch: options.fetch,
    environments,
    profileKeeper: createStoreKeeper(() => store),
    timeoutMs: options.timeoutMs,
  });
  const authorize = createAuthorizeService({
    exchange,
    openExternal: options.openExternal,
    emitProgress: options.emitProgress,
  });

  return {
    appInfo: () => ({ ...options.appInfo(), plainTextSecrets: options.secretBox.isPlainText() }),
    sandboxInfo,
    environments,
    exchange,
    authorize,
    store: createStoreService({ store, exchange, ensureSandbox }),
    async close() {
      await authorize.closeAll();
      if (sandbox) await (await sandbox).close();
      sandbox = null;
    },
  };
}
