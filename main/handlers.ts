import type { AppInfo, EnvironmentInfo, SandboxInfo } from '../preload/contract';
import type { Handlers } from './dispatch';
import type { AuthorizeService } from './services/authorize-service';
import type { ExchangeService } from './services/exchange-service';
import type { StoreService } from './services/store-service';

/** What the handler table is built from; the app and the browser harness supply the same. */
export interface Services {
  appInfo: () => AppInfo;
  sandboxInfo: () => Promise<SandboxInfo>;
  environments: () => Promise<EnvironmentInfo[]>;
  exchange: ExchangeService;
  authorize: AuthorizeService;
  store: StoreService;
}

/** The handler table: channel → function of the services. Pure of Electron. */
export function createHandlers(services: Services): Handlers {
  return {
    'app:info': () => Promise.resolve(services.appInfo()),
    'sandbox:info': () => services.sandboxInfo(),
    'environments:list': () => services.environments(),
    'exchange:run': ({ draft, grant }) => services.exchange.run(draft, grant),
    'exchange:refresh': ({ tokenId }) => services.exchange.refresh(tokenId),
    'authorize:start': ({ draft, options }) => services.authorize.start(draft, options),
    'authorize:cancel': ({ flowId }) => Promise.resolve(services.authorize.cancel(flowId)),
    'store:snapshot': () => services.store.snapshot(),
    'entity:save': (request) => services.store.save(request),
    'entity:delete': ({ kind, id }) => services.store.remove(kind, id),
    'profile:duplicate': ({ id }) => services.store.duplicateProfile(id),
    'secret:reveal': (ref) => Promise.resolve(services.store.reveal(ref)),
    'settings:update': (patch) => Promise.resolve(services.store.updateSettings(patch)),
    'tokens:list': ({ profileId }) => Promise.resolve(services.store.listTokens(profileId)),
    'tokens:delete': ({ id }) => Promise.resolve(services.store.deleteToken(id)),
    'profile:exchange': ({ profileId, grant }) => services.store.exchange(profileId, grant),
    'profile:authorize': ({ profileId, options }) =>
      services.authorize.startForProfile(services.store.signInTarget(profileId), options),
    'transfer:export': ({ passphrase }) => services.store.exportAll(passphrase),
    'transfer:import': ({ json, passphrase }) => services.store.importFile(json, passphrase),
  };
}
