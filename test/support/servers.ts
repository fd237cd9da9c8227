import type { Server } from 'node:http';

/** Closes test servers, dropping their open connections first so close() cannot hang. */
export function closeServers(servers: Server[]): Promise<void[]> {
  return Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
}
