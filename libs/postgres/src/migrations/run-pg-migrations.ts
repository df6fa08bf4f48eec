import type { PoolClient } from 'pg';
import type { PgPool } from '../pg-pool';
import { MigrationChecksumMismatchError, MigrationFailedError } from './migration-errors';
import { readMigrationFiles, type MigrationFile } from '@flywheel/migrations';
import { migrationLockKey } from './migration-lock-key';
import { assertSchemaName } from './schema-name';

export interface PgMigrationOptions {
  /** The service's own schema; created if missing, and the `search_path` its files run with. */
  schema: string;
  /** Folder of `.sql` files, applied in file-name order. */
  dir: string;
}

export interface PgMigrationReport {
  /** Files this call applied, in order. */
  applied: string[];
  /** Files found already recorded (by an earlier start or a concurrent replica). */
  alreadyApplied: string[];
}

/**
 * Applies the pending migrations of `options.dir` to `options.schema`, each file in its own
 * transaction together with its row in `<schema>.schema_migrations`. Runs under a
 * session-level `pg_advisory_lock` keyed by the schema so replicas starting together queue
 * up; each file is also re-checked inside its transaction, which keeps the guarantee on
 * engines where the lock is a no-op (PGlite: one backend shared by every connection).
 */
export async function runPgMigrations(pool: PgPool, options: PgMigrationOptions): Promise<PgMigrationReport> {
  assertSchemaName(options.schema);
  const files = await readMigrationFiles(options.dir);
  const lockKey = migrationLockKey(options.schema);
  const client = await pool.connect();
  try {
    // The lock wait and long DDL must not trip the pool's statement timeout.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1::bigint)', [lockKey]);
    const report = await applyPending(client, options.schema, files);
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [lockKey]);
    await client.query('RESET statement_timeout');
    client.release();
    return report;
  } catch (error) {
    // Destroying the connection ends its session, which releases the advisory lock even
    // when the failure left the connection unusable for an explicit unlock.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

async function applyPending(
  client: PoolClient,
  schema: string,
  files: MigrationFile[],
): Promise<PgMigrationReport> {
  const table = `"${schema}".schema_migrations`;
  await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await client.query(
    `CREATE TABLE IF NOT EXISTS ${table} (
       name text PRIMARY KEY,
       checksum text NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
  const recorded = await readRecorded(client, table);
  // Verify every applied file before applying anything new, so an edited file stops start-up.
  for (const file of files) assertUnchanged(file, recorded.get(file.name), schema);

  const report: PgMigrationReport = { applied: [], alreadyApplied: [] };
  for (const file of files) {
    if (recorded.has(file.name)) {
      report.alreadyApplied.push(file.name);
    } else if (await applyOne(client, schema, table, file)) {
      report.applied.push(file.name);
    } else {
      report.alreadyApplied.push(file.name);
    }
  }
  return report;
}

/** Returns false when another migrator recorded the file first. */
async function applyOne(
  client: PoolClient,
  schema: string,
  table: string,
  file: MigrationFile,
): Promise<boolean> {
  await client.query('BEGIN');
  try {
    const existing = await client.query<{ checksum: string }>(
      `SELECT checksum FROM ${table} WHERE name = $1`,
      [file.name],
    );
    if (existing.rows[0]) {
      assertUnchanged(file, existing.rows[0].checksum, schema);
      await client.query('COMMIT');
      return false;
    }
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    await client.query(file.sql);
    await client.query(`INSERT INTO ${table} (name, checksum) VALUES ($1, $2)`, [file.name, file.checksum]);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    // A failed ROLLBACK means a dead connection; the caller discards it, so report the cause.
    await client.query('ROLLBACK').catch(() => undefined);
    if (error instanceof MigrationChecksumMismatchError) throw error;
    throw new MigrationFailedError(file.name, schema, error);
  }
}

async function readRecorded(client: PoolClient, table: string): Promise<Map<string, string>> {
  const result = await client.query<{ name: string; checksum: string }>(
    `SELECT name, checksum FROM ${table}`,
  );
  return new Map(result.rows.map((row) => [row.name, row.checksum]));
}

function assertUnchanged(file: MigrationFile, appliedChecksum: string | undefined, schema: string): void {
  if (appliedChecksum !== undefined && appliedChecksum !== file.checksum) {
    throw new MigrationChecksumMismatchError(file.name, schema, appliedChecksum, file.checksum);
  }
}
