export { createPgPool, PgPool, type PgPoolConfig } from './pg-pool';
export { PgConnectionError } from './pg-connection-error';
export { createKysely } from './kysely';
export {
  runPgMigrations,
  type PgMigrationOptions,
  type PgMigrationReport,
} from './migrations/run-pg-migrations';
export { MigrationChecksumMismatchError, MigrationFailedError } from './migrations/migration-errors';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './embedded/start-embedded-postgres';
export { openEmbeddedPostgres, type SharedEmbeddedPostgres } from './embedded/open-embedded-postgres';
