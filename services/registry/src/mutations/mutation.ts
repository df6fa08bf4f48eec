import type { Action } from '@flywheel/access';
import type { RegistryDb, RegistryTx } from '../db/registry-database';
import { type Caller, actorOf } from '../domain/caller';
import type { OutboxRepository } from '../outbox/outbox.repository';
import type { RegistryEventChange } from '../outbox/registry-event-change';
import type { AuditTrail } from './audit-trail';

/** What a mutation changed, for the audit log. */
export interface AuditedChange {
  action: Action;
  target: { type: 'registered_model' | 'model_version' | 'promotion_request'; id: string };
  before?: unknown;
  after?: unknown;
}

/**
 * One registry change in progress: its transaction, the caller, and the two records every
 * change leaves in that same transaction — an audit entry and an outbox event.
 */
export class Mutation {
  private notified = false;

  constructor(
    private readonly tx: RegistryTx,
    readonly caller: Caller,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditTrail,
  ) {}

  get db(): RegistryDb {
    return this.tx.db;
  }

  get actor(): string {
    return actorOf(this.caller);
  }

  async audited(change: AuditedChange): Promise<void> {
    await this.audit.append(
      {
        principal: this.caller.principal,
        action: change.action,
        target: change.target,
        before: change.before,
        after: change.after,
        requestId: this.caller.requestId,
        service: 'registry',
      },
      this.tx.client,
    );
  }

  /** Queues the event; it reaches the bus only if this transaction commits. */
  async emit(modelName: string, change: RegistryEventChange): Promise<void> {
    await this.outbox.append(this.tx.db, { modelName, actor: this.actor, change });
    if (!this.notified) {
      this.notified = true;
      await this.outbox.notify(this.tx.db);
    }
  }
}
