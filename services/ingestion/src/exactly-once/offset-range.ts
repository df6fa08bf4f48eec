/** Offsets of one partition, first to last inclusive, in decimal (Kafka offsets are 64-bit). */
export interface OffsetRange {
  readonly first: string;
  readonly last: string;
}

/**
 * The insert deduplication token of a range: `topic:partition:first-last`. The same records
 * inserted again under it are dropped by ClickHouse within the table's deduplication window.
 */
export function dedupToken(topic: string, partition: number, range: OffsetRange): string {
  return `${topic}:${partition}:${range.first}-${range.last}`;
}

/** Whether `offset` comes right after `range`. */
export function follows(range: OffsetRange, offset: string): boolean {
  return BigInt(range.last) + 1n === BigInt(offset);
}
