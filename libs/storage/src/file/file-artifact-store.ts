import { open, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { ArtifactNotFoundError, InvalidArtifactKeyError } from '../artifact-errors';
import { assertArtifactKey, assertListPrefix } from '../artifact-key';
import { artifactUri, type ArtifactRoot } from '../artifact-root';
import type { ArtifactHead, ArtifactInfo, ArtifactPutOptions, ArtifactStore } from '../artifact-store';
import { isMissing, listFiles } from './list-files';
import { isTempFileName } from './temp-file-name';
import { writeFileAtomically } from './write-file-atomically';

/**
 * Artifacts as files under one local folder (standalone mode). Keys map to relative paths;
 * folders are created on demand. Unlike S3, a key cannot be both a file and a folder
 * (`a` and `a/b`), and content types are not persisted.
 */
export class FileArtifactStore implements ArtifactStore {
  readonly root: string;

  constructor(private readonly location: Extract<ArtifactRoot, { scheme: 'file' }>) {
    this.root = location.uri;
  }

  async put(key: string, body: Buffer | Readable, _options?: ArtifactPutOptions): Promise<void> {
    const path = this.pathOf(key);
    if (isTempFileName(basename(path)))
      throw new InvalidArtifactKeyError(key, 'names like ".<name>.<hex>.partial" are reserved');
    try {
      await writeFileAtomically(path, body);
    } catch (error) {
      throw new Error(`cannot write artifact ${this.uri(key)}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    let handle;
    try {
      // Opening first turns a missing artifact into an error here, not mid-stream.
      handle = await open(path, 'r');
    } catch (error) {
      if (isMissing(error)) throw new ArtifactNotFoundError(this.uri(key));
      throw error;
    }
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw new ArtifactNotFoundError(this.uri(key));
    }
    return handle.createReadStream();
  }

  async head(key: string): Promise<ArtifactHead | undefined> {
    try {
      const info = await stat(this.pathOf(key));
      return info.isFile() ? { key, size: info.size, lastModified: new Date(info.mtimeMs) } : undefined;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async *list(prefix = ''): AsyncIterable<ArtifactInfo> {
    assertListPrefix(prefix);
    yield* listFiles(this.location.dir, prefix);
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      // A folder is not an artifact: like S3, deleting a key that names none succeeds.
      if (!isMissing(error) && (error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
    }
  }

  uri(key: string): string {
    return artifactUri(this.location, key);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private pathOf(key: string): string {
    assertArtifactKey(key);
    return join(this.location.dir, key);
  }
}
