import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaEventBus, silentLogger, withDeadLetterTopics } from '@flywheel/kafka';
import { freePorts, testStack, uniqueName } from '@flywheel/testing';
import { type FlywheelProcess, startFlywheel } from './flywheel-process';
import { createScratchArtifactRoot, createScratchDatabase, ensureFlywheelTopics } from './stack-resources';

const E2E_BUCKET = 'flywheel-e2e';

/** Settings of the loop's services beyond addresses (windows, K, poll intervals, guardrails). */
export type LoopServiceEnv = Record<string, string>;

export interface LoopPlatform {
  /** The stack's S3 prefix all processes store artifacts under (`s3://flywheel-e2e/<id>`). */
  readonly artifactRoot: string;
  readonly registryAddress: string;
  readonly orchestrationAddress: string;
  readonly servingGrpcAddress: string;
  /** Topic the gateway logs inferences to and ingestion reads (one per run). */
  readonly logsTopic: string;
  /**
   * Feedback topic ingestion reads (one per run, `flywheel.inference.feedback.v1`'s schema):
   * ingestion starts a new consumer group at the earliest offset, and the shared topic holds
   * every earlier run's feedback.
   */
  readonly feedbackTopic: string;
  readonly processes: Readonly<Record<'tracking' | 'registry' | 'gateway' | 'core', FlywheelProcess>>;
  /** Stops every process and drops the database and artifacts. */
  dispose(): Promise<void>;
}

/**
 * The platform as separate processes on one database, artifact root and Kafka: tracking,
 * registry, serving gateway, and ingestion + monitoring + orchestration together, because these
 * three read and write the same ClickHouse tables and ClickHouse is chDB inside the process.
 */
export async function startLoopPlatform(env: LoopServiceEnv): Promise<LoopPlatform> {
  const stack = testStack();
  const id = uniqueName('whole_loop');
  const dir = await mkdtemp(join(tmpdir(), 'whole-loop-'));
  await ensureFlywheelTopics(stack.kafkaBrokers);
  const database = await createScratchDatabase(id);
  const artifacts = await createScratchArtifactRoot(E2E_BUCKET, id);
  const started: FlywheelProcess[] = [];
  const dispose = async () => {
    await Promise.allSettled(started.map((process) => process.stop()));
    await Promise.allSettled([database.drop(), artifacts.clear()]);
    await rm(dir, { recursive: true, force: true });
  };
  const common = {
    FLYWHEEL_DATABASE_URL: database.url,
    FLYWHEEL_ARTIFACT_ROOT: artifacts.uri,
    FLYWHEEL_S3_ENDPOINT: stack.s3.endpoint,
    FLYWHEEL_S3_REGION: stack.s3.region,
    FLYWHEEL_S3_ACCESS_KEY_ID: stack.s3.accessKeyId,
    FLYWHEEL_S3_SECRET_ACCESS_KEY: stack.s3.secretAccessKey,
    FLYWHEEL_KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    ...env,
  };
  /**
   * Starts a process whose own service ports come from `serviceEnv(ports)`. A port handed out
   * free can be taken by another process before ours binds it; such a start is retried on new ports.
   */
  const start = async (
    name: string,
    targets: string[],
    portCount: number,
    serviceEnv: (ports: number[]) => Record<string, string>,
  ): Promise<{ process: FlywheelProcess; ports: number[] }> => {
    for (let attempt = 1; ; attempt++) {
      const ports = await freePorts(portCount);
      try {
        const process = await startFlywheel({
          targets,
          logFile: join(dir, `${name}.log`),
          env: { ...common, FLYWHEEL_DATA_DIR: join(dir, name), ...serviceEnv(ports) },
        });
        started.push(process);
        return { process, ports };
      } catch (error) {
        if (attempt >= 3 || !(error as Error).message.includes('EADDRINUSE')) throw error;
      }
    }
  };
  try {
    const logsTopic = uniqueName('whole_loop_logs');
    const feedbackTopic = uniqueName('whole_loop_feedback');
    const bus = new KafkaEventBus({ brokers: stack.kafkaBrokers, logger: silentLogger });
    await bus.ensureTopics(withDeadLetterTopics([logsTopic, feedbackTopic]), 3).finally(() => bus.close());
    // Tracking and registry first, one after the other: both migrate the shared identity schema.
    const { process: tracking } = await start('tracking', ['tracking'], 0, () => ({}));
    const trackingUrl = `http://127.0.0.1:${tracking.ports.trackingHttp}`;
    const { process: registry } = await start('registry', ['registry'], 0, () => ({
      FLYWHEEL_REGISTRY_TRACKING_URL: trackingUrl,
    }));
    const registryAddress = `127.0.0.1:${registry.ports.registryGrpc}`;
    const [gateway, core] = await Promise.all([
      start('gateway', ['serving-gateway'], 2, ([grpc, http]) => ({
        FLYWHEEL_SERVING_GRPC_PORT: String(grpc),
        FLYWHEEL_SERVING_HTTP_PORT: String(http),
        FLYWHEEL_SERVING_REGISTRY_ADDRESS: registryAddress,
        FLYWHEEL_SERVING_LOGS_TOPIC: logsTopic,
      })),
      start(
        'core',
        ['ingestion', 'monitoring', 'orchestration'],
        3,
        ([ingestion, monitoring, orchestration]) => ({
          FLYWHEEL_CLICKHOUSE_DATABASE: id,
          FLYWHEEL_INGESTION_GRPC_PORT: String(ingestion),
          FLYWHEEL_INGESTION_LOGS_TOPIC: logsTopic,
          FLYWHEEL_INGESTION_FEEDBACK_TOPIC: feedbackTopic,
          FLYWHEEL_INGESTION_GROUP_ID: `${id}_ingestion`,
          FLYWHEEL_INGESTION_REGISTRY_ADDRESS: registryAddress,
          FLYWHEEL_MONITORING_GRPC_PORT: String(monitoring),
          FLYWHEEL_MONITORING_REGISTRY_ADDRESS: registryAddress,
          FLYWHEEL_ORCHESTRATION_GRPC_PORT: String(orchestration),
          FLYWHEEL_ORCHESTRATION_REGISTRY_ADDRESS: registryAddress,
          FLYWHEEL_ORCHESTRATION_TRACKING_URL: trackingUrl,
          FLYWHEEL_ORCHESTRATION_CONSUMER_GROUP: `${id}_orchestration`,
        }),
      ),
    ]);
    return {
      artifactRoot: artifacts.uri,
      registryAddress,
      orchestrationAddress: `127.0.0.1:${core.ports[2]}`,
      servingGrpcAddress: `127.0.0.1:${gateway.ports[0]}`,
      logsTopic,
      feedbackTopic,
      processes: { tracking, registry, gateway: gateway.process, core: core.process },
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
