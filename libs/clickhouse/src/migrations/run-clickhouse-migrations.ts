import type { ClickHouseClient } from '@clickhouse/client';
import { queryRows } from '../query/query-rows';
import { ClickHouseMigrationChecksumMismatchError, ClickHouseMigrationFailedError } from './migration-errors';
import { readMigrationFiles, type MigrationFile } from '@flywheel/migrations';
import { splitSqlStatements } from './split-sql-statements';

export interface ClickHouseMigrationOptions {
  /**
   * Target database, created if missing. Every statement is sent with the parameter
   * `database`, so files name their tables `{database:Identifier}.table`.
   */
  database: string;
  /** Folder of `.sql` files, applied in file-name order; a file may hold several statements. */
  dir: string;
}

export interface ClickHouseMigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

const DATABASE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Applies the pending migration files and records each in `<database>.schema_migrations`
 * (ReplacingMergeTree by name, read with FINAL). ClickHouse has neither transactions nor
 * advisory locks: run migrations from one process (the service that owns the schema), and
 * write statements idempotently (`IF NOT EXISTS`) so a file interrupted midway can run again.
 */
export async function runClickHouseMigrations(
  client: ClickHouseClient,
  options: ClickHouseMigrationOptions,
): Promise<ClickHouseMigrationReport> {
  const { database } = options;
  if (!DATABASE_NAME.test(database))
    throw new Error(`ClickHouse migration database must be an identifier, got ${JSON.stringify(database)}`);
  const files = await readMigrationFiles(options.dir);
  // Split every file first, so a malformed one stops start-up before anything is applied.
  const statements = new Map(files.map((file) => [file.name, splitStatementsOf(file)]));

  await client.command({
    query: 'CREATE DATABASE IF NOT EXISTS {database:Identifier}',
    query_params: { database },
  });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS {database:Identifier}.schema_migrations (
              name String,
              checksum String,
              applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
            ) ENGINE = ReplacingMergeTree(applied_at) ORDER BY name`,
    query_params: { database },
  });
  const recorded = await readRecorded(client, database);
  for (const file of files) {
    const applied = recorded.get(file.name);
    if (applied !== undefined && applied !== file.checksum) {
      throw new ClickHouseMigrationChecksumMismatchError(file.name, database, applied, file.checksum);
    }
  }

  const report: ClickHouseMigrationReport = { applied: [], alreadyApplied: [] };
  for (const file of files) {
    if (recorded.has(file.name)) {
      report.alreadyApplied.push(file.name);
      continue;
    }
    for (const [index, statement] of (statements.get(file.name) ?? []).entries()) {
      try {
        await client.command({ query: statement, query_params: { database } });
      } catch (error) {
        throw new ClickHouseMigrationFailedError(file.name, database, index + 1, error);
      }
    }
    await recordApplied(client, database, file);
    report.applied.push(file.name);
  }
  return report;
}

function splitStatementsOf(file: MigrationFile): string[] {
  try {
    return splitSqlStatements(file.sql);
  } catch (error) {
    throw new Error(`ClickHouse migration ${file.name}: ${(error as Error).message}`, { cause: error });
  }
}

// Parameters, not the name spliced into the text: a database named like a keyword (`table`)
// is then still one identifier.
async function recordApplied(client: ClickHouseClient, database: string, file: MigrationFile): Promise<void> {
  await client.command({
    query:
      'INSERT INTO {database:Identifier}.schema_migrations (name, checksum) SELECT {name:String}, {checksum:String}',
    query_params: { database, name: file.name, checksum: file.checksum },
  });
}

async function readRecorded(client: ClickHouseClient, database: string): Promise<Map<string, string>> {
  const rows: { name: string; checksum: string }[] = await queryRows(
    client,
    'SELECT name, checksum FROM {database:Identifier}.schema_migrations FINAL',
    { database },
  );
  return new Map(rows.map((row) => [row.name, row.checksum]));
}
