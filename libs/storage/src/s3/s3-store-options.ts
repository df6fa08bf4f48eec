export interface S3StoreOptions {
  /** S3-compatible server, e.g. `http://127.0.0.1:9000`; unset for AWS. */
  endpoint?: string;
  /** Default `us-east-1`. */
  region?: string;
  /** Static credentials; unset uses the AWS SDK's default chain (environment, profile, role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Path-style requests (`endpoint/bucket/key`); default true when `endpoint` is set. */
  forcePathStyle?: boolean;
  /** Bodies larger than this go up as a multipart upload of parts this size (default 8 MiB, minimum 5 MiB). */
  partSizeBytes?: number;
  /** Parts uploaded in parallel; memory use is about `partSizeBytes * uploadConcurrency` (default 4). */
  uploadConcurrency?: number;
  /** Keys fetched per list request, 1-1000 (default 1000). */
  listPageSize?: number;
}

export interface ResolvedS3StoreOptions {
  partSizeBytes: number;
  uploadConcurrency: number;
  listPageSize: number;
}

const MIN_PART_SIZE = 5 * 1024 * 1024;

/** Defaults and range checks for the transfer settings, naming the option at fault. */
export function resolveS3StoreOptions(options: S3StoreOptions): ResolvedS3StoreOptions {
  const partSizeBytes = options.partSizeBytes ?? 8 * 1024 * 1024;
  const uploadConcurrency = options.uploadConcurrency ?? 4;
  const listPageSize = options.listPageSize ?? 1000;
  if (!Number.isInteger(partSizeBytes) || partSizeBytes < MIN_PART_SIZE) {
    throw new Error(
      `S3StoreOptions.partSizeBytes must be an integer >= ${MIN_PART_SIZE} (S3's minimum part size), got ${partSizeBytes}`,
    );
  }
  if (!Number.isInteger(uploadConcurrency) || uploadConcurrency < 1) {
    throw new Error(`S3StoreOptions.uploadConcurrency must be a positive integer, got ${uploadConcurrency}`);
  }
  if (!Number.isInteger(listPageSize) || listPageSize < 1 || listPageSize > 1000) {
    throw new Error(`S3StoreOptions.listPageSize must be an integer from 1 to 1000, got ${listPageSize}`);
  }
  return { partSizeBytes, uploadConcurrency, listPageSize };
}
