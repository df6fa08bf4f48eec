/** Header that says how a record's value is encoded. */
export const CONTENT_TYPE_HEADER = 'content-type';

/** The two encodings a topic accepts: binary protobuf (the default) and the proto3 JSON mapping. */
export const ContentType = Object.freeze({
  Protobuf: 'application/x-protobuf',
  Json: 'application/json',
} as const);

/**
 * Headers added to a record sent to `<topic>.dlq`. The original key, value and headers are kept
 * as they were, so an operator can fix the cause and replay the record unchanged.
 */
export const DlqHeader = Object.freeze({
  /** Why the record was dead-lettered, in words (decode error or the handler's last error). */
  Reason: 'x-flywheel-dlq-reason',
  /** Topic the record was consumed from. */
  SourceTopic: 'x-flywheel-source-topic',
  /** Partition the record was consumed from, in decimal. */
  SourcePartition: 'x-flywheel-source-partition',
  /** Offset of the record in its source partition, in decimal. */
  SourceOffset: 'x-flywheel-source-offset',
  /** When the record was dead-lettered, ISO 8601 UTC. */
  FailedAt: 'x-flywheel-failed-at',
  /** Consumer group whose handler gave up on the record. */
  ConsumerGroup: 'x-flywheel-consumer-group',
} as const);
