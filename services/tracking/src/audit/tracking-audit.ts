import { Inject, Injectable } from '@nestjs/common';
import type { Action } from '@flywheel/access';
import type { AuditLogRepository } from '@flywheel/identity';
import { AUDIT_LOG } from '@flywheel/platform';
import type { Actor } from '../domain/actor';
import type { Connection } from '../database/statement';

export interface AuditedChange {
  action: Action;
  target: { type: 'experiment' | 'run' | 'artifact' | 'logged_model'; id: string };
  before?: unknown;
  after?: unknown;
}

/** Appends one audit entry per mutation, inside the transaction that makes it when there is one. */
@Injectable()
export class TrackingAudit {
  constructor(@Inject(AUDIT_LOG) private readonly auditLog: AuditLogRepository) {}

  async record(actor: Actor, change: AuditedChange, transaction?: Connection): Promise<void> {
    const input = {
      principal: actor.principal,
      requestId: actor.requestId,
      service: 'tracking',
      ...change,
    };
    await (transaction ? this.auditLog.append(input, transaction) : this.auditLog.append(input));
  }
}
