import { userInfo } from 'node:os';
import { type Principal, principalKey } from '@flywheel/access';
import type { PlatformConfig } from '@flywheel/config';
import { ApiKeyRepository, type AuditLogRepository } from '@flywheel/identity';
import { PlatformResources } from '@flywheel/platform';
import type { PgPool } from '@flywheel/postgres';

/** The key table and audit log of the configured database, opened for one CLI command. */
export interface KeysStore {
  pool: PgPool;
  keys: ApiKeyRepository;
  audit: AuditLogRepository;
  /** Who is running the command, as recorded in `created_by`, `revoked_by` and the audit log. */
  operator: Pick<Principal, 'id' | 'kind'>;
  operatorKey: string;
  close(): Promise<void>;
}

/**
 * Opens the database the services use (FLYWHEEL_DATABASE_URL, or the embedded PGlite under the
 * data dir) and brings the identity schema up to date.
 */
export async function openKeysStore(config: PlatformConfig): Promise<KeysStore> {
  const resources = new PlatformResources(config);
  try {
    // The audit log comes over the migrated identity schema, which the key table lives in too.
    const audit = await resources.auditLog();
    const pool = await resources.postgres();
    const operator = { kind: 'service' as const, id: `cli:${operatorName()}` };
    return {
      pool,
      keys: new ApiKeyRepository(
        pool,
        config.auth.pepper === undefined ? {} : { pepper: config.auth.pepper },
      ),
      audit,
      operator,
      operatorKey: principalKey(operator),
      close: () => resources.close(),
    };
  } catch (error) {
    await resources.close();
    throw error;
  }
}

function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry (some containers): the uid still tells operators apart.
    return `uid-${process.getuid?.() ?? 'unknown'}`;
  }
}
