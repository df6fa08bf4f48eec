import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { BatchHandler, EventConsumer, TopicAssignment } from '../contract/event-consumer';
import { EventTopic } from '../contract/event-topic';
import { BusLogger } from '../contract/logger';
import { ConsumerSettings } from '../core/consumer-settings';
import { errorText } from '../core/error-text';
import { BatchProcessingDeps, processBatch } from '../core/process-batch';
import { OutgoingRecord } from '../core/records';
import { SubscriptionTable } from '../core/subscription-table';
import { KafkaConsumerSettings } from './kafka-options';

export interface KafkaConsumerDeps {
  readonly kafka: Kafka;
  readonly tuning: KafkaConsumerSettings;
  readonly logger: BusLogger;
  sendDeadLetters(topic: string, records: OutgoingRecord[]): Promise<void>;
  onClose(consumer: KafkaEventConsumer): void;
}

/**
 * EventConsumer over a kafkajs consumer with `eachBatch` and no auto-commit. Each fetched batch
 * is cut into handler calls of at most `maxBatchSize` records; after each call succeeds (or its
 * failures are dead-lettered) the offset is resolved and committed, before the next call. A crash
 * anywhere therefore redelivers from the last commit: retry state is the committed offset itself.
 */
export class KafkaEventConsumer implements EventConsumer {
  readonly groupId: string;
  private readonly consumer: Consumer;
  private readonly subscriptions: SubscriptionTable;
  private readonly stopping = new AbortController();
  private readonly processing: Omit<BatchProcessingDeps, 'heartbeat'>;
  private assigned: TopicAssignment[] = [];
  private closing?: Promise<void>;

  constructor(
    private readonly settings: ConsumerSettings,
    private readonly deps: KafkaConsumerDeps,
  ) {
    this.groupId = settings.groupId;
    this.subscriptions = new SubscriptionTable(settings.groupId);
    const { tuning } = deps;
    const { fetch } = settings;
    this.consumer = deps.kafka.consumer({
      groupId: settings.groupId,
      sessionTimeout: tuning.sessionTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      minBytes: fetch.minBytes ?? 1,
      maxBytesPerPartition: fetch.maxBytesPerPartition ?? tuning.maxBytesPerPartition,
      maxBytes: fetch.maxBytes ?? tuning.maxBytes,
      maxWaitTimeInMs: fetch.maxWaitTimeMs ?? tuning.maxWaitTimeMs,
      allowAutoTopicCreation: false,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      this.assigned = Object.entries(payload.memberAssignment).map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }));
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      deps.logger.error('Kafka consumer crashed', { groupId: this.groupId, restarting: payload.restart, error: errorText(payload.error) });
    });
    this.processing = {
      scope: { system: 'kafka', groupId: settings.groupId },
      retry: settings.retry,
      logger: deps.logger,
      signal: this.stopping.signal,
      sendDeadLetters: (topic, records) => deps.sendDeadLetters(topic, records),
    };
  }

  subscribe<T>(topic: EventTopic<T>, handler: BatchHandler<T>): void {
    this.subscriptions.add(topic, handler);
  }

  async start(): Promise<void> {
    this.subscriptions.freeze();
    const joined = this.firstGroupJoin();
    try {
      await this.consumer.connect();
      await this.consumer.subscribe({ topics: this.subscriptions.topics(), fromBeginning: this.settings.startFrom === 'earliest' });
      await this.consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.settings.concurrency ?? this.deps.tuning.partitionsConsumedConcurrently,
        eachBatch: (payload) => this.handleFetchedBatch(payload),
      });
      await joined.promise;
    } catch (error) {
      joined.cancel();
      await this.close();
      throw error;
    }
  }

  assignment(): readonly TopicAssignment[] {
    return this.closing ? [] : this.assigned;
  }

  close(): Promise<void> {
    return (this.closing ??= this.stopAndDisconnect());
  }

  private async stopAndDisconnect(): Promise<void> {
    // Aborting only cuts retry backoffs short; kafkajs's stop waits for the running handler call.
    this.stopping.abort();
    try {
      await this.consumer.disconnect();
    } finally {
      this.assigned = [];
      this.deps.onClose(this);
    }
  }

  private async handleFetchedBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const subscription = this.subscriptions.get(batch.topic);
    if (!subscription) return;
    const heartbeat = { beat: payload.heartbeat, intervalMs: this.deps.tuning.heartbeatIntervalMs };
    const max = this.settings.maxBatchSize;
    for (let start = 0; start < batch.messages.length; start += max) {
      if (!payload.isRunning() || payload.isStale()) return;
      const records = batch.messages.length <= max ? batch.messages : batch.messages.slice(start, start + max);
      const last = records[records.length - 1];
      if (!last) return;
      const outcome = await processBatch(subscription, batch.partition, records, { ...this.processing, heartbeat, highWatermark: batch.highWatermark });
      if (outcome === 'abandoned') return;
      payload.resolveOffset(last.offset);
      if (this.settings.awaitCommits) {
        if (!(await this.commitAcknowledged(payload, records[0]?.offset ?? last.offset))) return;
      } else {
        await this.commit(payload);
      }
    }
  }

  /**
   * Commits and waits for the broker (`awaitCommits`). When the commit fails, the partition is
   * sought back to the batch's first offset, so the same batch is handled (and committed) again
   * before anything after it: no second uncommitted batch of the partition is ever handled.
   */
  private async commitAcknowledged(payload: EachBatchPayload, firstOffset: string): Promise<boolean> {
    try {
      await payload.commitOffsetsIfNecessary(payload.uncommittedOffsets());
      return true;
    } catch (error) {
      const { topic, partition } = payload.batch;
      this.deps.logger.warn('offset commit failed; the batch is handled again', { groupId: this.groupId, topic, partition, error: errorText(error) });
      this.consumer.seek({ topic, partition, offset: firstOffset });
      return false;
    }
  }

  /**
   * Commits every resolved offset without waiting for the broker before the next batch: a round
   * trip per batch would stall consumption. Commits are cumulative and travel in order on the
   * coordinator's connection, so a later one covers an earlier one that failed (a rebalance), or
   * the records are redelivered: never skipped. Once the consumer is stopping the commit is
   * awaited, so a graceful close leaves the group only after its last batch is committed.
   */
  private async commit(payload: EachBatchPayload): Promise<void> {
    const committing = payload.commitOffsetsIfNecessary(payload.uncommittedOffsets()).catch((error: unknown) => {
      this.deps.logger.warn('offset commit failed; a later commit covers it or the records are redelivered', { groupId: this.groupId, error: errorText(error) });
    });
    if (!payload.isRunning()) await committing;
  }

  /** Resolves on the first group join; rejects if the consumer crashes for good before it. */
  private firstGroupJoin(): { promise: Promise<void>; cancel: () => void } {
    const removers: (() => void)[] = [];
    const cancel = (): void => removers.forEach((remove) => remove());
    const promise = new Promise<void>((resolve, reject) => {
      removers.push(
        this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
          cancel();
          resolve();
        }),
        this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
          if (payload.restart) return;
          cancel();
          reject(payload.error);
        }),
      );
    });
    // start() may fail before awaiting it; the failure is reported there.
    promise.catch(() => undefined);
    return { promise, cancel };
  }
}
