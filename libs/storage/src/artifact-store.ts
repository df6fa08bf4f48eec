import type { Readable } from 'node:stream';

export interface ArtifactPutOptions {
  /** MIME type, e.g. `application/octet-stream`; kept by S3 (the file store does not persist it). */
  contentType?: string;
}

export interface ArtifactInfo {
  /** Key relative to the store's root. */
  key: string;
  size: number;
  lastModified: Date;
}

export interface ArtifactHead extends ArtifactInfo {
  /** As given to `put` (S3 only; undefined for the file store). */
  contentType?: string;
}

/**
 * Binary artifacts (models, datasets, run outputs) under one root URI: `s3://bucket/prefix`
 * or `file:///abs/dir`. Keys are relative `/`-separated paths, validated by every method
 * (see `assertArtifactKey`), so a key can never reach outside the root.
 */
export interface ArtifactStore {
  /** The normalized root URI this store writes under. */
  readonly root: string;
  /** Stores `body` under `key`, replacing any previous artifact; readers never see a partial one. */
  put(key: string, body: Buffer | Readable, options?: ArtifactPutOptions): Promise<void>;
  /** Streams the artifact; rejects with `ArtifactNotFoundError` when it does not exist. */
  get(key: string): Promise<Readable>;
  /** Size and timestamps, or `undefined` when the artifact does not exist. */
  head(key: string): Promise<ArtifactHead | undefined>;
  /**
   * Every artifact whose key starts with `prefix` (plain string prefix; `''` lists all), in
   * key order (UTF-8 bytes, as S3 sorts), fetched page by page as the caller iterates.
   */
  list(prefix?: string): AsyncIterable<ArtifactInfo>;
  /** Removes the artifact; deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
  /** The artifact's absolute URI, accepted by `resolveArtifactUri` with this store's root. */
  uri(key: string): string;
  /** Releases network resources. */
  close(): Promise<void>;
}
