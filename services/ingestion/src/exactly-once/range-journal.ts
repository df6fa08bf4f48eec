import { insertRows, queryRows, type ClickHouseClient } from '@flywheel/clickhouse';
import type { OffsetRange } from './offset-range';

const COLUMNS = ['topic', 'partition', 'first_offset', 'last_offset'] as const;

/**
 * The `ingest_ranges` table: the offset range of every insert, written before the insert. The
 * range recorded at a partition's committed offset is the one that may have landed without its
 * commit; a new owner cuts its first batch there so the replay carries the same token.
 */
export class RangeJournal {
  constructor(
    private readonly client: ClickHouseClient,
    private readonly database: string,
  ) {}

  async record(topic: string, partition: number, range: OffsetRange): Promise<void> {
    await insertRows(this.client, `${this.database}.ingest_ranges`, [[topic, partition, range.first, range.last]], { columns: COLUMNS });
  }

  /** The range most recently recorded to start at `first`, if any. */
  async recordedAt(topic: string, partition: number, first: string): Promise<OffsetRange | undefined> {
    const rows: { last: string }[] = await queryRows(
      this.client,
      `SELECT toString(last_offset) AS last FROM {database:Identifier}.ingest_ranges
        WHERE topic = {topic:String} AND partition = {partition:UInt32} AND first_offset = {first:UInt64}
        ORDER BY recorded_at DESC LIMIT 1`,
      { database: this.database, topic, partition, first },
    );
    const [row] = rows;
    return row && { first, last: row.last };
  }
}
