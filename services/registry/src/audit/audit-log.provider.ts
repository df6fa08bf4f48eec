import type { Provider } from '@nestjs/common';
import { AuditLogRepository, IDENTITY_SCHEMA, migrateIdentitySchema } from '@flywheel/identity';
import { PG_POOL } from '@flywheel/platform';
import type { PgPool } from '@flywheel/postgres';

/** Injection token of the `AuditLogRepository` the audit API reads. */
export const AUDIT_LOG_REPOSITORY = Symbol('flywheel.registry.audit-log-repository');

/**
 * The audit log in the process's PostgreSQL, in `schema` (the registry's tests pass their own):
 * the schema is migrated first, under the migration advisory lock, so services starting
 * together do not race.
 */
export function auditLogProvider(schema: string = IDENTITY_SCHEMA): Provider {
  return {
    provide: AUDIT_LOG_REPOSITORY,
    inject: [PG_POOL],
    useFactory: async (pool: PgPool) => {
      await migrateIdentitySchema(pool, schema);
      return new AuditLogRepository(pool, { schema });
    },
  };
}
