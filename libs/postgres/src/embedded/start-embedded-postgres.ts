import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PgliteWireServer } from './pglite-wire-server';

export interface EmbeddedPostgresOptions {
  /** Folder holding the database files; created if missing. One process may open it at a time. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /**
   * Socket connections accepted at once (default 32). Keep it above every pool's
   * `maxConnections` combined: the server refuses extra connections outright.
   */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, for `createPgPool`. */
  connectionString: string;
  /** Stops accepting connections, drops open ones and closes the database. Idempotent. */
  stop(): Promise<void>;
}

// PGlite keeps the whole database in one process's memory-mapped files; a second instance on
// the same folder would corrupt it, so this process refuses to open a folder twice.
const openDataDirs = new Set<string>();

/**
 * PostgreSQL in-process (PGlite, PostgreSQL compiled to WASM) behind a wire-protocol socket
 * on loopback, so the same `pg` and Kysely code runs in standalone mode as against a server.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? 0;
  const maxConnections = options.maxConnections ?? 32;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`embedded PostgreSQL port must be 0-65535, got ${port}`);
  }
  if (!Number.isInteger(maxConnections) || maxConnections < 2) {
    throw new Error(
      `embedded PostgreSQL maxConnections must be an integer >= 2 (a pg pool opens several), got ${maxConnections}`,
    );
  }
  if (openDataDirs.has(dataDir)) {
    throw new Error(`embedded PostgreSQL data directory ${dataDir} is already open in this process`);
  }
  openDataDirs.add(dataDir);
  try {
    await mkdir(dataDir, { recursive: true });
    const db = await PGlite.create({ dataDir });
    const server = new PgliteWireServer(db, maxConnections);
    const boundPort = await listenOrClose(server, db, port);
    let stopping: Promise<void> | undefined;
    return {
      connectionString: `postgres://postgres@127.0.0.1:${boundPort}/postgres`,
      stop: () =>
        (stopping ??= (async () => {
          await server.close();
          await db.close();
          openDataDirs.delete(dataDir);
        })()),
    };
  } catch (error) {
    openDataDirs.delete(dataDir);
    throw error;
  }
}

async function listenOrClose(server: PgliteWireServer, db: PGlite, port: number): Promise<number> {
  try {
    return await server.listen('127.0.0.1', port);
  } catch (error) {
    await db.close();
    throw new Error(`embedded PostgreSQL cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
