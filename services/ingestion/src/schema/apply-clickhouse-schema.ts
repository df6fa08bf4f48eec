import { join } from 'node:path';
import { runClickHouseMigrations, type ClickHouseClient, type ClickHouseMigrationReport } from '@flywheel/clickhouse';

/** The migration files of the ClickHouse schema ingestion owns (`services/ingestion/clickhouse`). */
export const CLICKHOUSE_MIGRATIONS_DIR = join(__dirname, '..', '..', 'clickhouse');

/**
 * Applies the migrations to `database`, then sets the retention of `inference_logs` and
 * `feedback` to `retentionDays` after the event timestamp. The TTL change is metadata only
 * (`materialize_ttl_after_modify = 0`): parts written before it expire as they are merged.
 */
export async function applyClickHouseSchema(client: ClickHouseClient, database: string, retentionDays: number): Promise<ClickHouseMigrationReport> {
  const report = await runClickHouseMigrations(client, { database, dir: CLICKHOUSE_MIGRATIONS_DIR });
  for (const table of ['inference_logs', 'feedback']) {
    await client.command({
      query: 'ALTER TABLE {database:Identifier}.{table:Identifier} MODIFY TTL toDateTime(timestamp) + toIntervalDay({days:UInt32})',
      query_params: { database, table, days: retentionDays },
      clickhouse_settings: { materialize_ttl_after_modify: 0 },
    });
  }
  return report;
}
