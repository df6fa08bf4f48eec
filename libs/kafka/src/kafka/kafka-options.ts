import { BusLogger } from '../contract/logger';
import { checkCount } from '../core/consumer-settings';
import { KafkaSecurity } from './kafka-security';

/** Producer tuning. Defaults favour throughput at a few milliseconds of added latency. */
export interface KafkaProducerTuning {
  /** How long a send waits for others to share its request (default 5 ms); kafkajs does not batch by itself. */
  lingerMs?: number;
  /** Most records per request (default 10 000). */
  maxBatchRecords?: number;
  /** Most estimated bytes per request (default 1 000 000: under a broker's default message.max.bytes of 1 MiB). */
  maxBatchBytes?: number;
  /** Most estimated bytes waiting for the broker; sends beyond it fail at once rather than grow memory (default 64 MiB). */
  maxBufferedBytes?: number;
  /** Idempotent producer: the broker drops duplicates of retried requests (default true). */
  idempotent?: boolean;
  /** Retries of a failing request before its sends reject (default 10: about two minutes of backoff). */
  retries?: number;
}

/** Consumer tuning, passed to kafkajs. */
export interface KafkaConsumerTuning {
  /** A member silent this long is evicted and its partitions reassigned (default 30 s). */
  sessionTimeoutMs?: number;
  /** Heartbeat period, also while a handler runs (default 3 s). */
  heartbeatIntervalMs?: number;
  /** How long a rebalance waits for members to rejoin (default 60 s). */
  rebalanceTimeoutMs?: number;
  /** Most bytes fetched per partition and request (default 1 MiB). */
  maxBytesPerPartition?: number;
  /** Most bytes per fetch request (default 10 MiB). */
  maxBytes?: number;
  /** Longest a fetch waits for records to arrive (default 500 ms; also bounds how long close() waits for a fetch). */
  maxWaitTimeMs?: number;
  /** Partitions handled at the same time by one member (default 1). */
  partitionsConsumedConcurrently?: number;
}

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkaEventBusOptions {
  /** `host:port` of at least one broker. */
  brokers: readonly string[];
  /** Client id in broker logs and quotas (default `flywheel`). */
  clientId?: string;
  /** SASL authentication and TLS; the password never appears in logs or in this library's errors. */
  security?: KafkaSecurity;
  /** Receives this library's logs and kafkajs's (default: warnings and errors to stderr). */
  logger?: BusLogger;
  /** Lowest kafkajs level forwarded to the logger (default `error`: kafkajs is chatty). */
  logLevel?: KafkaLogLevel;
  producer?: KafkaProducerTuning;
  consumer?: KafkaConsumerTuning;
}

export type KafkaProducerSettings = Required<KafkaProducerTuning>;
export type KafkaConsumerSettings = Required<KafkaConsumerTuning>;

export const DEFAULT_PRODUCER_SETTINGS: KafkaProducerSettings = Object.freeze({
  lingerMs: 5,
  maxBatchRecords: 10_000,
  maxBatchBytes: 1_000_000,
  maxBufferedBytes: 64 * 1024 * 1024,
  idempotent: true,
  retries: 10,
});

export const DEFAULT_CONSUMER_SETTINGS: KafkaConsumerSettings = Object.freeze({
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  rebalanceTimeoutMs: 60_000,
  maxBytesPerPartition: 1024 * 1024,
  maxBytes: 10 * 1024 * 1024,
  maxWaitTimeMs: 500,
  partitionsConsumedConcurrently: 1,
});

/** Producer and consumer settings with defaults applied. @throws Error listing every invalid option. */
export function resolveKafkaSettings(options: KafkaEventBusOptions): { producer: KafkaProducerSettings; consumer: KafkaConsumerSettings } {
  const producer = { ...DEFAULT_PRODUCER_SETTINGS, ...options.producer };
  const consumer = { ...DEFAULT_CONSUMER_SETTINGS, ...options.consumer };
  const problems = [
    Array.isArray(options.brokers) && options.brokers.length > 0 ? undefined : 'brokers must list at least one host:port',
    checkCount('producer.lingerMs', producer.lingerMs, 0),
    checkCount('producer.maxBatchRecords', producer.maxBatchRecords, 1),
    checkCount('producer.maxBatchBytes', producer.maxBatchBytes, 1),
    checkCount('producer.maxBufferedBytes', producer.maxBufferedBytes, 1),
    checkCount('producer.retries', producer.retries, 0),
    ...Object.entries(consumer).map(([name, value]) => checkCount(`consumer.${name}`, value, 1)),
  ].filter((problem): problem is string => problem !== undefined);
  if (problems.length > 0) throw new Error(`invalid Kafka event bus options: ${problems.join('; ')}`);
  return { producer, consumer };
}
