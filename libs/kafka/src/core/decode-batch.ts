import { MessageCodec } from '@flywheel/contracts';
import { RejectedRecord } from '../contract/event-consumer';
import { DeadLetterSource, deadLetterRecord } from './dead-letter-record';
import { decodeRecordValue } from './decode-record';
import { DecodedRecordMessage } from './decoded-record-message';
import { ConsumedRecord, OutgoingRecord } from './records';

export interface DecodedRecords<T> {
  messages: DecodedRecordMessage<T>[];
  rejected: RejectedRecord[];
  /** DLQ copies of the rejected records. */
  deadLetters: OutgoingRecord[];
}

/** Decodes each record; those that fail become rejected records with their DLQ copies. */
export function decodeBatch<T>(codec: MessageCodec<T>, records: readonly ConsumedRecord[], source: DeadLetterSource): DecodedRecords<T> {
  const decoded: DecodedRecords<T> = { messages: [], rejected: [], deadLetters: [] };
  for (const record of records) {
    let value: T;
    try {
      value = decodeRecordValue(codec, record);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      decoded.rejected.push({ offset: record.offset, key: record.key?.toString('utf8') ?? null, reason });
      decoded.deadLetters.push(deadLetterRecord(record, source, reason));
      continue;
    }
    decoded.messages.push(new DecodedRecordMessage(value, record));
  }
  return decoded;
}
