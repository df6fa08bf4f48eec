import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testStack, uniqueName } from '@flywheel/testing';
import { startFlywheel, type FlywheelProcess } from './flywheel-process';
import { createScratchArtifactRoot, createScratchDatabase, ensureFlywheelTopics } from './stack-resources';

/** Bucket on the stack's MinIO for e2e artifacts; each run writes under a prefix of its own. */
const E2E_BUCKET = 'flywheel-e2e';

export interface StackPlatform {
  readonly flywheel: FlywheelProcess;
  /** FLYWHEEL_ARTIFACT_ROOT of the process (`s3://<bucket>/<prefix>` on the stack's MinIO). */
  readonly artifactRoot: string;
  /** Temporary folder of this run: logs and anything the test writes. */
  readonly dir: string;
  /** Stops the process and removes its database, artifacts and folder. */
  dispose(): Promise<void>;
}

/**
 * Runs the built platform with `targets` against the real stack, as a deployment would: a fresh
 * PostgreSQL database, an S3 prefix on MinIO, the Kafka broker with Flywheel's topics; on free
 * loopback ports.
 */
export async function startStackPlatform(name: string, targets: string[]): Promise<StackPlatform> {
  const stack = testStack();
  const id = uniqueName(name);
  const dir = await mkdtemp(join(tmpdir(), `${name}-`));
  await ensureFlywheelTopics(stack.kafkaBrokers);
  const database = await createScratchDatabase(id);
  const artifacts = await createScratchArtifactRoot(E2E_BUCKET, id);
  const disposeResources = async () => {
    await Promise.allSettled([database.drop(), artifacts.clear()]);
  };
  let flywheel: FlywheelProcess;
  try {
    flywheel = await startFlywheel({
      targets,
      logFile: join(dir, 'flywheel.log'),
      env: {
        FLYWHEEL_DATA_DIR: join(dir, 'data'),
        FLYWHEEL_DATABASE_URL: database.url,
        FLYWHEEL_ARTIFACT_ROOT: artifacts.uri,
        FLYWHEEL_S3_ENDPOINT: stack.s3.endpoint,
        FLYWHEEL_S3_REGION: stack.s3.region,
        FLYWHEEL_S3_ACCESS_KEY_ID: stack.s3.accessKeyId,
        FLYWHEEL_S3_SECRET_ACCESS_KEY: stack.s3.secretAccessKey,
        FLYWHEEL_KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      },
    });
  } catch (error) {
    await disposeResources();
    throw error;
  }
  return {
    flywheel,
    artifactRoot: artifacts.uri,
    dir,
    dispose: async () => {
      await flywheel.stop();
      await disposeResources();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
