import { Inject, Injectable } from '@nestjs/common';
import type { AuditLogPage, AuditLogRepository } from '@flywheel/identity';
import { AUDIT_LOG_REPOSITORY } from './audit-log.provider';
import { type AuditQueryInput, auditQueryOf } from './audit-query';

/** One page of the audit log for a validated request, newest first. */
@Injectable()
export class ListAuditEntries {
  constructor(@Inject(AUDIT_LOG_REPOSITORY) private readonly auditLog: AuditLogRepository) {}

  /** @throws AuditQueryError for an invalid filter or page token. */
  execute(input: AuditQueryInput): Promise<AuditLogPage> {
    return this.auditLog.query(auditQueryOf(input));
  }
}
