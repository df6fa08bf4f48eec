import { Context } from '@opentelemetry/api';
import { EventHeaders } from './event-producer';
import { EventTopic } from './event-topic';
import { RetryPolicy } from './retry-policy';

/**
 * One decoded record handed to a handler. Everything but `value` is computed on first read, so
 * read properties by name: spreading a message does not copy them.
 */
export interface DecodedMessage<T> {
  readonly key: string | null;
  readonly value: T;
  /** Every header of the record, as UTF-8 text (the last value when a name repeats). */
  readonly headers: EventHeaders;
  /** Offset in its partition, in decimal (Kafka offsets are 64-bit). */
  readonly offset: string;
  /** Record timestamp, epoch milliseconds. */
  readonly timestamp: number;
  /** The producer's trace context (W3C traceparent/tracestate), for spans per message. */
  readonly traceContext: Context;
}

/** A record of the batch that could not be decoded; it is already in the DLQ. */
export interface RejectedRecord {
  readonly offset: string;
  readonly key: string | null;
  readonly reason: string;
}

/** Consecutive records of one partition. */
export interface DecodedBatch<T> {
  readonly topic: string;
  readonly partition: number;
  /** Decoded records in offset order; never empty. */
  readonly messages: readonly DecodedMessage<T>[];
  /** Records of the same range that failed decoding: dead-lettered, never passed to the handler. */
  readonly rejected: readonly RejectedRecord[];
  /** 1 on first delivery in this process, then 2, 3... while retrying. */
  readonly attempt: number;
  /**
   * Kafka: the partition's high watermark when the batch was fetched (the offset the next record
   * written will get), in decimal; records behind = highWatermark - last offset - 1. Unset in-process.
   */
  readonly highWatermark?: string;
}

/** A record the handler judged invalid, by offset, with the reason recorded in its dead letter. */
export interface HandlerRejection {
  readonly offset: string;
  readonly reason: string;
}

/**
 * What a handler may resolve with: records of the batch it refused (validation failures). They go
 * to the topic's DLQ as consumed, with the reason, before the batch is committed.
 */
export interface BatchResult {
  readonly deadLetters?: readonly HandlerRejection[];
}

/**
 * Processes a batch. Resolving commits it (after dead-lettering the records listed in its
 * `BatchResult`, if any); throwing retries it (see RetryPolicy), then retries each record alone
 * and dead-letters those that still fail. Handlers must be idempotent: delivery is at least once.
 */
export type BatchHandler<T> = (batch: DecodedBatch<T>) => Promise<void | BatchResult>;

/** Kafka fetch sizing for one consumer, overriding the bus's `consumer` tuning (ignored in-process). */
export interface FetchTuning {
  /** Bytes a fetch waits for before answering (Kafka `fetch.min.bytes`, default 1). */
  minBytes?: number;
  /** Longest a fetch waits for `minBytes` (default: the bus's `maxWaitTimeMs`). */
  maxWaitTimeMs?: number;
  maxBytesPerPartition?: number;
  maxBytes?: number;
}

export interface ConsumerOptions {
  /** Consumer group; members of a group share the partitions, each group gets every record. */
  groupId: string;
  /** Where a group without committed offsets starts (default `earliest`: nothing is skipped). */
  startFrom?: 'earliest' | 'latest';
  /** Retries of a failing batch before dead-lettering (defaults in DEFAULT_RETRY_POLICY). */
  retry?: Partial<RetryPolicy>;
  /** Most records per handler call (default 1000); offsets are committed after each call. */
  maxBatchSize?: number;
  /**
   * Kafka: wait for the broker to acknowledge each offset commit before the next handler call of
   * that partition (default false: commits are sent without waiting). With it, at most one
   * handled-but-uncommitted batch per partition exists at any time, which sinks that replay
   * batches exactly (ClickHouse insert tokens) rely on. A failed commit ends the fetched batch.
   */
  awaitCommits?: boolean;
  /** Kafka: fetch sizing of this consumer (e.g. `minBytes` to accumulate larger batches). */
  fetch?: FetchTuning;
  /** Kafka: partitions this consumer handles at the same time (default: the bus's `partitionsConsumedConcurrently`). */
  concurrency?: number;
}

/** Partitions of one topic currently assigned to a consumer. */
export interface TopicAssignment {
  readonly topic: string;
  readonly partitions: readonly number[];
}

/** A member of a consumer group. */
export interface EventConsumer {
  readonly groupId: string;
  /** Routes `topic`'s records to `handler`. Call before start; one handler per topic. */
  subscribe<T>(topic: EventTopic<T>, handler: BatchHandler<T>): void;
  /**
   * Joins the group and starts consuming; resolves once the group has answered with this member's
   * partitions (none when the group has more members than the topics have partitions).
   */
  start(): Promise<void>;
  /** Partitions this member owns right now. */
  assignment(): readonly TopicAssignment[];
  /** Stops fetching, lets the in-flight batch finish and commit, then leaves the group. */
  close(): Promise<void>;
}
