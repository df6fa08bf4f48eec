import { ConsumedRecord, RecordHeaders } from '../core/records';

/** A record as the in-process bus stores it: encoded, headers as bytes, as a broker keeps them. */
export interface StoredRecordInput {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: RecordHeaders;
  /** Epoch milliseconds. */
  readonly timestamp: number;
}

/**
 * Where the in-process bus keeps partition logs and committed group offsets. Memory by default;
 * a durable standalone mode can implement this interface without touching the bus. Offsets start
 * at 0 per partition and are never reused.
 */
export interface BusStorage {
  /** Creates the topic unless it exists (an existing topic keeps its partition count). */
  createTopic(topic: string, partitions: number): void;
  /** The topic's partition count, undefined when it does not exist. */
  partitionCount(topic: string): number | undefined;
  append(topic: string, partition: number, records: readonly StoredRecordInput[]): void;
  /** Up to `maxRecords` records from `fromOffset` on, in offset order. */
  read(topic: string, partition: number, fromOffset: number, maxRecords: number): readonly ConsumedRecord[];
  /** The offset the next appended record will get. */
  endOffset(topic: string, partition: number): number;
  /** The offset the group consumes next, undefined before its first commit. */
  committedOffset(groupId: string, topic: string, partition: number): number | undefined;
  commitOffset(groupId: string, topic: string, partition: number, nextOffset: number): void;
}
