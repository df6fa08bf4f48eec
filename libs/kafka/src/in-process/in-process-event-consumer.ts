import { randomUUID } from 'node:crypto';
import { BatchHandler, EventConsumer, TopicAssignment } from '../contract/event-consumer';
import { EventTopic } from '../contract/event-topic';
import { BusLogger } from '../contract/logger';
import { abortableSleep } from '../core/abortable-sleep';
import { ConsumerSettings } from '../core/consumer-settings';
import { errorText } from '../core/error-text';
import { processBatch } from '../core/process-batch';
import { SubscriptionTable } from '../core/subscription-table';
import { BusStorage } from './bus-storage';
import { ChangeSignal } from './change-signal';
import { GroupMembership } from './group-membership';
import { PartitionLocks } from './partition-locks';
import { RecordAppender } from './record-appender';

/** What a consumer shares with the rest of its in-process bus. */
export interface InProcessConsumerDeps {
  readonly storage: BusStorage;
  readonly appender: RecordAppender;
  readonly membership: GroupMembership;
  readonly locks: PartitionLocks;
  readonly changes: ChangeSignal;
  readonly logger: BusLogger;
  readonly onClose: (consumer: InProcessEventConsumer) => void;
}

// After a batch failed outside the handler (a DLQ write), wait before redelivering it.
const FAILURE_PAUSE_MS = 1_000;

/**
 * A consumer-group member of the in-process bus. One loop takes a batch from the next owned
 * partition with uncommitted records (round-robin), runs the shared batch pipeline and commits;
 * it reads from the group's committed offset every time, so anything uncommitted when a member
 * stops is redelivered to whoever owns the partition next.
 */
export class InProcessEventConsumer implements EventConsumer {
  readonly groupId: string;
  private readonly memberId = randomUUID();
  private readonly subscriptions: SubscriptionTable;
  private readonly stopping = new AbortController();
  private loop?: Promise<void>;
  private cursor = 0;

  constructor(
    private readonly settings: ConsumerSettings,
    private readonly deps: InProcessConsumerDeps,
  ) {
    this.groupId = settings.groupId;
    this.subscriptions = new SubscriptionTable(settings.groupId);
  }

  subscribe<T>(topic: EventTopic<T>, handler: BatchHandler<T>): void {
    this.subscriptions.add(topic, handler);
  }

  start(): Promise<void> {
    try {
      this.subscriptions.freeze();
      const missing = this.subscriptions.topics().filter((topic) => this.deps.storage.partitionCount(topic) === undefined);
      if (missing.length > 0) throw new Error(`cannot consume missing topics ${missing.join(', ')}; create them with ensureTopics()`);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    this.deps.membership.join(this.memberId, this.subscriptions.topics());
    this.deps.changes.notify();
    this.loop = this.consumeUntilClosed();
    return Promise.resolve();
  }

  assignment(): TopicAssignment[] {
    if (!this.loop || this.stopping.signal.aborted) return [];
    return this.subscriptions.topics().map((topic) => ({ topic, partitions: this.ownedPartitions(topic) }));
  }

  async close(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    this.stopping.abort();
    this.deps.changes.notify();
    await this.loop;
    this.deps.membership.leave(this.memberId);
    this.deps.changes.notify();
    this.deps.onClose(this);
  }

  private async consumeUntilClosed(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      const changed = this.deps.changes.next();
      const next = this.nextPartitionWithRecords();
      if (!next) {
        await changed;
        continue;
      }
      try {
        await this.deps.locks.run(`${this.groupId}\u0000${next.topic}\u0000${next.partition}`, () => this.consumeBatch(next.topic, next.partition));
      } catch (error) {
        this.deps.logger.error('batch failed outside its handler; it will be redelivered', { ...next, groupId: this.groupId, error: errorText(error) });
        await abortableSleep(FAILURE_PAUSE_MS, signal);
      }
    }
  }

  private async consumeBatch(topic: string, partition: number): Promise<void> {
    const subscription = this.subscriptions.get(topic);
    if (!subscription || this.stopping.signal.aborted || !this.ownedPartitions(topic).includes(partition)) return;
    const { storage } = this.deps;
    const records = storage.read(topic, partition, this.position(topic, partition), this.settings.maxBatchSize);
    const last = records[records.length - 1];
    if (!last) return;
    const outcome = await processBatch(subscription, partition, records, {
      scope: { system: 'flywheel-in-process', groupId: this.groupId },
      retry: this.settings.retry,
      logger: this.deps.logger,
      signal: this.stopping.signal,
      sendDeadLetters: (dlq, deadLetters) => Promise.resolve(this.deps.appender.append(dlq, deadLetters)),
    });
    if (outcome === 'completed') storage.commitOffset(this.groupId, topic, partition, Number(last.offset) + 1);
  }

  private nextPartitionWithRecords(): { topic: string; partition: number } | undefined {
    const owned = this.subscriptions.topics().flatMap((topic) => this.ownedPartitions(topic).map((partition) => ({ topic, partition })));
    for (let i = 0; i < owned.length; i++) {
      const candidate = owned[(this.cursor + i) % owned.length];
      if (candidate && this.position(candidate.topic, candidate.partition) < this.deps.storage.endOffset(candidate.topic, candidate.partition)) {
        this.cursor = (this.cursor + i + 1) % owned.length;
        return candidate;
      }
    }
    return undefined;
  }

  /** Where the group consumes next; a group's first look at a partition fixes its start. */
  private position(topic: string, partition: number): number {
    const { storage } = this.deps;
    const committed = storage.committedOffset(this.groupId, topic, partition);
    if (committed !== undefined) return committed;
    if (this.settings.startFrom === 'earliest') return 0;
    const end = storage.endOffset(topic, partition);
    storage.commitOffset(this.groupId, topic, partition, end);
    return end;
  }

  private ownedPartitions(topic: string): number[] {
    return this.deps.membership.partitionsOf(this.memberId, topic, this.deps.storage.partitionCount(topic) ?? 0);
  }
}
