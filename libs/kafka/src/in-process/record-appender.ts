import { OutgoingRecord, RecordHeaders } from '../core/records';
import { BusStorage, StoredRecordInput } from './bus-storage';
import { ChangeSignal } from './change-signal';
import { partitionForKey } from './murmur2';

/**
 * Writes records into partitions the way a Kafka producer and broker do: keyed records by
 * murmur2(key) (Kafka's default partitioner), keyless ones round-robin; bytes are copied, so later
 * changes to a caller's buffer cannot alter the log.
 */
export class RecordAppender {
  private readonly roundRobin = new Map<string, number>();

  constructor(
    private readonly storage: BusStorage,
    private readonly changes: ChangeSignal,
  ) {}

  append(topic: string, records: readonly OutgoingRecord[]): void {
    const partitions = this.storage.partitionCount(topic);
    if (partitions === undefined) throw new Error(`topic ${topic} does not exist; create it with ensureTopics()`);
    const timestamp = Date.now();
    for (const record of records) {
      const stored: StoredRecordInput = { key: toBytes(record.key), value: record.value && Buffer.from(record.value), headers: headerBytes(record.headers), timestamp };
      this.storage.append(topic, this.partitionFor(topic, stored.key, partitions), [stored]);
    }
    this.changes.notify();
  }

  private partitionFor(topic: string, key: Buffer | null, partitions: number): number {
    if (key !== null) return partitionForKey(key, partitions);
    const next = this.roundRobin.get(topic) ?? 0;
    this.roundRobin.set(topic, next + 1);
    return next % partitions;
  }
}

function toBytes(value: Buffer | string | null): Buffer | null {
  return value === null ? null : Buffer.from(value);
}

function headerBytes(headers: RecordHeaders): RecordHeaders {
  const stored: RecordHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    stored[name] = Array.isArray(value) ? value.map((v) => Buffer.from(v)) : Buffer.from(value);
  }
  return stored;
}
