import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { loadPlatformConfig } from '@flywheel/config';
import { KafkaEventBus } from '@flywheel/kafka';
import { testStack, uniqueName } from '@flywheel/testing';
import { busRoundTrip, postgresRoundTrip, storeRoundTrip } from '../test/round-trips';
import { PlatformResources } from './platform-resources';

describe('PlatformResources against the real stack', () => {
  const stack = testStack();
  // S3 bucket names allow "-" but not "_".
  const bucket = uniqueName('flywheel-platform').replace(/_/g, '-');
  const s3 = new S3Client({
    endpoint: stack.s3.endpoint,
    region: stack.s3.region,
    credentials: { accessKeyId: stack.s3.accessKeyId, secretAccessKey: stack.s3.secretAccessKey },
    forcePathStyle: true,
  });
  let dataDir: string;
  let resources: PlatformResources;

  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    dataDir = await mkdtemp(join(tmpdir(), 'flywheel-platform-stack-'));
    resources = new PlatformResources(
      loadPlatformConfig({
        FLYWHEEL_DATA_DIR: dataDir,
        FLYWHEEL_KAFKA_BROKERS: stack.kafkaBrokers.join(','),
        FLYWHEEL_DATABASE_URL: stack.databaseUrl,
        FLYWHEEL_ARTIFACT_ROOT: `s3://${bucket}/platform`,
        FLYWHEEL_S3_ENDPOINT: stack.s3.endpoint,
        FLYWHEEL_S3_REGION: stack.s3.region,
        FLYWHEEL_S3_ACCESS_KEY_ID: stack.s3.accessKeyId,
        FLYWHEEL_S3_SECRET_ACCESS_KEY: stack.s3.secretAccessKey,
      }),
    );
  });

  afterAll(async () => {
    await resources.close();
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'platform/runs/r1/out.bin' }));
    await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    s3.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('carries events over Kafka', async () => {
    expect(resources.eventBus()).toBeInstanceOf(KafkaEventBus);
    await expect(busRoundTrip(resources)).resolves.toBe('hello');
  });

  it('queries the PostgreSQL server, starting no embedded one', async () => {
    await expect(postgresRoundTrip(resources)).resolves.toBe(1);
    expect((await resources.postgres()).target).toBe(stack.databaseUrl.replace(/:[^:@/]+@/, '@'));
  });

  it('stores artifacts in the S3 bucket', async () => {
    expect(resources.artifactStore().root).toBe(`s3://${bucket}/platform`);
    await expect(storeRoundTrip(resources, 'runs/r1/out.bin')).resolves.toBe('model bytes');
  });

  it('reports every opened resource ready', async () => {
    const checks = resources.dependencyChecks();
    expect(checks.map((check) => check.name)).toEqual(['event-bus', 'postgres', 'artifact-store']);
    await Promise.all(checks.map((check) => expect(check.check()).resolves.toBeUndefined()));
  });
});
