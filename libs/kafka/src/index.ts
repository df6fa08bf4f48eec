// Contract: what services program against, whichever bus carries the events.
export type { EventBus } from './contract/event-bus';
export type { EventProducer, EventHeaders, SendOptions, OutgoingEvent, RawRecord } from './contract/event-producer';
export type { EventConsumer, ConsumerOptions, BatchHandler, BatchResult, HandlerRejection, FetchTuning, DecodedBatch, DecodedMessage, RejectedRecord, TopicAssignment } from './contract/event-consumer';
export { type EventTopic, defineTopic, flywheelTopic, assertTopicName } from './contract/event-topic';
export { type RetryPolicy, DEFAULT_RETRY_POLICY } from './contract/retry-policy';
export { CONTENT_TYPE_HEADER, ContentType, DlqHeader } from './contract/headers';
export { type BusLogger, silentLogger, stderrLogger } from './contract/logger';
export { bytesCodec } from './contract/bytes-codec';
export { forEachMessage } from './contract/for-each-message';
export { EventDeduplicator } from './contract/event-deduplicator';
export { withDeadLetterTopics } from './contract/dead-letter-topics';
export { DEFAULT_MAX_BATCH_SIZE } from './core/consumer-settings';

// Kafka.
export { KafkaEventBus } from './kafka/kafka-event-bus';
export type { KafkaEventBusOptions, KafkaProducerTuning, KafkaConsumerTuning, KafkaLogLevel } from './kafka/kafka-options';
export { DEFAULT_PRODUCER_SETTINGS, DEFAULT_CONSUMER_SETTINGS } from './kafka/kafka-options';
export { ProducerBufferFullError } from './kafka/record-batcher';
export { type KafkaSecurity, SASL_MECHANISMS, type SaslMechanism } from './kafka/kafka-security';

// In-process bus (standalone mode).
export { InProcessEventBus, type InProcessEventBusOptions } from './in-process/in-process-event-bus';
export type { BusStorage, StoredRecordInput } from './in-process/bus-storage';
export type { ConsumedRecord, RecordHeaders } from './core/records';
export { MemoryBusStorage } from './in-process/memory-bus-storage';
