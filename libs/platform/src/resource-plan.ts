import type { KafkaSecurityConfig, PlatformConfig } from '@flywheel/config';
import type { S3StoreOptions } from '@flywheel/storage';

export type EventBusPlan =
  { kind: 'in-process' } | { kind: 'kafka'; brokers: readonly string[]; security?: KafkaSecurityConfig };
export type PostgresPlan = { kind: 'embedded'; dataDir: string } | { kind: 'server'; url: string };
export type ClickHousePlan = { kind: 'chdb'; url: string } | { kind: 'http'; url: string };
export type ArtifactStorePlan =
  { kind: 'file'; uri: string } | { kind: 's3'; uri: string; s3: S3StoreOptions };

/** Which implementation of each infrastructure resource a process uses, and where it lives. */
export interface ResourcePlan {
  eventBus: EventBusPlan;
  postgres: PostgresPlan;
  clickhouse: ClickHousePlan;
  artifactStore: ArtifactStorePlan;
}

/**
 * The plan for `config`: a configured server wherever one is set, otherwise the embedded
 * default under the data dir (in-process bus, PGlite, chDB, local folder).
 */
export function resourcePlan(
  config: Pick<PlatformConfig, 'kafka' | 'database' | 'clickhouse' | 'artifacts' | 's3'>,
): ResourcePlan {
  return {
    eventBus:
      config.kafka.kind === 'brokers'
        ? {
            kind: 'kafka',
            brokers: config.kafka.brokers,
            ...(config.kafka.security && { security: config.kafka.security }),
          }
        : { kind: 'in-process' },
    postgres:
      config.database.kind === 'postgres'
        ? { kind: 'server', url: config.database.url }
        : { kind: 'embedded', dataDir: config.database.dataDir },
    clickhouse:
      config.clickhouse.kind === 'http'
        ? { kind: 'http', url: config.clickhouse.url }
        : { kind: 'chdb', url: `chdb://${config.clickhouse.path}` },
    artifactStore:
      config.artifacts.kind === 's3'
        ? { kind: 's3', uri: config.artifacts.uri, s3: { ...config.s3 } }
        : { kind: 'file', uri: config.artifacts.uri },
  };
}
