import { join } from 'node:path';
import { type PgMigrationReport, type PgPool, runPgMigrations } from '@flywheel/postgres';

/** The schema API keys and the audit log live in unless a caller (a test) picks another. */
export const IDENTITY_SCHEMA = 'identity';

/** Plain SQL migrations of the identity schema, applied in file-name order. */
export const IDENTITY_MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

/** Creates or upgrades the identity tables in `schema` (under the migration advisory lock). */
export function migrateIdentitySchema(
  pool: PgPool,
  schema: string = IDENTITY_SCHEMA,
): Promise<PgMigrationReport> {
  return runPgMigrations(pool, { schema, dir: IDENTITY_MIGRATIONS_DIR });
}
