import type { RegistryDatabase } from '../db/registry-database';
import type { Caller } from '../domain/caller';
import type { OutboxRepository } from '../outbox/outbox.repository';
import type { AuditTrail } from './audit-trail';
import { Mutation } from './mutation';

/** Runs a change in one transaction with its audit entries and outbox events: all or nothing. */
export class RegistryMutations {
  constructor(
    private readonly database: RegistryDatabase,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditTrail,
  ) {}

  run<T>(caller: Caller, work: (mutation: Mutation) => Promise<T>): Promise<T> {
    return this.database.transaction((tx) => work(new Mutation(tx, caller, this.outbox, this.audit)));
  }
}
