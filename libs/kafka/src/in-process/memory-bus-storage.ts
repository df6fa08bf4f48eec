import { ConsumedRecord } from '../core/records';
import { BusStorage, StoredRecordInput } from './bus-storage';

/** BusStorage in memory: lost when the process exits, as standalone mode accepts for now. */
export class MemoryBusStorage implements BusStorage {
  private readonly logs = new Map<string, ConsumedRecord[][]>();
  private readonly committed = new Map<string, number>();

  createTopic(topic: string, partitions: number): void {
    if (!this.logs.has(topic)) this.logs.set(topic, Array.from({ length: partitions }, () => []));
  }

  partitionCount(topic: string): number | undefined {
    return this.logs.get(topic)?.length;
  }

  append(topic: string, partition: number, records: readonly StoredRecordInput[]): void {
    const log = this.partitionLog(topic, partition);
    for (const record of records) {
      log.push({ offset: String(log.length), timestamp: String(record.timestamp), key: record.key, value: record.value, headers: record.headers });
    }
  }

  read(topic: string, partition: number, fromOffset: number, maxRecords: number): readonly ConsumedRecord[] {
    return this.partitionLog(topic, partition).slice(fromOffset, fromOffset + maxRecords);
  }

  endOffset(topic: string, partition: number): number {
    return this.partitionLog(topic, partition).length;
  }

  committedOffset(groupId: string, topic: string, partition: number): number | undefined {
    return this.committed.get(offsetKey(groupId, topic, partition));
  }

  commitOffset(groupId: string, topic: string, partition: number, nextOffset: number): void {
    this.committed.set(offsetKey(groupId, topic, partition), nextOffset);
  }

  private partitionLog(topic: string, partition: number): ConsumedRecord[] {
    const log = this.logs.get(topic)?.[partition];
    if (!log) throw new Error(`topic ${topic} has no partition ${partition}`);
    return log;
  }
}

function offsetKey(groupId: string, topic: string, partition: number): string {
  return `${groupId}\u0000${topic}\u0000${partition}`;
}
