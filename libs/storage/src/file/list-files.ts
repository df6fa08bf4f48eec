import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArtifactInfo } from '../artifact-store';
import { isTempFileName } from './temp-file-name';

/**
 * Yields the files under `rootDir` whose relative key starts with `prefix`, in UTF-8 byte
 * order of the key like an S3 listing. Folders sort as `name/`, which keeps every key under
 * a folder contiguous; folders that cannot hold a match are never read. Symbolic links and
 * in-flight temporary files are skipped.
 */
export async function* listFiles(rootDir: string, prefix: string): AsyncGenerator<ArtifactInfo> {
  const base = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  yield* walk(join(rootDir, base), base, prefix);
}

async function* walk(dir: string, relDir: string, prefix: string): AsyncGenerator<ArtifactInfo> {
  const entries = await readFolder(dir);
  const children = entries
    .filter((entry) => entry.isFile() || entry.isDirectory())
    .map((entry) => ({ entry, sortKey: Buffer.from(entry.isDirectory() ? `${entry.name}/` : entry.name) }))
    .sort((a, b) => Buffer.compare(a.sortKey, b.sortKey));
  for (const { entry } of children) {
    const rel = relDir + entry.name;
    if (entry.isDirectory()) {
      const folderKey = `${rel}/`;
      if (folderKey.startsWith(prefix) || prefix.startsWith(folderKey))
        yield* walk(join(dir, entry.name), folderKey, prefix);
    } else if (rel.startsWith(prefix) && !isTempFileName(entry.name)) {
      const info = await statFile(join(dir, entry.name));
      if (info) yield { key: rel, size: info.size, lastModified: new Date(info.mtimeMs) };
    }
  }
}

/** A folder removed or never created lists as empty. */
async function readFolder(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** A file deleted between readdir and stat is skipped rather than failing the listing. */
async function statFile(path: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
