import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { ALL_TOPICS, dlqTopic } from '@flywheel/contracts';
import { KafkaEventBus, silentLogger } from '@flywheel/kafka';
import { freePort, testStack, uniqueName } from '@flywheel/testing';
import { startChildServer } from './child-server';
import { startOnScratchDatabase, type BenchServer } from './bench-server';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(REPO_ROOT, 'services', 'flywheel', 'dist', 'main.js');
const BENCH_BUCKET = 'flywheel-bench';

/**
 * Flywheel's tracking service as deployed (`flywheel start --target=tracking`, built output)
 * against the stack: a fresh PostgreSQL database, an S3 prefix on MinIO, the Kafka broker with
 * Flywheel's topics (created as deployment config does; producers never create topics).
 * The per-caller rate limit is switched off: every bench client is the same anonymous caller,
 * and MLflow has no such limit.
 */
export async function startFlywheelTrackingServer(workDir: string): Promise<BenchServer> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run 'npx nx run flywheel:build' first`);
  const stack = testStack();
  const id = uniqueName('tracking_bench');
  await ensureBucket(stack.s3);
  await ensureTopics(stack.kafkaBrokers);
  const [admin, grpc, http] = [await freePort(), await freePort(), await freePort()];
  return startOnScratchDatabase(id, async (database) => ({
    name: 'flywheel',
    description: 'flywheel tracking (one process)',
    server: await startChildServer({
      name: 'flywheel tracking',
      command: process.execPath,
      args: [MAIN, 'start', '--target=tracking'],
      options: {
        cwd: workDir,
        env: {
          ...process.env,
          FLYWHEEL_DATA_DIR: join(workDir, 'flywheel-data'),
          FLYWHEEL_DATABASE_URL: database.url.toString(),
          FLYWHEEL_ARTIFACT_ROOT: `s3://${BENCH_BUCKET}/${id}`,
          FLYWHEEL_S3_ENDPOINT: stack.s3.endpoint,
          FLYWHEEL_S3_REGION: stack.s3.region,
          FLYWHEEL_S3_ACCESS_KEY_ID: stack.s3.accessKeyId,
          FLYWHEEL_S3_SECRET_ACCESS_KEY: stack.s3.secretAccessKey,
          FLYWHEEL_KAFKA_BROKERS: stack.kafkaBrokers.join(','),
          FLYWHEEL_BIND_HOST: '127.0.0.1',
          FLYWHEEL_ADMIN_PORT: String(admin),
          FLYWHEEL_TRACKING_GRPC_PORT: String(grpc),
          FLYWHEEL_TRACKING_HTTP_PORT: String(http),
          FLYWHEEL_RATE_LIMIT_PER_SECOND: '0',
        },
      },
      baseUrl: new URL(`http://127.0.0.1:${http}`),
      readyUrl: new URL(`http://127.0.0.1:${admin}`),
      readyPath: '/readyz',
      logFile: join(workDir, 'flywheel-tracking.log'),
      readyTimeoutMs: 120_000,
    }),
  }));
}

async function ensureBucket(s3: ReturnType<typeof testStack>['s3']): Promise<void> {
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: BENCH_BUCKET }));
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  } finally {
    client.destroy();
  }
}

async function ensureTopics(brokers: string[]): Promise<void> {
  const bus = new KafkaEventBus({ brokers, clientId: 'flywheel-bench-topics', logger: silentLogger });
  try {
    await bus.ensureTopics([...ALL_TOPICS, ...ALL_TOPICS.map(dlqTopic)], 3);
  } finally {
    await bus.close();
  }
}
