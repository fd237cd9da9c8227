import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAesBox } from '../../main/store/aes-box';
import type { Envelope, EventName, Events } from '../../preload/contract';
import { createDispatcher } from '../../main/dispatch';
import { createHandlers } from '../../main/handlers';
import { composeServices } from '../../main/services/compose';
import { buildBridge } from './build-bridge';
import { readStatic } from './static-files';

export interface HarnessOptions {
  /** The built renderer (out/renderer). */
  rendererDir?: string;
  port?: number;
  exchangeTimeoutMs?: number;
  /** The profile store's folder; by default a fresh temp folder, removed on close. */
  storeDir?: string;
  /** Called with each URL the app would open in the system browser. */
  onOpenExternal?: (url: string) => void;
}

export interface Harness {
  /** Open this in a browser: it carries the per-run token. */
  url: string;
  origin: string;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** Every URL the app asked the system browser to open, oldest first. */
  openedUrls: string[];
  /** Resolves with the next URL the app asks the system browser to open. */
  nextOpenedUrl(timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

// Above the largest payload main accepts (a 5 MB import file), so main's own check answers.
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The body as text; over the limit it is drained (so a reply can still be sent) and refused. */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      // Far past the limit: stop reading a sender that would never end.
      else if (size > 4 * MAX_BODY_BYTES) request.destroy();
    });
    request.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else resolveBody(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

function refusal(message: string): Envelope<never> {
  return { ok: false, error: { kind: 'validation', message } };
}

function sameSecret(expected: string, given: string | null | undefined): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given ?? '');
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/**
 * The browser harness: hosts the real handler table with real services on 127.0.0.1, serves the
 * built renderer and a bridge that plays the preload. Test-only; never part of the app bundle.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  const token = randomBytes(24).toString('base64url');
  const bridge = await buildBridge();
  const openedUrls: string[] = [];
  const urlWaiters: ((url: string) => void)[] = [];
  const streams = new Set<ServerResponse>();
  const emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    for (const stream of streams)
      stream.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };
  const storeDir = options.storeDir ?? (await mkdtemp(join(tmpdir(), 'workbench-harness-')));
  const services = composeServices({
    storeDir,
    // The harness has no OS keychain: a random AES-GCM key per run plays safeStorage.
    secretBox: createAesBox(),
    fetch: globalThis.fetch,
    appInfo: () => ({
      name: 'Token Workbench',
      version: 'harness',
      platform: process.platform,
      plainTextSecrets: false,
    }),
    timeoutMs: options.exchangeTimeoutMs,
    // The harness has no system browser: it records the URL (tests drive a page to it) and
    // prints it for a person using `npm run dev:browser`.
    openExternal: (url) => {
      openedUrls.push(url);
      urlWaiters.shift()?.(url);
      options.onOpenExternal?.(url);
      return Promise.resolve();
    },
    emitProgress: (progress) => emit('authorize:progress', progress),
  });
  const dispatch = createDispatcher(createHandlers(services));
  const sockets = new Set<Socket>();
  let origin = '';

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Refuse other Host names, so a page on another origin can't reach us by DNS rebinding.
    if (request.headers.host !== new URL(origin).host)
      return send(response, 421, 'text/plain', 'wrong host');
    const url = new URL(request.url ?? '/', origin);

    if (request.method === 'POST' && url.pathname.startsWith('/__harness/invoke/')) {
      if (!sameSecret(token, request.headers['x-harness-token'] as string | undefined)) {
        return send(response, 403, 'text/plain', 'bad harness token');
      }
      if (request.headers.origin && request.headers.origin !== origin) {
        return send(response, 403, 'text/plain', 'bad origin');
      }
      // Whatever arrives, the page gets an envelope, as the preload would give it.
      const refuse = (message: string) =>
        send(response, 200, 'application/json', JSON.stringify(refusal(message)));
      let channel: string;
      let payload: unknown;
      try {
        channel = decodeURIComponent(url.pathname.slice('/__harness/invoke/'.length));
      } catch {
        return refuse('Unknown channel');
      }
      let body: string;
      try {
        body = await readBody(request);
      } catch {
        return refuse('The request is larger than the harness accepts');
      }
      try {
        payload = JSON.parse(body) as unknown;
      } catch {
        return refuse('The request body must be JSON');
      }
      const reply = await dispatch(channel, payload === null ? undefined : payload);
      return send(response, 200, 'application/json', JSON.stringify(reply));
    }

    if (request.method !== 'GET') return send(response, 405, 'text/plain', 'method not allowed');

    if (url.pathname === '/__harness/events') {
      if (!sameSecret(token, url.searchParams.get('token')))
        return send(response, 403, 'text/plain', 'bad token');
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(': connected\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    // Browsers ask for a favicon that Electron never requests; answer it so logs stay clean.
    if (url.pathname === '/favicon.ico') return send(response, 204, 'image/x-icon', '');
    if (url.pathname === '/__harness/bridge.js')
      return send(response, 200, 'text/javascript', bridge);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!sameSecret(token, url.searchParams.get('token'))) {
        return send(
          response,
          403,
          'text/plain',
          'Open the URL the harness printed: it carries a token.',
        );
      }
      const page = await readStatic(rendererDir, '/index.html');
      if (!page)
        return send(
          response,
          500,
          'text/plain',
          `No built renderer in ${rendererDir}: run npm run build`,
        );
      // The bridge must define window.workbenchBridge before the renderer's module runs.
      const html = page.body
        .toString('utf8')
        .replace(
          /<script/,
          '<script type="module" src="/__harness/bridge.js"></script>\n    <script',
        );
      return send(response, 200, 'text/html; charset=utf-8', html);
    }
    const file = await readStatic(rendererDir, url.pathname);
    if (!file) return send(response, 404, 'text/plain', 'not found');
    return send(response, 200, file.type, file.body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain', 'harness error');
      else response.end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ready());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    emit,
    openedUrls,
    nextOpenedUrl(timeoutMs = 10_000) {
      return new Promise((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error('the app opened no URL')), timeoutMs);
        urlWaiters.push((url) => {
          clearTimeout(timer);
          resolveUrl(url);
        });
      });
    },
    async close() {
      for (const stream of streams) stream.end();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
      await services.close();
      if (!options.storeDir) await rm(storeDir, { recursive: true, force: true });
    },
  };
}
