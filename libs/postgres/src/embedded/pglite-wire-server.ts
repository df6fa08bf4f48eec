import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import {
  fatalErrorMessage,
  lastReadyForQueryStatus,
  simpleQueryMessage,
  SYNC_MESSAGE,
} from './backend-messages';
import { FrontendMessageReader, type FrontendFrame } from './frontend-message-reader';
import { SessionLock } from './session-lock';

/**
 * Serves one PGlite database over the PostgreSQL wire protocol on a TCP socket.
 *
 * PGlite is a single PostgreSQL session, so connections take turns: a connection gets the
 * session with the first message it sends and keeps it until PGlite answers ReadyForQuery
 * with status idle ('I'). An extended-protocol sequence (Parse … Sync) and a whole
 * transaction (BEGIN … COMMIT/ROLLBACK, status 'T' or 'E') therefore run without other
 * connections' messages in between; waiting connections get the session in arrival order.
 * A connection that closes while it holds the session has its statement sequence ended
 * (Sync) and its transaction rolled back before the next connection goes on.
 */
export class PgliteWireServer {
  private readonly lock = new SessionLock<Socket>();
  private readonly connections = new Map<Socket, Promise<void>>();
  private readonly server: Server;

  constructor(
    private readonly db: PGlite,
    private readonly maxConnections: number,
  ) {
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Listens on `host:port` and resolves with the bound port. */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops listening, drops every connection and waits until each has given the session back. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.connections.keys()) socket.destroy();
    await Promise.all(this.connections.values());
    await closed;
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    if (this.connections.size >= this.maxConnections) {
      const refusal = fatalErrorMessage('53300', `sorry, too many clients already (max ${this.maxConnections})`);
      socket.end(refusal, () => socket.destroy());
      return;
    }
    const reader = new FrontendMessageReader();
    // Messages of one connection run strictly in order, each after the previous one's answer.
    let pending = Promise.resolve();
    const enqueue = (step: () => Promise<void>): void => {
      pending = pending.then(step).catch(() => {
        socket.destroy();
      });
    };
    // Settles once the socket closed and the session was given back, so close() can wait for it.
    const finished = new Promise<void>((resolve) => {
      socket.on('close', () => {
        this.lock.withdraw(socket);
        enqueue(() => this.giveBack(socket));
        void pending.then(() => {
          this.connections.delete(socket);
          resolve();
        });
      });
    });
    this.connections.set(socket, finished);
    socket.on('data', (chunk) => {
      for (const frame of reader.push(chunk)) enqueue(() => this.handle(socket, frame));
    });
    socket.on('error', () => socket.destroy());
  }

  private async handle(socket: Socket, frame: FrontendFrame): Promise<void> {
    if (socket.destroyed) return;
    switch (frame.kind) {
      case 'ssl-request':
      case 'gss-request':
        socket.write('N'); // not supported: the client goes on in plain text over loopback
        return;
      case 'cancel-request':
        socket.end(); // PGlite cannot interrupt a running statement
        return;
      case 'startup':
        return this.execute(socket, frame.bytes);
      case 'message':
        if (frame.type === 'X') {
          socket.end(); // Terminate ends this connection only, never the shared session
          return;
        }
        return this.execute(socket, frame.bytes);
    }
  }

  private async execute(socket: Socket, message: Buffer): Promise<void> {
    if (!(await this.lock.acquire(socket)) || socket.destroyed) return;
    const response = await this.db.runExclusive(() => this.db.execProtocolRaw(message));
    if (response.length > 0 && socket.writable) socket.write(response);
    if (lastReadyForQueryStatus(response) === 'I') this.lock.release(socket);
  }

  /** Leaves the session idle for the next connection after this one closed while holding it. */
  private async giveBack(socket: Socket): Promise<void> {
    if (!this.lock.isHeldBy(socket)) return;
    try {
      const synced = await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC_MESSAGE));
      if (lastReadyForQueryStatus(synced) !== 'I') {
        await this.db.runExclusive(() => this.db.execProtocolRaw(simpleQueryMessage('ROLLBACK')));
      }
    } finally {
      this.lock.release(socket);
    }
  }
}
