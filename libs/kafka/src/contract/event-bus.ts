import { ConsumerOptions, EventConsumer } from './event-consumer';
import { EventProducer } from './event-producer';

/**
 * The event bus contract: Kafka in production, the in-process bus in standalone mode. Both encode
 * values the same way, partition by key, keep consumer-group offsets and dead-letter the same way.
 */
export interface EventBus {
  createProducer(): EventProducer;
  createConsumer(options: ConsumerOptions): EventConsumer;
  /**
   * Creates the topics that do not exist yet, with `partitions` partitions each; existing topics
   * are left as they are. For deployment scripts and tests: producers never create topics.
   */
  ensureTopics(topics: readonly string[], partitions: number): Promise<void>;
  /** Closes every consumer and producer this bus created that is still open, then the bus. */
  close(): Promise<void>;
}
