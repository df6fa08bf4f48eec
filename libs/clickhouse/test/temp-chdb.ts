import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh chDB data directory for one test file. chDB binds one directory per process, so
 * every client opened on it must be closed before `remove()` lets the next file open its own.
 */
export async function tempChdbDir(): Promise<{ url: string; dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'flywheel-chdb-'));
  return { url: `chdb://${dir}`, dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
