import { z } from 'zod';
import { type Environment, type PlatformConfig, integerVariable, loadConfig } from '@flywheel/config';
import { Topic } from '@flywheel/contracts';
import { assertTopicName } from '@flywheel/kafka';

/** Injection token of the ingestion service's `IngestionOptions`. */
export const INGESTION_OPTIONS = Symbol('flywheel.ingestion.options');

export interface IngestionOptions {
  /** ClickHouse database holding `inference_logs`, `feedback` and the aggregates. */
  database: string;
  /** Days of inference logs and feedback kept (TTL on the event timestamp). */
  retentionDays: number;
  topics: { logs: string; feedback: string };
  groupId: string;
  /** Most records per ClickHouse insert (one Kafka handler call). */
  maxBatchRows: number;
  /** A fetch waits up to this long for `fetchMinBytes` to accumulate: the flush interval. */
  flushIntervalMs: number;
  /** Bytes a fetch waits for: batches of thousands of rows under load. */
  fetchMinBytes: number;
  /** Partitions inserted concurrently by this member. */
  concurrency: number;
  /** `host:port` of the registry's gRPC API, for the models' feature schemas; undefined: no schema checks. */
  registryAddress?: string;
  /** How long a model version's feature schema (or its absence) is cached. */
  schemaCacheMs: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HOST_PORT = /^[^\s:]+:\d+$/;

const topicVariable = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const topic = raw ?? fallback;
      try {
        assertTopicName(topic);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
      return topic;
    });

export const ingestionVariablesSchema = z.object({
  FLYWHEEL_CLICKHOUSE_DATABASE: z
    .string()
    .regex(IDENTIFIER, 'expected a ClickHouse identifier (letters, digits, _)')
    .optional()
    .describe('ClickHouse database of inference_logs and feedback (default flywheel)'),
  FLYWHEEL_INGESTION_RETENTION_DAYS: integerVariable({ default: 30, min: 1, max: 36_500, what: 'days' }),
  FLYWHEEL_INGESTION_LOGS_TOPIC: topicVariable(Topic.InferenceLogs),
  FLYWHEEL_INGESTION_FEEDBACK_TOPIC: topicVariable(Topic.InferenceFeedback),
  FLYWHEEL_INGESTION_GROUP_ID: z.string().min(1).optional(),
  FLYWHEEL_INGESTION_MAX_BATCH_ROWS: integerVariable({ default: 20_000, min: 1, max: 1_000_000, what: 'rows' }),
  FLYWHEEL_INGESTION_FLUSH_MS: integerVariable({ default: 1_000, min: 1, max: 60_000, what: 'milliseconds' }),
  FLYWHEEL_INGESTION_FETCH_MIN_BYTES: integerVariable({ default: 1_048_576, min: 1, max: 104_857_600, what: 'bytes' }),
  FLYWHEEL_INGESTION_CONCURRENCY: integerVariable({ default: 2, min: 1, max: 64, what: 'partitions' }),
  FLYWHEEL_INGESTION_REGISTRY_ADDRESS: z
    .string()
    .regex(HOST_PORT, 'must be host:port, or "off" to skip feature-schema checks')
    .or(z.literal('off'))
    .optional(),
  FLYWHEEL_INGESTION_SCHEMA_CACHE_MS: integerVariable({ default: 60_000, min: 0, max: 86_400_000, what: 'milliseconds' }),
});

/**
 * The ingestion service's settings from FLYWHEEL_INGESTION_* (and FLYWHEEL_CLICKHOUSE_DATABASE,
 * shared with monitoring). The registry defaults to this host's registry port, where it runs in
 * the standalone shape. @throws ConfigError listing every bad variable.
 */
export function ingestionOptionsFrom(config: Pick<PlatformConfig, 'ports'>, env: Environment = process.env): IngestionOptions {
  const v = loadConfig(ingestionVariablesSchema, env);
  const registry = v.FLYWHEEL_INGESTION_REGISTRY_ADDRESS ?? `127.0.0.1:${config.ports.registry.grpc}`;
  return {
    database: v.FLYWHEEL_CLICKHOUSE_DATABASE ?? 'flywheel',
    retentionDays: v.FLYWHEEL_INGESTION_RETENTION_DAYS,
    topics: { logs: v.FLYWHEEL_INGESTION_LOGS_TOPIC, feedback: v.FLYWHEEL_INGESTION_FEEDBACK_TOPIC },
    groupId: v.FLYWHEEL_INGESTION_GROUP_ID ?? 'flywheel-ingestion',
    maxBatchRows: v.FLYWHEEL_INGESTION_MAX_BATCH_ROWS,
    flushIntervalMs: v.FLYWHEEL_INGESTION_FLUSH_MS,
    fetchMinBytes: v.FLYWHEEL_INGESTION_FETCH_MIN_BYTES,
    concurrency: v.FLYWHEEL_INGESTION_CONCURRENCY,
    ...(registry !== 'off' && { registryAddress: registry }),
    schemaCacheMs: v.FLYWHEEL_INGESTION_SCHEMA_CACHE_MS,
  };
}
