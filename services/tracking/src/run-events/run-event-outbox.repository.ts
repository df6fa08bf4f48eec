import { Injectable } from '@nestjs/common';
import type { Connection } from '../database/statement';
import { TrackingDatabase } from '../database/tracking-database';

/** An event claimed for publishing. */
export interface OutboxEvent {
  id: string;
  runId: string;
  payload: Uint8Array;
}

/** The only place the SQL of the run event outbox lives. */
@Injectable()
export class RunEventOutboxRepository {
  private readonly insert;
  private readonly claimStatement;
  private readonly deleteStatement;
  private readonly releaseStatement;

  constructor(database: TrackingDatabase) {
    const t = database.tables;
    this.insert = database.statement(`INSERT INTO ${t.runEventOutbox} (run_id, payload) VALUES ($1, $2)`);
    // SKIP LOCKED lets several relays claim disjoint rows; the lease hands rows of a crashed
    // relay to the next one.
    this.claimStatement = database.statement(
      `UPDATE ${t.runEventOutbox} SET claimed_until = now() + $2 * interval '1 millisecond'
       WHERE id IN (
         SELECT id FROM ${t.runEventOutbox} WHERE claimed_until IS NULL OR claimed_until < now()
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, run_id, payload`,
    );
    this.deleteStatement = database.statement(`DELETE FROM ${t.runEventOutbox} WHERE id = ANY($1::int8[])`);
    this.releaseStatement = database.statement(
      `UPDATE ${t.runEventOutbox} SET claimed_until = NULL WHERE id = ANY($1::int8[])`,
    );
  }

  /** Call inside the transaction that makes the change the event describes. */
  async enqueue(connection: Connection, runId: string, payload: Uint8Array): Promise<void> {
    await this.insert.run(connection, [runId, Buffer.from(payload)]);
  }

  /** Claims up to `limit` unclaimed events for `leaseMs`, oldest first. */
  async claim(connection: Connection, limit: number, leaseMs: number): Promise<OutboxEvent[]> {
    const result = await this.claimStatement.run<{ id: string; run_id: string; payload: Buffer }>(
      connection,
      [limit, leaseMs],
    );
    return result.rows
      .map((row) => ({ id: row.id, runId: row.run_id, payload: new Uint8Array(row.payload) }))
      .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
  }

  /** Removes published events. */
  async remove(connection: Connection, ids: readonly string[]): Promise<void> {
    await this.deleteStatement.run(connection, [ids]);
  }

  /** Returns claimed events to the queue after a failed publish, for the next attempt. */
  async release(connection: Connection, ids: readonly string[]): Promise<void> {
    await this.releaseStatement.run(connection, [ids]);
  }
}
