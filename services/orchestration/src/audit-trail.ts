import type { PoolClient } from 'pg';
import type { AppendAuditInput } from '@flywheel/identity';

/**
 * Where mutations are recorded: `AuditLogRepository` from `@flywheel/identity` (provided by the
 * platform as AUDIT_LOG), appending on the mutation's own transaction.
 */
export interface AuditTrail {
  append(input: AppendAuditInput, tx: PoolClient): Promise<unknown>;
}

/** Who is asking, and the request id their audit entries carry. */
export interface Caller {
  principal: AppendAuditInput['principal'];
  requestId: string;
}
