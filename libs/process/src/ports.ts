import { createServer } from 'node:net';

export type PortCheck = { free: true } | { free: false; reason: string };

/**
 * Listens on the port for a moment. Asking the kernel is the only reliable test: a connect
 * probe misses a server bound to another address, and a service would then die on EADDRINUSE
 * with a message that names neither the port nor the other program.
 */
export function checkPort(host: string, port: number): Promise<PortCheck> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? 'already in use by another program'
          : error.code === 'EACCES'
            ? 'not allowed for this user'
            : `cannot be used: ${error.message}`;
      resolve({ free: false, reason });
    });
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => resolve({ free: true }));
    });
  });
}

/** The first free port from `preferred` on, trying a few: for servers the launcher starts. */
export async function firstFreePort(
  host: string,
  preferred: number,
  attempts = 10,
): Promise<number | null> {
  for (let port = preferred; port < preferred + attempts && port <= 65535; port++) {
    if ((await checkPort(host, port)).free) return port;
  }
  return null;
}

/** A port nothing listens on right now, chosen by the kernel: for processes started on the side. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
