import type { AppendAuditInput } from '@flywheel/identity';
import type { PoolClient } from 'pg';

/**
 * Where mutations are recorded: `AuditLogRepository` from `@flywheel/identity` (provided by the
 * platform as AUDIT_LOG), appending on the mutation's own transaction.
 */
export interface AuditTrail {
  append(input: AppendAuditInput, tx: PoolClient): Promise<unknown>;
}
