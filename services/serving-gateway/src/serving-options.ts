import { z } from 'zod';
import { DEFAULT_LOG_BUFFER_OPTIONS, type LogBufferOptions } from './logging/log-buffer';

export const SERVING_OPTIONS = Symbol('SERVING_OPTIONS');

/** Settings of the serving gateway beyond the platform's (ports, limits, auth). */
export interface ServingOptions {
  /** host:port of the registry's gRPC API. */
  registryAddress: string;
  /** Model versions kept loaded at once (LRU). */
  modelCacheSize: number;
  /**
   * Most rows one model run joins from requests that arrive together (dynamic batching); 1 turns
   * it off. Only models with a free batch dimension on every input and output are batched.
   */
  maxBatchRows: number;
  /** Concurrent inference requests; more get RESOURCE_EXHAUSTED / 429. */
  maxConcurrency: number;
  /** Largest tensor payload of one request, in bytes (4 MiB by default). */
  maxMessageBytes: number;
  /** How long a model's champion alias (no deployment event) is trusted before a re-check. */
  aliasTtlMs: number;
  deploymentTopic: string;
  logsTopic: string;
  /** Send inference logs to Kafka (on by default). */
  logging: boolean;
  logBuffer: LogBufferOptions;
}

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const servingEnvSchema = z.object({
  FLYWHEEL_SERVING_REGISTRY_ADDRESS: z.string().min(1).optional(),
  FLYWHEEL_SERVING_MODEL_CACHE_SIZE: positiveInt(16),
  FLYWHEEL_SERVING_MAX_BATCH_ROWS: positiveInt(64),
  FLYWHEEL_SERVING_MAX_CONCURRENCY: positiveInt(512),
  FLYWHEEL_SERVING_MAX_MESSAGE_BYTES: positiveInt(4 * 1024 * 1024),
  FLYWHEEL_SERVING_ALIAS_TTL_MS: positiveInt(30_000),
  FLYWHEEL_SERVING_DEPLOYMENT_TOPIC: z.string().min(1).default('flywheel.deployment.events.v1'),
  FLYWHEEL_SERVING_LOGS_TOPIC: z.string().min(1).default('flywheel.inference.logs.v1'),
  FLYWHEEL_SERVING_LOGGING: z.enum(['on', 'off']).default('on'),
  FLYWHEEL_SERVING_LOG_BUFFER_CAPACITY: positiveInt(DEFAULT_LOG_BUFFER_OPTIONS.capacity),
  FLYWHEEL_SERVING_LOG_BATCH_SIZE: positiveInt(DEFAULT_LOG_BUFFER_OPTIONS.batchSize),
  FLYWHEEL_SERVING_LOG_FLUSH_MS: positiveInt(DEFAULT_LOG_BUFFER_OPTIONS.flushIntervalMs),
});

/**
 * Reads `FLYWHEEL_SERVING_*` variables (validated at boot; every problem listed). The registry
 * address defaults to the registry's gRPC port on loopback.
 * @throws Error naming each invalid variable.
 */
export function servingOptionsFromEnv(env: NodeJS.ProcessEnv, registryGrpcPort: number): ServingOptions {
  const parsed = servingEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`serving-gateway configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const v = parsed.data;
  return {
    registryAddress: v.FLYWHEEL_SERVING_REGISTRY_ADDRESS ?? `127.0.0.1:${registryGrpcPort}`,
    modelCacheSize: v.FLYWHEEL_SERVING_MODEL_CACHE_SIZE,
    maxBatchRows: v.FLYWHEEL_SERVING_MAX_BATCH_ROWS,
    maxConcurrency: v.FLYWHEEL_SERVING_MAX_CONCURRENCY,
    maxMessageBytes: v.FLYWHEEL_SERVING_MAX_MESSAGE_BYTES,
    aliasTtlMs: v.FLYWHEEL_SERVING_ALIAS_TTL_MS,
    deploymentTopic: v.FLYWHEEL_SERVING_DEPLOYMENT_TOPIC,
    logsTopic: v.FLYWHEEL_SERVING_LOGS_TOPIC,
    logging: v.FLYWHEEL_SERVING_LOGGING === 'on',
    logBuffer: {
      ...DEFAULT_LOG_BUFFER_OPTIONS,
      capacity: v.FLYWHEEL_SERVING_LOG_BUFFER_CAPACITY,
      batchSize: v.FLYWHEEL_SERVING_LOG_BATCH_SIZE,
      flushIntervalMs: v.FLYWHEEL_SERVING_LOG_FLUSH_MS,
    },
  };
}
