import { EventBus } from '../contract/event-bus';
import { ConsumerOptions, EventConsumer } from '../contract/event-consumer';
import { EventProducer } from '../contract/event-producer';
import { assertTopicName } from '../contract/event-topic';
import { BusLogger, stderrLogger } from '../contract/logger';
import { checkCount, resolveConsumerSettings } from '../core/consumer-settings';
import { BusStorage } from './bus-storage';
import { ChangeSignal } from './change-signal';
import { GroupMembership } from './group-membership';
import { InProcessEventConsumer } from './in-process-event-consumer';
import { InProcessEventProducer } from './in-process-event-producer';
import { MemoryBusStorage } from './memory-bus-storage';
import { PartitionLocks } from './partition-locks';
import { RecordAppender } from './record-appender';

export interface InProcessEventBusOptions {
  /** Where records and offsets live (default: memory). */
  storage?: BusStorage;
  logger?: BusLogger;
}

/**
 * The event bus of standalone mode: Kafka's model (topics, key-hashed partitions, consumer
 * groups, committed offsets, DLQs) inside one process, with records stored encoded so encoding,
 * decoding and dead-lettering run exactly the code they run against Kafka.
 */
export class InProcessEventBus implements EventBus {
  private readonly storage: BusStorage;
  private readonly logger: BusLogger;
  private readonly changes = new ChangeSignal();
  private readonly appender: RecordAppender;
  private readonly locks = new PartitionLocks();
  private readonly groups = new Map<string, GroupMembership>();
  private readonly producers = new Set<InProcessEventProducer>();
  private readonly consumers = new Set<InProcessEventConsumer>();

  constructor(options: InProcessEventBusOptions = {}) {
    this.storage = options.storage ?? new MemoryBusStorage();
    this.logger = options.logger ?? stderrLogger;
    this.appender = new RecordAppender(this.storage, this.changes);
  }

  createProducer(): EventProducer {
    const producer = new InProcessEventProducer(this.appender, (closed) => this.producers.delete(closed));
    this.producers.add(producer);
    return producer;
  }

  createConsumer(options: ConsumerOptions): EventConsumer {
    const settings = resolveConsumerSettings(options);
    let membership = this.groups.get(settings.groupId);
    if (!membership) this.groups.set(settings.groupId, (membership = new GroupMembership()));
    const consumer = new InProcessEventConsumer(settings, {
      storage: this.storage,
      appender: this.appender,
      membership,
      locks: this.locks,
      changes: this.changes,
      logger: this.logger,
      onClose: (closed) => this.consumers.delete(closed),
    });
    this.consumers.add(consumer);
    return consumer;
  }

  ensureTopics(topics: readonly string[], partitions: number): Promise<void> {
    try {
      const problem = checkCount('partitions', partitions, 1);
      if (problem) throw new Error(`ensureTopics: ${problem}`);
      topics.forEach(assertTopicName);
      for (const topic of topics) this.storage.createTopic(topic, partitions);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.close()));
    await Promise.all([...this.producers].map((producer) => producer.close()));
  }
}
