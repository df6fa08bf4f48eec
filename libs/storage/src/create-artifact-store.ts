import { S3Client } from '@aws-sdk/client-s3';
import { parseArtifactRoot } from './artifact-root';
import type { ArtifactStore } from './artifact-store';
import { FileArtifactStore } from './file/file-artifact-store';
import { S3ArtifactStore } from './s3/s3-artifact-store';
import { resolveS3StoreOptions, type S3StoreOptions } from './s3/s3-store-options';

/**
 * The store for `rootUri`: `s3://bucket/prefix` (client settings from `s3Options`) or
 * `file:///absolute/dir`. The bucket must already exist; the folder is created on first write.
 */
export function createArtifactStore(rootUri: string, s3Options: S3StoreOptions = {}): ArtifactStore {
  const root = parseArtifactRoot(rootUri);
  switch (root.scheme) {
    case 'file':
      return new FileArtifactStore(root);
    case 's3': {
      const transfer = resolveS3StoreOptions(s3Options);
      const client = new S3Client({
        endpoint: s3Options.endpoint,
        region: s3Options.region ?? 'us-east-1',
        credentials: s3Options.credentials,
        forcePathStyle: s3Options.forcePathStyle ?? s3Options.endpoint !== undefined,
      });
      return new S3ArtifactStore(client, root, transfer);
    }
  }
}
