import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { testStack, uniqueName } from '@flywheel/testing';

/** Creates a bucket of its own on the test stack's S3 server and returns its name. */
export async function createTestBucket(): Promise<string> {
  const { s3 } = testStack();
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    forcePathStyle: true,
  });
  const bucket = uniqueName('tracking').replaceAll('_', '-');
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
  return bucket;
}
