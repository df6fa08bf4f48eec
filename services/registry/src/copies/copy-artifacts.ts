import { posix } from 'node:path';
import { type ArtifactStore, artifactUriWithinRoots } from '@flywheel/storage';

/**
 * Copies the artifacts at `sourceUri` (a folder of artifacts, or one artifact) to `destPrefix`
 * in the same store and returns the copy's URI. Both lie under the store's root.
 * @throws Error naming the source when it is outside the root or holds nothing.
 */
export async function copyArtifacts(store: ArtifactStore, sourceUri: string, destPrefix: string): Promise<string> {
  const check = artifactUriWithinRoots(sourceUri, [store.root], 'source');
  if (!check.ok) throw new Error(check.message);
  const folder = `${check.key}/`;
  let copied = 0;
  for await (const item of store.list(folder)) {
    await copyOne(store, item.key, `${destPrefix}/${item.key.slice(folder.length)}`);
    copied += 1;
  }
  if (copied === 0) {
    if (!(await store.head(check.key))) throw new Error(`no artifacts found at ${sourceUri}`);
    await copyOne(store, check.key, `${destPrefix}/${posix.basename(check.key)}`);
  }
  return store.uri(destPrefix);
}

async function copyOne(store: ArtifactStore, from: string, to: string): Promise<void> {
  const head = await store.head(from);
  await store.put(to, await store.get(from), { contentType: head?.contentType ?? 'application/octet-stream' });
}
