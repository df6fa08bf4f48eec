import { join } from 'node:path';
import { type PgMigrationReport, type PgPool, runPgMigrations } from '@flywheel/postgres';

/** The schema the orchestration tables live in unless configured otherwise (tests pick their own). */
export const ORCHESTRATION_SCHEMA = 'orchestration';

/** Plain SQL migrations, applied in file-name order; the folder ships beside `src` and `dist`. */
export const ORCHESTRATION_MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');

/** Creates or upgrades the orchestration tables in `schema` (under the migration advisory lock). */
export function migrateOrchestrationSchema(
  pool: PgPool,
  schema: string = ORCHESTRATION_SCHEMA,
): Promise<PgMigrationReport> {
  return runPgMigrations(pool, { schema, dir: ORCHESTRATION_MIGRATIONS_DIR });
}
