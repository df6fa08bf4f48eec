import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  paginateListObjectsV2,
  S3Client,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { testStack, uniqueName, waitFor } from '@flywheel/testing';
import { describeArtifactStoreContract } from '../../test/artifact-store-contract';
import { createArtifactStore } from '../create-artifact-store';
import type { S3StoreOptions } from './s3-store-options';

const { s3 } = testStack();
const options: S3StoreOptions = {
  endpoint: s3.endpoint,
  region: s3.region,
  credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  partSizeBytes: 5 * 1024 * 1024,
};
const admin = new S3Client({ ...options, forcePathStyle: true });
// S3 bucket names allow "-" but not "_".
const bucket = uniqueName('flywheel-test').replace(/_/g, '-');

/** The S3 server may still be starting (scripts/stack/s3.sh): wait until it answers. */
async function createBucket(): Promise<void> {
  await waitFor(() => admin.send(new ListBucketsCommand({})).then(() => true), {
    timeoutMs: 120_000,
    intervalMs: 1000,
    description: `the S3 server at ${s3.endpoint}`,
  });
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
}

async function deleteBucket(): Promise<void> {
  for await (const page of paginateListObjectsV2({ client: admin }, { Bucket: bucket })) {
    const objects = (page.Contents ?? []).map((o) => ({ Key: o.Key }));
    if (objects.length > 0)
      await admin.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects } }));
  }
  await admin.send(new DeleteBucketCommand({ Bucket: bucket }));
}

describe('s3:// store against the S3 server', () => {
  beforeAll(createBucket, 150_000);
  afterAll(async () => {
    await deleteBucket();
    admin.destroy();
  });

  describeArtifactStoreContract(
    's3:// store with a prefix',
    () =>
      Promise.resolve({
        store: createArtifactStore(`s3://${bucket}/contract/prefixed`, options),
        pagedStore: createArtifactStore(`s3://${bucket}/contract/prefixed`, { ...options, listPageSize: 7 }),
        pageSize: 7,
        keepsContentType: true,
      }),
    () => Promise.resolve(),
  );

  it('uploads a large stream in parts of the configured size', async () => {
    const store = createArtifactStore(`s3://${bucket}/multipart`, options);
    const part = 5 * 1024 * 1024;
    const chunks = Array.from({ length: 12 }, (_, i) => Buffer.alloc(1024 * 1024, i));
    await store.put('model.bin', Readable.from(chunks));
    const head = await admin.send(new HeadObjectCommand({ Bucket: bucket, Key: 'multipart/model.bin' }));
    // A multipart object's ETag is "<md5 of part md5s>-<number of parts>": 12 MiB / 5 MiB -> 3.
    expect(head.ETag).toMatch(/-3"?$/);
    expect(head.ContentLength).toBe(12 * 1024 * 1024);
    expect(Math.ceil((head.ContentLength ?? 0) / part)).toBe(3);
    await store.close();
  });

  it('keeps stores under different prefixes of one bucket apart', async () => {
    const a = createArtifactStore(`s3://${bucket}/tenant-a`, options);
    const b = createArtifactStore(`s3://${bucket}/tenant-a-b`, options);
    await a.put('k', Buffer.from('a'));
    await b.put('k', Buffer.from('b'));
    const listed: string[] = [];
    for await (const item of a.list()) listed.push(item.key);
    expect(listed).toEqual(['k']);
    expect(a.uri('k')).toBe(`s3://${bucket}/tenant-a/k`);
    await Promise.all([a.close(), b.close()]);
  });

  it('surfaces a missing bucket as an S3 error rather than a missing artifact', async () => {
    const store = createArtifactStore('s3://flywheel-no-such-bucket-xyz/p', options);
    await expect(store.put('k', Buffer.from('x'))).rejects.toThrow(/bucket does not exist/i);
    await expect(store.get('k')).rejects.toMatchObject({ name: 'NoSuchBucket' });
    await store.close();
  });
});
