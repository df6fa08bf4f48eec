import { createServer, type Server } from 'node:net';

/**
 * `count` distinct TCP ports free on 127.0.0.1 right now: the OS picks each, and all are held
 * open together before any is released, so none repeats. Another process may still take one
 * before the caller binds it; the platform's default ports are reserved from ephemeral
 * assignment by scripts/stack/reserve-ports.sh, so these never collide with a default.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = Array.from({ length: count }, () => createServer());
  try {
    await Promise.all(servers.map((server) => listenOnAnyPort(server)));
    return servers.map((server) => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('the OS gave no TCP port');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((server) => closeQuietly(server)));
  }
}

/** One TCP port free on 127.0.0.1 right now (see `freePorts`). */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port as number;
}

function listenOnAnyPort(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
}

function closeQuietly(server: Server): Promise<void> {
  return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}
