import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { ALL_TOPICS, dlqTopic } from '@flywheel/contracts';
import { KafkaEventBus, silentLogger } from '@flywheel/kafka';
import { testStack } from '@flywheel/testing';
import { Client } from 'pg';

/** A database of its own on the stack's PostgreSQL server, so a test sees only its own rows. */
export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(name: string): Promise<ScratchDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name must be [a-z0-9_]+, got ${name}`);
  const serverUrl = testStack().databaseUrl;
  await withAdminClient(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE: a server that died without closing its pool must not keep the database alive.
    drop: () =>
      withAdminClient(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdminClient(serverUrl: string, use: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}

/** An S3 prefix of its own in a bucket of the stack's MinIO, created if missing. */
export interface ScratchArtifactRoot {
  /** `s3://<bucket>/<prefix>`, for FLYWHEEL_ARTIFACT_ROOT. */
  readonly uri: string;
  /** Deletes every object under the prefix. */
  clear(): Promise<void>;
}

export async function createScratchArtifactRoot(
  bucket: string,
  prefix: string,
): Promise<ScratchArtifactRoot> {
  const { s3 } = testStack();
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  }
  return {
    uri: `s3://${bucket}/${prefix}`,
    clear: async () => {
      try {
        for (;;) {
          const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}/` }));
          const keys = (page.Contents ?? []).flatMap((item) =>
            item.Key === undefined ? [] : [{ Key: item.Key }],
          );
          if (keys.length === 0) return;
          await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
        }
      } finally {
        client.destroy();
      }
    },
  };
}

/**
 * Flywheel's topics and their dead-letter topics on the stack's broker, created if missing, as
 * deployment config does before services start (producers never create topics).
 */
export async function ensureFlywheelTopics(brokers: string[]): Promise<void> {
  const bus = new KafkaEventBus({ brokers, clientId: 'flywheel-e2e-topics', logger: silentLogger });
  try {
    await bus.ensureTopics([...ALL_TOPICS, ...ALL_TOPICS.map(dlqTopic)], 3);
  } finally {
    await bus.close();
  }
}
