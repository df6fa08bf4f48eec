import type { ArtifactInfo } from '@flywheel/storage';

/** An entry of a directory listing: a file or a sub-directory, named relative to the directory. */
export interface ListedFile {
  path: string;
  isDir: boolean;
  /** Bytes; undefined for directories. */
  fileSize?: number;
}

/**
 * The immediate children of the directory whose keys start with `prefix` (ending in `/`):
 * files directly in it, and one entry per sub-directory holding anything. The store lists
 * keys flat, so deeper keys collapse into their first segment.
 */
export async function listChildren(keys: AsyncIterable<ArtifactInfo>, prefix: string): Promise<ListedFile[]> {
  const entries = new Map<string, ListedFile>();
  for await (const info of keys) {
    const rest = info.key.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash === -1) entries.set(rest, { path: rest, isDir: false, fileSize: info.size });
    else entries.set(rest.slice(0, slash), { path: rest.slice(0, slash), isDir: true });
  }
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
