import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { tempFileName } from './temp-file-name';

/**
 * Writes `body` to a temporary file in the target's folder, flushes it to disk and renames
 * it over `path`: a reader sees the old file or the complete new one, never a partial write,
 * and a crash leaves at most a hidden `.partial` file behind.
 */
export async function writeFileAtomically(path: string, body: Buffer | Readable): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temp = join(folder, tempFileName(basename(path)));
  try {
    if (Buffer.isBuffer(body)) {
      await writeFile(temp, body, { flag: 'wx', flush: true });
    } else {
      await pipeline(body, createWriteStream(temp, { flags: 'wx', flush: true }));
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** Persists the rename itself, so the new name survives a power cut. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
