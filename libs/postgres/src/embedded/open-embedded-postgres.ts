import { resolve } from 'node:path';
import { claimOrFindOwner, isAlive, ownerFilePath, readOwner, type EmbeddedOwner } from './owner-file';
import { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './start-embedded-postgres';

export interface SharedEmbeddedPostgres extends EmbeddedPostgres {
  /** The pid of the process whose server this is; `process.pid` when this process started it. */
  ownerPid: number;
}

/** How long to wait for another process that has claimed the folder to start listening. */
const OWNER_START_TIMEOUT_MS = 30_000;

/**
 * The embedded database of `dataDir`, shared between processes: the first process to open
 * the folder starts PGlite and its wire server and records the address in
 * `<dataDir>.owner.json`; a later process (for example `flywheel keys` while `flywheel start`
 * runs) connects to that server instead of opening the files a second time, which would
 * corrupt them. `stop()` of a borrowed server only lets go of it.
 */
export async function openEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<SharedEmbeddedPostgres> {
  const dataDir = resolve(options.dataDir);
  const claim = await claimOrFindOwner(dataDir);
  if (!('publish' in claim)) return borrow(dataDir, claim);
  try {
    const server = await startEmbeddedPostgres({ ...options, dataDir });
    await claim.publish(server.connectionString);
    return {
      connectionString: server.connectionString,
      ownerPid: process.pid,
      stop: async () => {
        try {
          await server.stop();
        } finally {
          await claim.release();
        }
      },
    };
  } catch (error) {
    await claim.release();
    throw error;
  }
}

async function borrow(dataDir: string, owner: EmbeddedOwner): Promise<SharedEmbeddedPostgres> {
  const path = ownerFilePath(dataDir);
  const deadline = Date.now() + OWNER_START_TIMEOUT_MS;
  let current: EmbeddedOwner | undefined = owner;
  while (current?.connectionString === undefined) {
    if (current === undefined || !isAlive(current.pid) || Date.now() > deadline) {
      throw new Error(
        `the embedded PostgreSQL folder ${dataDir} is held by process ${owner.pid}, which ` +
          `${current !== undefined && isAlive(current.pid) ? 'did not start its server in time' : 'stopped while starting'}; ` +
          `retry, or remove ${path} if no Flywheel process uses the folder`,
      );
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    current = await readOwner(path);
  }
  return { connectionString: current.connectionString, ownerPid: current.pid, stop: () => Promise.resolve() };
}
