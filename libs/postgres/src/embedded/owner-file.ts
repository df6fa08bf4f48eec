import { open, readFile, rename, unlink, writeFile } from 'node:fs/promises';

/** What `<dataDir>.owner.json` says while a process has the embedded database open. */
export interface EmbeddedOwner {
  pid: number;
  /** Set once the owner's wire server listens; absent while it is still starting. */
  connectionString?: string;
}

/** The claim this process holds on a data folder; `release` removes the file. */
export interface OwnerClaim {
  publish(connectionString: string): Promise<void>;
  release(): Promise<void>;
}

export function ownerFilePath(dataDir: string): string {
  return `${dataDir}.owner.json`;
}

/**
 * Claims the folder for this process, or returns the live process that holds it. The claim
 * is an exclusive create of the owner file, so two processes starting together cannot both
 * open PGlite on the same files; a file left by a process that died is taken over.
 */
export async function claimOrFindOwner(dataDir: string): Promise<OwnerClaim | EmbeddedOwner> {
  const path = ownerFilePath(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid } satisfies EmbeddedOwner));
      } finally {
        await handle.close();
      }
      return ownClaim(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(path);
    if (owner && owner.pid !== process.pid && isAlive(owner.pid)) return owner;
    // Stale (its process is gone) or unreadable: remove it and claim again.
    await unlink(path).catch(() => undefined);
  }
  throw new Error(`cannot claim the embedded PostgreSQL folder ${dataDir}: ${path} keeps reappearing`);
}

/** The owner as the file says now, or undefined when it is missing or half-written. */
export async function readOwner(path: string): Promise<EmbeddedOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<EmbeddedOwner>;
    return typeof parsed.pid === 'number' ? (parsed as EmbeddedOwner) : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but someone else's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownClaim(path: string): OwnerClaim {
  return {
    publish: async (connectionString) => {
      // Written beside and renamed over, so a reader never sees half a file.
      const next = `${path}.${process.pid}.tmp`;
      await writeFile(next, JSON.stringify({ pid: process.pid, connectionString } satisfies EmbeddedOwner), {
        mode: 0o600,
      });
      await rename(next, path);
    },
    release: async () => {
      const owner = await readOwner(path);
      if (owner?.pid === process.pid) await unlink(path).catch(() => undefined);
    },
  };
}
