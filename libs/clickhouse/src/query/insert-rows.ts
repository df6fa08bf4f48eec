import type { ClickHouseClient } from '@clickhouse/client';
import { chdbRawInsert, chdbSessionOf } from '../chdb-raw-insert';
import { chdbRowBinaryInsert } from '../chdb-row-binary-insert';
import { type RowBinaryFormat, RowBinaryWriter } from '../row-binary/row-binary-writer';

export interface InsertRowsOptions {
  /**
   * Makes a retried insert land once: ClickHouse drops a block whose token it has seen
   * recently (replicated tables, or MergeTree with `non_replicated_deduplication_window`).
   * Derive it from the source, e.g. `topic:partition:firstOffset-lastOffset`.
   */
  dedupToken?: string;
  /**
   * Names the columns of array rows: the rows are then sent as `JSONCompactEachRow` (values in
   * this order), which is cheaper to build and to parse than objects keyed by column.
   */
  columns?: readonly string[];
  /**
   * How to write the (array) rows as RowBinary, with `columns`: used where this library sends
   * the block itself (chDB), which parses it many times faster than JSON; a server client sends
   * JSONCompactEachRow as without it.
   */
  rowBinary?: RowBinaryFormat<never>;
}

const TABLE_NAME = /^([A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$/;
const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Whether insertRows sends `rowBinary` rows to `client` as RowBinary (a chDB-backed client). */
export function insertsRowBinary(client: ClickHouseClient): boolean {
  return chdbSessionOf(client) !== undefined;
}

/**
 * Inserts `rows` as one block: objects as JSONEachRow, or arrays as JSONCompactEachRow when
 * `options.columns` names their columns. An empty array is a no-op.
 */
export async function insertRows(
  client: ClickHouseClient,
  table: string,
  rows: readonly object[],
  options: InsertRowsOptions = {},
): Promise<void> {
  // The table name is written into the INSERT statement, so only plain identifiers pass.
  if (!TABLE_NAME.test(table))
    throw new Error(`insertRows table must be "table" or "database.table", got ${JSON.stringify(table)}`);
  const { columns } = options;
  if (columns !== undefined && (columns.length === 0 || !columns.every((column) => COLUMN_NAME.test(column))))
    throw new Error(
      `insertRows columns must be a non-empty list of plain identifiers, got ${JSON.stringify(columns)}`,
    );
  if (rows.length === 0) return;
  // Always sent, empty when absent: chDB applies client insert settings with SET, which sticks
  // to the session, so a stale token would otherwise silently drop the next untokened insert.
  const settings = { insert_deduplication_token: options.dedupToken ?? '' };
  const session = chdbSessionOf(client);
  if (columns !== undefined && options.rowBinary !== undefined && session !== undefined) {
    const { structure, write } = options.rowBinary as RowBinaryFormat<object>;
    const out = new RowBinaryWriter();
    for (const row of rows) write(row, out);
    return chdbRowBinaryInsert(session, { table, columns, structure, body: out.bytes(), settings });
  }
  const format = columns === undefined ? 'JSONEachRow' : 'JSONCompactEachRow';
  if (await chdbRawInsert(client, { table, format, ...(columns && { columns }), rows, settings })) return;
  await client.insert({
    table,
    values: rows,
    ...(columns === undefined
      ? { format: 'JSONEachRow' }
      : { format: 'JSONCompactEachRow', columns: [...columns] as [string, ...string[]] }),
    clickhouse_settings: settings,
  });
}
