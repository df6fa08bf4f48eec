import { join } from 'node:path';
import { type PgMigrationReport, type PgPool, runPgMigrations } from '@flywheel/postgres';

/** The schema the registry's tables live in unless configured otherwise (tests pick their own). */
export const REGISTRY_SCHEMA = 'registry';

/** Plain SQL migrations, applied in file-name order; the folder ships beside `src` and `dist`. */
export const REGISTRY_MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');

/** Creates or upgrades the registry's tables in `schema` (under the migration advisory lock). */
export function migrateRegistrySchema(pool: PgPool, schema: string = REGISTRY_SCHEMA): Promise<PgMigrationReport> {
  return runPgMigrations(pool, { schema, dir: REGISTRY_MIGRATIONS_DIR });
}
