import { sql } from 'kysely';
import type { PoolClient } from 'pg';
import type { RegistryDb } from '../db/registry-database';
import { changeToJson, type RegistryEventChange } from './registry-event-change';

/** An undelivered outbox row. */
export interface OutboxRow {
  id: string;
  modelName: string;
  actor: string;
  occurredAt: Date;
  change: unknown;
}

/** The channel a commit with new outbox rows notifies, so the relay need not wait for its next poll. */
export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}

/**
 * The only place the outbox SQL lives. `append` runs inside the mutation's transaction; the
 * relay reads and stamps rows on its own connection (the one holding the relay lock).
 */
export class OutboxRepository {
  private readonly table: string;

  constructor(private readonly schema: string) {
    this.table = `"${schema}".outbox`;
  }

  async append(db: RegistryDb, event: { modelName: string; actor: string; change: RegistryEventChange }): Promise<string> {
    const row = await db
      .insertInto('outbox')
      .values({ model_name: event.modelName, actor: event.actor, change: JSON.stringify(changeToJson(event.change)) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Queues a notification delivered when (and only if) the transaction commits. */
  async notify(db: RegistryDb): Promise<void> {
    await sql`SELECT pg_notify(${outboxChannel(this.schema)}, '')`.execute(db);
  }

  async undelivered(client: PoolClient, limit: number): Promise<OutboxRow[]> {
    const result = await client.query<{ id: string; model_name: string; actor: string; occurred_at: Date; change: unknown }>(
      `SELECT id, model_name, actor, occurred_at, change FROM ${this.table}
       WHERE delivered_at IS NULL ORDER BY id LIMIT $1`,
      [limit],
    );
    return result.rows.map((row) => ({
      id: row.id,
      modelName: row.model_name,
      actor: row.actor,
      occurredAt: row.occurred_at,
      change: row.change,
    }));
  }

  async markDelivered(client: PoolClient, ids: readonly string[]): Promise<void> {
    await client.query(`UPDATE ${this.table} SET delivered_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Whether this session holds the relay lock now (taking it if free). */
  async tryLock(client: PoolClient): Promise<boolean> {
    const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS locked', [
      relayLockKey(this.schema),
    ]);
    return result.rows[0]?.locked === true;
  }

  async listen(client: PoolClient): Promise<void> {
    await client.query(`LISTEN "${outboxChannel(this.schema)}"`);
  }
}

/** One advisory lock key per schema: one relay publishes a schema's outbox at a time. */
export function relayLockKey(schema: string): string {
  let hash = 0n;
  for (const char of `flywheel.registry.outbox:${schema}`) {
    hash = (hash * 31n + BigInt(char.codePointAt(0) ?? 0)) & 0x7fffffffffffffffn;
  }
  return hash.toString();
}
