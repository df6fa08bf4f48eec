import { DlqHeader } from '../contract/headers';
import { ConsumedRecord, OutgoingRecord } from './records';

/** Where a dead-lettered record came from. */
export interface DeadLetterSource {
  readonly topic: string;
  readonly partition: number;
  readonly groupId: string;
}

// Headers travel in every fetch of the DLQ; a stack-trace-sized reason is not worth that.
const MAX_REASON_LENGTH = 2_000;

/** The DLQ copy of `record`: key, value and headers as consumed, plus the DlqHeader fields. */
export function deadLetterRecord(record: ConsumedRecord, source: DeadLetterSource, reason: string, failedAt: Date = new Date()): OutgoingRecord {
  return {
    key: record.key,
    value: record.value,
    headers: {
      ...record.headers,
      [DlqHeader.Reason]: reason.length > MAX_REASON_LENGTH ? `${reason.slice(0, MAX_REASON_LENGTH)}...` : reason,
      [DlqHeader.SourceTopic]: source.topic,
      [DlqHeader.SourcePartition]: String(source.partition),
      [DlqHeader.SourceOffset]: record.offset,
      [DlqHeader.FailedAt]: failedAt.toISOString(),
      [DlqHeader.ConsumerGroup]: source.groupId,
    },
  };
}
