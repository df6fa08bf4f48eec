import type { ClickHouseClient } from '@clickhouse/client';

export interface InsertRowsOptions {
  /**
   * Makes a retried insert land once: ClickHouse drops a block whose token it has seen
   * recently (replicated tables, or MergeTree with `non_replicated_deduplication_window`).
   * Derive it from the source, e.g. `topic:partition:firstOffset-lastOffset`.
   */
  dedupToken?: string;
}

const TABLE_NAME = /^([A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$/;

/** Inserts `rows` as one JSONEachRow block; an empty array is a no-op. */
export async function insertRows(
  client: ClickHouseClient,
  table: string,
  rows: readonly object[],
  options: InsertRowsOptions = {},
): Promise<void> {
  // The table name is written into the INSERT statement, so only plain identifiers pass.
  if (!TABLE_NAME.test(table))
    throw new Error(`insertRows table must be "table" or "database.table", got ${JSON.stringify(table)}`);
  if (rows.length === 0) return;
  await client.insert({
    table,
    values: rows,
    format: 'JSONEachRow',
    // Always sent, empty when absent: chDB applies insert settings with SET, which sticks to
    // the session, so a stale token would otherwise silently drop the next untokened insert.
    clickhouse_settings: { insert_deduplication_token: options.dedupToken ?? '' },
  });
}
