import { parseError, type ClickHouseClient } from '@clickhouse/client';
import type { ChdbExtension } from 'chdb/connection';

/** The chDB sessions behind clients made by `createClickHouse`, for inserts that bypass the client. */
const chdbSessions = new WeakMap<ClickHouseClient, ChdbExtension>();

export function rememberChdbSession(client: ClickHouseClient, session: ChdbExtension): void {
  chdbSessions.set(client, session);
}

/** The chDB session behind `client`, undefined for a server's client. */
export function chdbSessionOf(client: ClickHouseClient): ChdbExtension | undefined {
  return chdbSessions.get(client);
}

export interface RawInsert {
  table: string;
  format: 'JSONEachRow' | 'JSONCompactEachRow';
  columns?: readonly string[];
  /** Objects for JSONEachRow, arrays in column order for JSONCompactEachRow. */
  rows: readonly object[];
  settings: Record<string, string>;
}

/**
 * Inserts rows, serialized here, straight into chDB when `client` is chDB-backed, and returns
 * false otherwise. Through the client, chDB's connection turns the body into a string and
 * appends it to the SQL text; its raw insert hands the bytes to the engine's parser as they
 * are, with the settings in the statement (not a session `SET`): about a fifth less CPU per
 * row for inference logs. Errors are reshaped like the client's (`code`, `type`).
 */
export async function chdbRawInsert(client: ClickHouseClient, insert: RawInsert): Promise<boolean> {
  const session = chdbSessionOf(client);
  if (!session) return false;
  try {
    await session.rawInsert({
      table: insert.table,
      format: insert.format,
      values: Buffer.from(insert.rows.map((row) => JSON.stringify(row)).join('\n')),
      ...(insert.columns && { columns: insert.columns }),
      settings: insert.settings,
    });
  } catch (error) {
    const mapped = parseError(error instanceof Error ? error.message : String(error));
    if (mapped !== error) mapped.cause = error;
    throw mapped;
  }
  return true;
}
