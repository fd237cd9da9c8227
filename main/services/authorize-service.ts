import { randomUUID } from 'node:crypto';
import type {
  AuthorizeOptions,
  AuthorizePhase,
  AuthorizeProgress,
  AuthorizeStarted,
  ClientCredentials,
  EnvironmentInfo,
  ExchangeOutcome,
  ProfileDraft,
} from '../../preload/contract';
import { HandlerError } from '../dispatch';
import type { FlowHandle, FlowResult } from '../loopback/flow';
import { createFlowManager, type FlowManager } from '../loopback/flows';
import type { ExchangeService } from './exchange-service';

export interface AuthorizeServiceDeps {
  exchange: ExchangeService;
  /** shell.openExternal in the app; the harness records the URL for the test's "browser". */
  openExternal: (url: string) => Promise<void>;
  emitProgress: (progress: AuthorizeProgress) => void;
  flows?: FlowManager;
}

/** Who signs in where: an environment, a client, and the saved profile if there is one. */
export interface SignInTarget {
  environment: EnvironmentInfo;
  client: ClientCredentials;
  profileId: string | null;
}

const MAX_WAITING_SIGN_INS = 8;

const TERMINAL: ReadonlySet<AuthorizePhase> = new Set(['done', 'failed', 'cancelled']);

/** The line the browser page shows after the exchange: what happened, never a secret. */
function pageSummary(outcome: ExchangeOutcome): string {
  if (outcome.status === 'token') {
    const ref = outcome.token.ref;
    const who = ref ? ` for ${ref.type} ${ref.id}` : '';
    // The page adds "you can close this tab" itself.
    return `Token Workbench got a token${who}.`;
  }
  if (outcome.status === 'two_factor') return outcome.message;
  return `The code exchange failed: ${outcome.error.message}`;
}

function endPhase(result: FlowResult<ExchangeOutcome>): AuthorizePhase {
  if (result.ok) return 'done';
  return result.reason === 'cancelled' ? 'cancelled' : 'failed';
}

/** Runs browser sign-ins (authorization-code flows) and reports their progress as events. */
export function createAuthorizeService(deps: AuthorizeServiceDeps) {
  const flows = deps.flows ?? createFlowManager();
  // Our own flow ids: progress events can name a flow before the flow manager returns its handle.
  const handles = new Map<string, FlowHandle<ExchangeOutcome>>();

  async function start(draft: ProfileDraft, options: AuthorizeOptions): Promise<AuthorizeStarted> {
    const environment = await deps.exchange.environmentById(draft.environmentId);
    return begin(
      {
        environment,
        client: { clientId: draft.clientId, clientSecret: draft.clientSecret },
        profileId: null,
      },
      options,
    );
  }

  async function begin(target: SignInTarget, options: AuthorizeOptions): Promise<AuthorizeStarted> {
    const { environment, client, profileId } = target;
    if (!client.clientId.trim() || !client.clientSecret.trim()) {
      throw new HandlerError('validation', 'Client ID and client secret are required to sign in');
    }
    // Each waiting sign-in holds a loopback port; a runaway caller must not pile them up.
    if (handles.size >= MAX_WAITING_SIGN_INS) {
      throw new HandlerError(
        'validation',
        `${MAX_WAITING_SIGN_INS} browser sign-ins are already waiting; finish or cancel one first`,
      );
    }
    const flowId = randomUUID();
    const emit = (phase: AuthorizePhase, fields: Partial<AuthorizeProgress> = {}): void =>
      deps.emitProgress({
        flowId,
        phase,
        message: null,
        outcome: null,
        stateMissing: false,
        ...fields,
      });

    // One sign-in per profile (or per environment and client for the quick form).
    const flowKey = profileId ?? `${environment.id}\n${client.clientId}`;
    const handle = await flows.start<ExchangeOutcome>(flowKey, {
      authorizeUrl: environment.authorizeUrl,
      clientId: client.clientId,
      scope: options.scope.trim() || undefined,
      redirect: {
        host: options.redirectHost,
        port: options.port ?? undefined,
        path: options.path,
        exactPath: options.exactPath,
      },
      usePkce: options.usePkce,
      // Either the environment (a server known not to echo state) or this sign-in allows it.
      acceptMissingState: options.acceptMissingState || environment.acceptMissingState,
      timeoutMs: options.timeoutMs,
      openExternal: deps.openExternal,
      exchangeCode: async ({ code, redirectUri, codeVerifier }) => {
        const outcome = await deps.exchange.runRequest(
          {
            environment: { tokenUrl: environment.tokenUrl, wireStyle: environment.wireStyle },
            client,
            grant: { type: 'authorization_code', code, redirectUri, codeVerifier },
          },
          'authorization_code',
          profileId,
        );
        return { ok: outcome.status === 'token', message: pageSummary(outcome), value: outcome };
      },
      onPhase: (phase, info) => {
        if (!TERMINAL.has(phase)) emit(phase, { message: info?.message ?? null });
      },
    });

    // Ended before it listened (port in use, refused URL): the caller hears it as an error now.
    if (!handle.authorizeUrl) {
      const ended = await handle.result;
      throw new HandlerError('validation', ended.message);
    }

    handles.set(flowId, handle);
    void handle.result.then((result) => {
      handles.delete(flowId);
      emit(endPhase(result), {
        message: result.message,
        outcome: result.value ?? null,
        stateMissing: result.ok && result.stateMissing,
      });
    });

    return {
      flowId,
      redirectUri: handle.redirectUri,
      registerAs: options.exactPath ? handle.redirectUri : options.redirectHost,
      authorizeUrl: handle.authorizeUrl,
      listenAddresses: handle.listenAddresses,
    };
  }

  return {
    start,
    /** A saved profile's sign-in: its token joins the profile's history. */
    startForProfile: async (target: Promise<SignInTarget>, options: AuthorizeOptions) =>
      begin(await target, options),
    cancel(flowId: string): { cancelled: boolean } {
      const handle = handles.get(flowId);
      handle?.cancel();
      return { cancelled: handle !== undefined };
    },
    /** For app quit: every listener closed. */
    closeAll: () => flows.cancelAll(),
  };
}

export type AuthorizeService = ReturnType<typeof createAuthorizeService>;
