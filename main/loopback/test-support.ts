import { connect, createServer } from 'node:net';
import type { Server } from 'node:net';

/** Test helpers over real loopback sockets; imported by the loopback tests only. */

/** The error code a TCP connect gets (e.g. 'ECONNREFUSED'), or null when it connected. */
export function connectError(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** A plain TCP server on host with an OS-picked (or given) port, to occupy a port. */
export function occupy(host: string, port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen({ host, port }, () => resolve(server));
  });
}

export function portOf(server: Server): number {
  const info = server.address();
  if (info === null || typeof info !== 'object') throw new Error('server is not listening');
  return info.port;
}

export function closeNet(server: Server): Promise<void> {
  return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}

/** True when this machine lets a program listen on host (used to detect IPv6 loopback). */
export async function canListenOn(host: string): Promise<boolean> {
  try {
    await closeNet(await occupy(host));
    return true;
  } catch {
    return false;
  }
}

/**
 * A hand-written HTTP/1.1 request whose head is sent in two parts: `start` now, and the rest
 * when `finish()` is called. It lets a test hold a request open across the listener closing.
 */
export function splitRequest(
  host: string,
  port: number,
  start: string,
): Promise<{ finish(rest: string): Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let response = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (response += chunk));
    const ended = new Promise<string>((done) => socket.once('close', () => done(response)));
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write(start, () =>
        resolve({
          finish: (rest) => {
            socket.end(rest);
            return ended;
          },
        }),
      );
    });
  });
}
